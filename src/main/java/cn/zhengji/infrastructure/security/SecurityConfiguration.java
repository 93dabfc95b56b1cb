package cn.zhengji.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import cn.zhengji.infrastructure.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach which URL. Finer decisions (which organisation, which campaign) are taken
 * by each module's policy; a denial anywhere is answered as "not found" so that it
 * reveals nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/** No inline script or style anywhere, so this policy holds on every page. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final List<String> STATIC_FOLDERS = List.of("/css/", "/js/", "/img/", "/webjars/", "/vendor/");

	private static final String FAVICON = "/favicon.ico";

	static boolean isStaticResource(String path) {
		return path.equals(FAVICON) || STATIC_FOLDERS.stream().anyMatch(path::startsWith);
	}

	private static String[] staticResourcePatterns() {
		return Stream.concat(STATIC_FOLDERS.stream().map(folder -> folder + "**"), Stream.of(FAVICON))
			.toArray(String[]::new);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, Texts texts, SessionLimits sessionLimits,
			ApplicationEventPublisher events) throws Exception {
		// springdoc serves the same description as YAML at /v3/api-docs.yaml: public as
		// well.
		http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
			.authorizeHttpRequests(
					requests -> requests.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
						.permitAll()
						// The notice itself is public, and so are the campaigns,
						// categories and allocations it defines.
						.requestMatchers(HttpMethod.GET, "/api/v1/campaigns", "/api/v1/campaigns/**")
						.permitAll()
						// tus discovery (OPTIONS): which protocol version, extensions and
						// size limit the server has.
						.requestMatchers(HttpMethod.OPTIONS, "/api/v1/uploads")
						.permitAll()
						// issue 11 item 5: the security and audit administrators have no
						// business data, so no API
						.anyRequest()
						.hasAnyRole(Role.PLATFORM_ADMIN.name(), Role.ORG_ADMIN.name(), Role.PARTICIPANT.name(),
								Role.EXPERT.name()))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> writeProblem(response, 401, "Unauthorized",
						texts.text("error.detail.signInRequired")))
				.accessDeniedHandler((request, response, ex) -> {
					published(events, request, ex);
					writeProblem(response, 404, "Not Found", texts.text("error.detail.notFound"));
				}))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			// Issue 11 items 3, 4 and 6: session limits, a session still owing its second
			// factor gets no API, and the forced password change as a problem
			.addFilterAfter(new SessionLimitsFilter(sessionLimits), BasicAuthenticationFilter.class)
			.addFilterAfter(new SecondFactorRequiredFilter(texts), SessionLimitsFilter.class)
			.addFilterAfter(new PasswordChangeRequiredFilter((request, response) -> writeProblem(response, 403,
					"Forbidden", texts.text("error.detail.passwordChangeRequired"))), SecondFactorRequiredFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, Texts texts, SessionLimits sessionLimits,
			ApplicationEventPublisher events) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers(staticResourcePatterns())
			.permitAll()
			.requestMatchers("/", "/campaigns/**", "/qr.png", "/showcase", "/showcase/**", "/results", "/results/**",
					"/sign-in", "/register", "/register/**", "/error", "/error/**", "/announcements",
					"/announcements/**", "/password-reset", "/password-reset/**", "/legal/**", "/vote/**",
					"/certificates/verify", "/certificates/verify/**")
			.permitAll()
			// issue 11 item 5 (三员分立): accounts are the security administrator's,
			// the audit log the audit administrator's; the system administrator
			// (PLATFORM_ADMIN) has neither, and those two reach nothing else but
			// their own account's pages (profile, password, second factor, notices and
			// the mobile they come to).
			.requestMatchers("/admin/accounts", "/admin/accounts/**", "/admin/accounts.xlsx")
			.hasAnyRole(Role.ORG_ADMIN.name(), Role.SECURITY_ADMIN.name())
			.requestMatchers("/admin/audit", "/admin/audit/**", "/admin/audit.xlsx")
			.hasAnyRole(Role.ORG_ADMIN.name(), Role.AUDIT_ADMIN.name())
			.requestMatchers("/admin/**")
			.hasAnyRole(Role.PLATFORM_ADMIN.name(), Role.ORG_ADMIN.name())
			.requestMatchers("/workbench", "/sign-out", "/account/password", "/account/second-factor",
					"/account/second-factor/**", "/account/profile", "/account/mobile", "/account/mobile/**",
					"/notices", "/notices/**")
			.authenticated()
			.anyRequest()
			.hasAnyRole(Role.PLATFORM_ADMIN.name(), Role.ORG_ADMIN.name(), Role.PARTICIPANT.name(), Role.EXPERT.name()))
			.formLogin(form -> form.loginPage("/sign-in")
				.loginProcessingUrl("/sign-in")
				.defaultSuccessUrl("/workbench")
				.failureHandler(new SignInFailure()))
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signedOut"))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor((request, response, ex) -> {
				// An htmx request whose session expired: make the page reload into the
				// sign-in page.
				response.setHeader("HX-Redirect", request.getContextPath() + "/sign-in");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}, request -> request.getHeader("HX-Request") != null)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/sign-in"), request -> true)
				.accessDeniedHandler((request, response, ex) -> {
					published(events, request, ex);
					response.sendError(HttpServletResponse.SC_NOT_FOUND);
				}))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			// Issue 11 items 3 and 4: idle and absolute session limits, then the second
			// factor, then a forced password change
			.addFilterAfter(new SessionLimitsFilter(sessionLimits), BasicAuthenticationFilter.class)
			.addFilterAfter(new SecondFactorRequiredFilter(texts), SessionLimitsFilter.class)
			.addFilterAfter(
					new PasswordChangeRequiredFilter((request, response) -> response
						.sendRedirect(request.getContextPath() + PasswordChangeRequiredFilter.CHANGE_PASSWORD_PATH)),
					SecondFactorRequiredFilter.class);
		return http.build();
	}

	// Issue 11 (audit of denied requests): both chains tell the audit log what they
	// refused.
	private static void published(ApplicationEventPublisher events, HttpServletRequest request,
			AccessDeniedException ex) {
		events.publishEvent(new RequestDenied(ex instanceof CsrfException, request.getMethod(),
				request.getRequestURI().substring(request.getContextPath().length())));
	}

	static void writeProblem(HttpServletResponse response, int status, String title, String detail)
			throws java.io.IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
