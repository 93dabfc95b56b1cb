package cn.zhengji.infrastructure.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PublicPageCacheTest {

	private final PublicPageCache cache = new PublicPageCache(Duration.ofSeconds(10), 1 << 20);

	private final AtomicInteger rendered = new AtomicInteger();

	/** A page the way a controller answers: marks itself cacheable, then writes. */
	private final Servlet page = new HttpServlet() {
		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			cache.cacheable(request, response);
			response.setContentType("text/html;charset=UTF-8");
			response.setHeader("Content-Security-Policy", "default-src 'self'");
			response.getWriter().write("<p>作品展示 " + rendered.incrementAndGet() + "</p>");
		}
	};

	@Test
	void anAnonymousReaderWithoutCookiesGetsTheKeptPageWithItsHeaders() throws Exception {
		MockHttpServletResponse first = get("/showcase/demo-results", null);
		MockHttpServletResponse second = get("/showcase/demo-results", null);

		assertThat(rendered.get()).isEqualTo(1);
		assertThat(second.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>作品展示 1</p>");
		assertThat(second.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(first.getContentAsString(StandardCharsets.UTF_8));
		assertThat(second.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
		assertThat(second.getHeader("Cache-Control")).isEqualTo("public, max-age=10");
		assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(second.getContentLength()).isEqualTo("<p>作品展示 1</p>".getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void aRequestWithACookieIsAlwaysRenderedAndAnotherQueryIsAnotherPage() throws Exception {
		get("/showcase/demo-results", null);
		MockHttpServletResponse withCookie = get("/showcase/demo-results", new Cookie("ZJSESSION", "x"));
		MockHttpServletResponse otherQuery = get("/showcase/demo-results?q=劳动", null);

		assertThat(rendered.get()).isEqualTo(3);
		assertThat(withCookie.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>作品展示 2</p>");
		assertThat(otherQuery.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>作品展示 3</p>");
	}

	@Test
	void aResponseThatIsNotMarkedOrNotOkIsNeitherKeptNorBuffered() throws Exception {
		MockHttpServletResponse client = new MockHttpServletResponse();
		int[] bytesAtTheClientWhileWriting = new int[1];
		Servlet file = new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				rendered.incrementAndGet();
				response.setContentType("video/mp4");
				response.getOutputStream().write(new byte[] { 0, 0, 0, 24 });
				bytesAtTheClientWhileWriting[0] = client.getContentAsByteArray().length;
			}
		};
		cache.doFilter(new MockHttpServletRequest("GET", "/showcase/works/1/files/2"), client,
				new MockFilterChain(file));
		run(file, "/showcase/works/1/files/2", null);
		Servlet missing = new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				cache.cacheable(request, response);
				rendered.incrementAndGet();
				response.sendError(404);
			}
		};
		run(missing, "/showcase/works/9", null);
		run(missing, "/showcase/works/9", null);

		assertThat(rendered.get()).isEqualTo(4);
		// A file an unmarked controller streams goes to the client as it is written.
		assertThat(bytesAtTheClientWhileWriting[0]).isEqualTo(4);
		assertThat(client.getContentAsByteArray()).containsExactly(0, 0, 0, 24);
	}

	@Test
	void turnedOffItKeepsNothingAndPromisesNoCaching() throws Exception {
		PublicPageCache off = new PublicPageCache(Duration.ZERO, 1 << 20);
		AtomicInteger count = new AtomicInteger();
		Servlet servlet = new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				off.cacheable(request, response);
				response.getWriter().write("page " + count.incrementAndGet());
			}
		};
		for (int i = 0; i < 2; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/showcase");
			MockHttpServletResponse response = new MockHttpServletResponse();
			off.doFilter(request, response, new MockFilterChain(servlet));
			assertThat(response.getHeader("Cache-Control")).isNull();
		}
		assertThat(count.get()).isEqualTo(2);
	}

	private MockHttpServletResponse get(String url, Cookie cookie) throws ServletException, IOException {
		return run(page, url, cookie);
	}

	private MockHttpServletResponse run(Servlet servlet, String url, Cookie cookie)
			throws ServletException, IOException {
		int query = url.indexOf('?');
		MockHttpServletRequest request = new MockHttpServletRequest("GET", query < 0 ? url : url.substring(0, query));
		if (query >= 0) {
			request.setQueryString(url.substring(query + 1));
		}
		if (cookie != null) {
			request.setCookies(cookie);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		cache.doFilter(request, response, new MockFilterChain(servlet));
		return response;
	}

}
