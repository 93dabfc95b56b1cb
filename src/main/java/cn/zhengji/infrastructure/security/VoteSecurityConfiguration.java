package cn.zhengji.infrastructure.security;

import cn.zhengji.infrastructure.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Issue 13 item 5 c: a vote ({@code POST /vote/works/{id}}) never touches the HTTP
 * session — no Spring Session JDBC read or write per vote. Its own chain, before the
 * others: the request's session hidden ({@link NoSessionFilter}), stateless, no request
 * cache, the security context only in a request attribute, and instead of the
 * session-bound CSRF token a same-origin check ({@link SameOriginFilter}) together with
 * the voter cookie's SameSite=Strict. The voter is identified by that signed cookie in
 * the voting module. None of our session filters (session limits, second factor, password
 * change) is in this chain: a voter has no account. Everything else keeps its CSRF token
 * and session.
 */
@Configuration(proxyBeanMethods = false)
class VoteSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain voteSecurity(HttpSecurity http, Texts texts, @Value("${zhengji.base-url:}") String baseUrl)
			throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/vote/works/{id}"))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.logout(logout -> logout.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.addFilterBefore(new NoSessionFilter(), SecurityContextHolderFilter.class)
			.addFilterBefore(new SameOriginFilter(baseUrl, texts), AuthorizationFilter.class);
		return http.build();
	}

}
