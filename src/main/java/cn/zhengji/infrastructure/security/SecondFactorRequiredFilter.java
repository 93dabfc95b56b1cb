package cn.zhengji.infrastructure.security;

import java.io.IOException;

import cn.zhengji.infrastructure.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 11 item 4: a session of an admin or expert that has only passed the password
 * reaches nothing but the second-factor pages (enrolment or code) and signing out. Pages
 * are sent there; the API answers 401 with a Chinese problem.
 */
class SecondFactorRequiredFilter extends OncePerRequestFilter {

	static final String SECOND_FACTOR_PATH = "/account/second-factor";

	private final Texts texts;

	SecondFactorRequiredFilter(Texts texts) {
		this.texts = texts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean pending = SignedInUser.current().map(SignedInUser::secondFactorPending).orElse(false);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (pending && !isAllowedBeforeSecondFactor(path)) {
			if (path.startsWith("/api/")) {
				SecurityConfiguration.writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
						texts.text("error.detail.secondFactorRequired"));
			}
			else if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", request.getContextPath() + SECOND_FACTOR_PATH);
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				response.sendRedirect(request.getContextPath() + SECOND_FACTOR_PATH);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean isAllowedBeforeSecondFactor(String path) {
		return path.equals(SECOND_FACTOR_PATH) || path.startsWith(SECOND_FACTOR_PATH + "/") || path.equals("/sign-out")
				|| path.equals("/error") || SecurityConfiguration.isStaticResource(path);
	}

}
