package cn.zhengji.infrastructure.security;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link SessionLimits} to a signed-in session: at its first request it records
 * the sign-in time and sets the idle timeout of the role; once the absolute limit has
 * passed it ends the session and goes on as a visitor, so that the entry points answer as
 * for any expired session (sign-in page, htmx reload, 401 problem under /api).
 */
class SessionLimitsFilter extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = SessionLimitsFilter.class.getName() + ".signedInAt";

	private final SessionLimits limits;

	SessionLimitsFilter(SessionLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SignedInUser user = SignedInUser.current().orElse(null);
		HttpSession session = request.getSession(false);
		if (user != null && session != null) {
			Object signedInAt = session.getAttribute(SIGNED_IN_AT);
			if (!(signedInAt instanceof Long millis)) {
				session.setAttribute(SIGNED_IN_AT, limits.now().toEpochMilli());
				session.setMaxInactiveInterval((int) limits.idleTimeoutOf(user.role()).toSeconds());
			}
			else if (limits.outlived(Instant.ofEpochMilli(millis))) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
		}
		chain.doFilter(request, response);
	}

}
