package cn.zhengji.showcase.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhengji.files.SendfileRanges;
import cn.zhengji.files.StoredFileCorruptedException;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.showcase.Showcase;
import cn.zhengji.showcase.Showcase.FileRangeSource;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Issue 13 item 5b: a byte range of a public work's file (a video player seeking) is
 * answered before the security chain and Spring MVC's dispatch, which cost most of a
 * range once the bytes went out through sendfile (docs/performance.md, Showcase). The URL
 * is public to everyone, nothing about the reader is looked at and no session is touched;
 * what is served and how is decided by {@link Showcase#rangeSource} (the same file,
 * checks and header values as the controller's answer) and by Spring's
 * {@link ResourceHttpRequestHandler} (206 or 416, Content-Range), whose bytes go through
 * {@link SendfileRanges.SendfileRegionConverter}. Everything else — a request without
 * Range, one with an If-Range naming another version or with If-None-Match, a file that
 * is not public or whose bytes changed — goes on to the controller, which answers it.
 */
@Component
class PublicFileRanges extends OncePerRequestFilter implements Ordered {

	private static final Pattern FILE = Pattern.compile("/showcase/works/([0-9]{1,18})/files/([0-9]{1,18})");

	private static final String SOURCE = PublicFileRanges.class.getName() + ".source";

	private final Showcase showcase;

	private final RangeHandler handler;

	PublicFileRanges(Showcase showcase) throws Exception {
		this.showcase = showcase;
		this.handler = new RangeHandler();
		this.handler.setResourceRegionHttpMessageConverter(new SendfileRanges.SendfileRegionConverter());
		this.handler.setCacheControl(CacheControl.maxAge(Showcase.FILE_MAX_AGE).cachePublic());
		this.handler.afterPropertiesSet();
	}

	@Override
	public int getOrder() {
		// After the page cache (which leaves ranges alone), before session and security.
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				|| request.getHeader(HttpHeaders.RANGE) == null || !FILE.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher path = FILE.matcher(request.getRequestURI());
		if (!path.matches()) {
			chain.doFilter(request, response);
			return;
		}
		FileRangeSource source;
		try {
			source = showcase.rangeSource(Long.parseLong(path.group(1)), Long.parseLong(path.group(2)));
		}
		catch (NotFoundException | StoredFileCorruptedException ex) {
			chain.doFilter(request, response);
			return;
		}
		String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
		if (ifRange != null && !ifRange.trim().equals(source.etag())
				|| request.getHeader(HttpHeaders.IF_NONE_MATCH) != null) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(SOURCE, source);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, source.contentDisposition());
		response.setHeader(HttpHeaders.ETAG, source.etag());
		handler.handleRequest(request, response);
	}

	private static final class RangeHandler extends ResourceHttpRequestHandler {

		@Override
		protected Resource getResource(HttpServletRequest request) {
			return ((FileRangeSource) request.getAttribute(SOURCE)).resource();
		}

		@Override
		protected MediaType getMediaType(HttpServletRequest request, Resource resource) {
			return ((FileRangeSource) request.getAttribute(SOURCE)).contentType();
		}

	}

}
