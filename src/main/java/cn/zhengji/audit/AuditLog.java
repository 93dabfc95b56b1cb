package cn.zhengji.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes audit events. A change is recorded in the transaction that makes it, so that a
 * change and its audit event are committed together or not at all. The actor and address
 * are taken from the current request unless given.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final Texts texts;

	AuditLog(JdbcClient jdbc, ObjectMapper json, Clock clock, Texts texts) {
		this.texts = texts;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records a change made by the signed-in user of the current request.
	 * @param target what was changed, e.g. {@code "organisation"}
	 * @param organisationPath the path of the organisation the target belongs to; decides
	 * which admins may read the event
	 * @param before the state before (null for a creation); any object Jackson can write
	 * @param after the state after (null for a deletion)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordChange(AuditAction action, String target, Object targetId, String organisationPath,
			String summary, Object before, Object after) {
		SignedInUser actor = SignedInUser.current().orElse(null);
		insert(action, actor == null ? null : actor.accountId(),
				actor == null ? texts.text("audit.system") : actor.displayName(), target, targetId, organisationPath,
				summary, before, after);
	}

	/**
	 * Records an event whose actor is known but not (or no longer) signed in: sign-in
	 * attempts, sign-out, system seeding.
	 */
	@Transactional
	public void recordFor(Long actorId, String actorName, AuditAction action, String target, Object targetId,
			String organisationPath, String summary) {
		insert(action, actorId, actorName, target, targetId, organisationPath, summary, null, null);
	}

	private void insert(AuditAction action, Long actorId, String actorName, String target, Object targetId,
			String organisationPath, String summary, Object before, Object after) {
		jdbc.sql("""
				insert into audit_event (occurred_at, actor_id, actor_name, remote_address, action, target_type,
				    target_id, summary, organisation_path, before_state, after_state)
				values (:at, :actorId, :actorName, :address, :action, :target, :targetId, :summary, :path,
				    cast(:before as jsonb), cast(:after as jsonb))
				""")
			.param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("actorId", actorId)
			.param("actorName", actorName)
			.param("address", currentRemoteAddress())
			.param("action", action.name())
			.param("target", target)
			.param("targetId", targetId == null ? null : targetId.toString())
			.param("summary", summary)
			.param("path", organisationPath)
			.param("before", before == null ? null : json.writeValueAsString(before))
			.param("after", after == null ? null : json.writeValueAsString(after))
			.update();
	}

	private static String currentRemoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
