package cn.zhengji.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser's session cookie for MockMvc. Sessions are Spring Session's (issue 11 item
 * 3), found by the cookie rather than by the container's session, so a
 * {@code MockHttpSession} no longer carries anything from one request to the next:
 * {@code .with(session)} sends the cookie the last response of this jar set, and
 * {@link #CAPTURE} (applied to every MockMvc request of the account tests by
 * {@link AccountTestConfiguration}) keeps what the server sets or clears.
 */
public final class SessionCookies implements RequestPostProcessor {

	private static final String JAR = SessionCookies.class.getName();

	/** Keeps the session cookie of a response whose request came with a jar. */
	public static final ResultHandler CAPTURE = result -> {
		if (result.getRequest().getAttribute(JAR) instanceof SessionCookies jar) {
			jar.keep(result.getResponse());
		}
	};

	private Cookie cookie;

	/** The voting module's signed voter cookie (issue 13 item 5 c), kept alike. */
	private Cookie voter;

	/** A browser that holds the cookie of a session stored by the test itself. */
	public static SessionCookies forSession(String sessionId) {
		SessionCookies jar = new SessionCookies();
		jar.cookie = new Cookie("ZJSESSION",
				Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8)));
		return jar;
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		request.setAttribute(JAR, this);
		if (cookie != null) {
			request.setCookies(cookie);
		}
		if (voter != null) {
			Cookie[] held = request.getCookies();
			Cookie[] all = held == null ? new Cookie[1] : java.util.Arrays.copyOf(held, held.length + 1);
			all[all.length - 1] = voter;
			request.setCookies(all);
		}
		return request;
	}

	/** The session id the browser holds, or null. */
	public String id() {
		return cookie == null ? null : cookie.getValue();
	}

	private void keep(MockHttpServletResponse response) {
		for (Cookie set : response.getCookies()) {
			if (set.getName().endsWith("ZJSESSION")) {
				cookie = set.getMaxAge() == 0 ? null : new Cookie(set.getName(), set.getValue());
			}
			if (set.getName().equals("ZJVOTER")) {
				voter = set.getMaxAge() == 0 ? null : new Cookie(set.getName(), set.getValue());
			}
		}
	}

}
