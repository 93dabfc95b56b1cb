package cn.zhengji.infrastructure.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the request of the vote chain session-less for everything after it: asking for
 * the existing session answers none (so Spring Session neither loads it from the database
 * nor writes its last-access time back — Spring MVC's flash maps would otherwise do
 * both), and creating one is a programming error.
 */
class NoSessionFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public HttpSession getSession(boolean create) {
				if (create) {
					throw new IllegalStateException("A vote has no session");
				}
				return null;
			}

			@Override
			public HttpSession getSession() {
				return getSession(true);
			}

			@Override
			public String changeSessionId() {
				throw new IllegalStateException("A vote has no session");
			}

			@Override
			public boolean isRequestedSessionIdValid() {
				return false;
			}

		}, response);
	}

}
