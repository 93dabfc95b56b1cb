package cn.zhengji.infrastructure.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Issue 13 item 5: the public pages (showcase gallery and work pages, results lists) as
 * the public reads them — anonymous, without any cookie, from a QR code or a shared link
 * — are answered from memory for a few seconds, before the security filters, the session
 * and the database. A campaign's winners are announced at one moment and the QR code is
 * printed on posters: the load comes in spikes on a handful of pages that are the same
 * for every anonymous reader.
 * <p>
 * A page takes part when its controller calls {@link #cacheable}: that sets
 * {@code Cache-Control: public, max-age=…} for an anonymous request (so browsers and a
 * CDN may keep it too) and nothing for a signed-in one. Only a 200 answer without a
 * {@code Set-Cookie} to a GET without cookies or credentials is kept, keyed by scheme,
 * host, path and query (the pages carry absolute share links), with its headers (the
 * security headers included, as the filters wrote them). Several nodes each keep their
 * own copy: this holds nothing that must agree between nodes, a change (a finalised
 * publicity) reaches every reader within {@code zhengji.public-pages.ttl}.
 */
@Component
public class PublicPageCache extends OncePerRequestFilter implements Ordered {

	private static final String CACHEABLE = PublicPageCache.class.getName() + ".cacheable";

	private final Duration ttl;

	private final Cache<String, Page> pages;

	PublicPageCache(@Value("${zhengji.public-pages.ttl:10s}") Duration ttl,
			@Value("${zhengji.public-pages.max-bytes:33554432}") long maxBytes) {
		this.ttl = ttl;
		this.pages = Caffeine.newBuilder()
			.expireAfterWrite(ttl)
			.maximumWeight(maxBytes)
			.weigher((String key, Page page) -> page.body().length + key.length())
			.build();
	}

	/**
	 * Marks the response to this request as the same for every anonymous reader: public
	 * caching for an anonymous request, none for a signed-in one.
	 */
	public void cacheable(HttpServletRequest request, HttpServletResponse response) {
		if (request.getUserPrincipal() == null && !ttl.isZero()) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + ttl.toSeconds());
			request.setAttribute(CACHEABLE, Boolean.TRUE);
		}
	}

	@Override
	public int getOrder() {
		// Right after the character encoding, before the session, observation and
		// security
		// filters: a kept page needs none of them (its security headers are kept with
		// it).
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean get = "GET".equals(request.getMethod());
		if (ttl.isZero() || (!get && !"HEAD".equals(request.getMethod()))
				|| request.getHeader(HttpHeaders.COOKIE) != null
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		Page kept = pages.getIfPresent(key);
		if (kept != null) {
			kept.writeTo(response, get);
			return;
		}
		if (!get) {
			chain.doFilter(request, response);
			return;
		}
		Capturing capturing = new Capturing(request, response);
		chain.doFilter(request, capturing);
		ContentCachingResponseWrapper captured = capturing.captured;
		if (captured == null) {
			return;
		}
		if (captured.getStatus() == 200 && captured.getHeader(HttpHeaders.SET_COOKIE) == null) {
			pages.put(key, Page.of(captured));
		}
		captured.copyBodyToResponse();
	}

	private static String key(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
				+ request.getRequestURI() + (query == null ? "" : "?" + query);
	}

	/**
	 * Keeps the body in memory only once the controller has said the page is
	 * {@link #cacheable}, which it does before writing: a file streamed to an anonymous
	 * reader (a video's byte range) passes straight through.
	 */
	private static final class Capturing extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private ContentCachingResponseWrapper captured;

		Capturing(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		private HttpServletResponse target() {
			if (captured == null && Boolean.TRUE.equals(request.getAttribute(CACHEABLE))) {
				captured = new ContentCachingResponseWrapper((HttpServletResponse) getResponse());
			}
			return (captured != null) ? captured : (HttpServletResponse) getResponse();
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			return target().getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			return target().getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			target().flushBuffer();
		}

		@Override
		public void setContentLength(int length) {
			target().setContentLength(length);
		}

		@Override
		public void setContentLengthLong(long length) {
			target().setContentLengthLong(length);
		}

	}

	/** A kept answer: its headers in order and its body. */
	private record Page(String contentType, List<Map.Entry<String, String>> headers, byte[] body) {

		static Page of(ContentCachingResponseWrapper response) {
			List<Map.Entry<String, String>> headers = new ArrayList<>();
			for (String name : response.getHeaderNames()) {
				String lower = name.toLowerCase(Locale.ROOT);
				if (lower.equals("content-type") || lower.equals("content-length") || lower.equals("date")
						|| lower.equals("transfer-encoding")) {
					continue;
				}
				for (String value : response.getHeaders(name)) {
					headers.add(Map.entry(name, value));
				}
			}
			return new Page(response.getContentType(), List.copyOf(headers), response.getContentAsByteArray());
		}

		void writeTo(HttpServletResponse response, boolean withBody) throws IOException {
			response.setStatus(200);
			for (Map.Entry<String, String> header : headers) {
				response.addHeader(header.getKey(), header.getValue());
			}
			if (contentType != null) {
				response.setContentType(contentType);
			}
			response.setContentLength(body.length);
			if (withBody) {
				response.getOutputStream().write(body);
			}
		}

	}

}
