package cn.zhengji.infrastructure.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A one-time password (the first admin's, or one set by an admin) must be replaced before
 * anything else.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD_PATH = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean mustChange = SignedInUser.current().map(SignedInUser::mustChangePassword).orElse(false);
		// The path within the application, not the servlet path: the latter is empty
		// under MockMvc
		// and depends on how the DispatcherServlet is mapped.
		if (mustChange
				&& !isAllowedWhileChanging(request.getRequestURI().substring(request.getContextPath().length()))) {
			response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PATH);
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
