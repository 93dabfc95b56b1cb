package cn.zhengji.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Issue 11 item 3: sessions live in PostgreSQL (Spring Session JDBC, tables of
 * {@code V105}), so a restart signs nobody out and every app node serves every session.
 * This configures what Boot's defaults do not: the account a session belongs to, the
 * cookie, and the idle and absolute limits ({@link SessionLimitsFilter}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * Cookie names: {@code __Host-} makes the browser refuse the cookie unless it is
	 * Secure, has {@code Path=/} and no {@code Domain}, so no sibling host or plain-http
	 * page can plant or overwrite it.
	 */
	static final String SECURE_COOKIE_NAME = "__Host-ZJSESSION";

	static final String PLAIN_COOKIE_NAME = "ZJSESSION";

	/**
	 * Sessions are indexed by account id rather than by the sign-in name: a participant's
	 * name is the masked mobile, which two people can share, and ending "every session of
	 * this account" must never end someone else's.
	 */
	@Bean
	IndexResolver<Session> accountIndexResolver() {
		return new IndexResolver<>() {
			@Override
			public Map<String, String> resolveIndexesFor(Session session) {
				Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
				if (context instanceof SecurityContext securityContext && securityContext.getAuthentication() != null
						&& securityContext.getAuthentication().getPrincipal() instanceof SignedInUser user) {
					return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
							AccountSessions.indexValue(user.accountId()));
				}
				return Map.of();
			}
		};
	}

	/**
	 * Over HTTPS (TLS in Tomcat, or {@code X-Forwarded-Proto} from a trusted proxy) or
	 * with {@code server.servlet.session.cookie.secure=true}, the cookie is
	 * {@value #SECURE_COOKIE_NAME} and Secure. Over plain http (development, the browser
	 * tests) a {@code __Host-} cookie would be refused by the browser, so it is then
	 * {@value #PLAIN_COOKIE_NAME} without Secure; each request reads only the cookie of
	 * its own kind, so a cookie set over http is never accepted over https.
	 */
	@Bean
	CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.secure:false}") boolean alwaysSecure) {
		DefaultCookieSerializer secure = serializer(SECURE_COOKIE_NAME, true);
		DefaultCookieSerializer plain = serializer(PLAIN_COOKIE_NAME, false);
		return new CookieSerializer() {
			@Override
			public void writeCookieValue(CookieValue cookieValue) {
				pick(cookieValue.getRequest()).writeCookieValue(cookieValue);
			}

			@Override
			public List<String> readCookieValues(HttpServletRequest request) {
				return pick(request).readCookieValues(request);
			}

			private CookieSerializer pick(HttpServletRequest request) {
				return alwaysSecure || request.isSecure() ? secure : plain;
			}
		};
	}

	private static DefaultCookieSerializer serializer(String name, boolean secure) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setCookiePath("/");
		serializer.setUseSecureCookie(secure);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		return serializer;
	}

	@Bean
	SessionLimits sessionLimits(@Value("${zhengji.sessions.idle-timeout:30m}") Duration idleTimeout,
			@Value("${zhengji.sessions.staff-idle-timeout:15m}") Duration staffIdleTimeout,
			@Value("${zhengji.sessions.absolute-timeout:12h}") Duration absoluteTimeout, Clock clock) {
		return new SessionLimits(idleTimeout, staffIdleTimeout, absoluteTimeout, clock);
	}

}
