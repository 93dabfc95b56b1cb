package cn.zhengji.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in from an address that {@link SignInAddressThrottle} blocks before
 * Spring Security reads the password, so that a blocked address learns nothing about any
 * password. Runs before the security filters (order -100) and after the session filter.
 */
@Component
@Order(-200)
class SignInThrottleFilter extends OncePerRequestFilter {

	static final String THROTTLED_PATH = "/sign-in?throttled";

	private final SignInAddressThrottle throttle;

	SignInThrottleFilter(SignInAddressThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !"/sign-in".equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (throttle.blocks(request.getRemoteAddr())) {
			response.sendRedirect(request.getContextPath() + THROTTLED_PATH);
			return;
		}
		chain.doFilter(request, response);
	}

}
