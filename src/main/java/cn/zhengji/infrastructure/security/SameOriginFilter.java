package cn.zhengji.infrastructure.security;

import java.io.IOException;
import java.net.URI;

import cn.zhengji.infrastructure.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The CSRF defence of the session-less vote chain (issue 13 item 5 c): a request passes
 * only when the browser says it comes from our own pages — {@code Sec-Fetch-Site:
 * same-origin}, or (browsers without fetch metadata) an {@code Origin} equal to the
 * request's own origin or to {@code zhengji.base-url}'s. Anything else, including a
 * request with neither header, is refused with 403 problem details in Chinese. With the
 * voter cookie's {@code SameSite=Strict} this replaces the synchronizer token, which
 * would need the session.
 */
class SameOriginFilter extends OncePerRequestFilter {

	private final String baseOrigin;

	private final Texts texts;

	SameOriginFilter(String baseUrl, Texts texts) {
		this.baseOrigin = origin(baseUrl);
		this.texts = texts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (sameOrigin(request)) {
			chain.doFilter(request, response);
			return;
		}
		SecurityConfiguration.writeProblem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
				texts.text("error.detail.crossSite"));
	}

	boolean sameOrigin(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return site.equals("same-origin");
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false;
		}
		return origin.equalsIgnoreCase(ownOrigin(request))
				|| (baseOrigin != null && origin.equalsIgnoreCase(baseOrigin));
	}

	private static String ownOrigin(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

	/** scheme://host[:port] of a configured address, or null. */
	static String origin(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			URI uri = URI.create(url.strip());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
