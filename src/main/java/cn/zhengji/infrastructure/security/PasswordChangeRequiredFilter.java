package cn.zhengji.infrastructure.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A one-time password (the first admin's, or one set by an admin) must be replaced before
 * anything else: pages redirect to the change form, the JSON API (issue 11 item 6)
 * answers a problem, so that a one-time password handed over by someone else never serves
 * more than changing it.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD_PATH = "/account/password";

	/** What a request that may not go on gets instead. */
	@FunctionalInterface
	interface Refusal {

		void answer(HttpServletRequest request, HttpServletResponse response) throws IOException;

	}

	private final Refusal refusal;

	PasswordChangeRequiredFilter(Refusal refusal) {
		this.refusal = refusal;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean mustChange = SignedInUser.current().map(SignedInUser::mustChangePassword).orElse(false);
		// The path within the application, not the servlet path: the latter is empty
		// under MockMvc
		// and depends on how the DispatcherServlet is mapped.
		if (mustChange
				&& !isAllowedWhileChanging(request.getRequestURI().substring(request.getContextPath().length()))) {
			refusal.answer(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isAllowedWhileChanging(String path) {
		// issue 11 item 4: the second factor is passed before the forced change
		return path.equals(CHANGE_PASSWORD_PATH) || path.equals("/sign-out") || path.equals("/error")
				|| SecurityConfiguration.isStaticResource(path)
				|| SecondFactorRequiredFilter.isAllowedBeforeSecondFactor(path);
	}

}
