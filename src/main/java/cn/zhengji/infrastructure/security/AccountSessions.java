package cn.zhengji.infrastructure.security;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends the sessions of one account on every node at once (issue 11 item 3): after it is
 * disabled, or its password is reset or changed, a session opened before must not go on.
 */
@Component
public class AccountSessions {

	private final FindByIndexNameSessionRepository<?> sessions;

	AccountSessions(FindByIndexNameSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Deletes every stored session of the account except the one serving the current
	 * request (the person who changed their own password stays signed in there); returns
	 * how many were ended. The deletes commit at once, independently of the caller's
	 * transaction: ending a session too many is harmless, one too few is not.
	 */
	public int endOtherSessions(long accountId) {
		String current = currentSessionId();
		int ended = 0;
		for (String id : sessions.findByPrincipalName(indexValue(accountId)).keySet()) {
			if (!id.equals(current)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	static String indexValue(long accountId) {
		return Long.toString(accountId);
	}

	private static String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			var session = attributes.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		return null;
	}

}
