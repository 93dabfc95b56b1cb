package cn.zhengji.files;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Issue 13 item 5b: a single byte range of a file in local storage (a video player
 * seeking) is handed to Tomcat's sendfile, which copies it from the page cache to the
 * socket in the kernel, as nginx does, instead of through a Java buffer. Spring MVC still
 * decides everything about the range (206 or 416, {@code Content-Range}, the length);
 * only the copying of the bytes moves. Where Tomcat offers no sendfile (TLS in Tomcat,
 * MockMvc, a compressed answer) or for several ranges, Spring's own converter writes the
 * bytes.
 */
@Configuration(proxyBeanMethods = false)
public class SendfileRanges implements WebMvcConfigurer {

	/** Tomcat's request attributes of its sendfile support (see its DefaultServlet). */
	static final String SUPPORT = "org.apache.tomcat.sendfile.support";

	static final String FILENAME = "org.apache.tomcat.sendfile.filename";

	static final String START = "org.apache.tomcat.sendfile.start";

	static final String END = "org.apache.tomcat.sendfile.end";

	SendfileRanges() {
	}

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		for (int i = 0; i < converters.size(); i++) {
			if (converters.get(i).getClass() == ResourceRegionHttpMessageConverter.class) {
				converters.set(i, new SendfileRegionConverter());
			}
		}
	}

	/**
	 * The converter itself, public for a handler that writes ranges outside Spring MVC's
	 * controllers (showcase's public file ranges).
	 */
	public static final class SendfileRegionConverter extends ResourceRegionHttpMessageConverter {

		@Override
		protected void writeInternal(Object object, Type type, HttpOutputMessage outputMessage) throws IOException {
			// Spring hands over one range as a list of one region.
			Object single = (object instanceof Collection<?> regions && regions.size() == 1) ? regions.iterator().next()
					: object;
			if (single instanceof ResourceRegion region && outputMessage instanceof ServletServerHttpResponse response
					&& handedToSendfile(region, response)) {
				return;
			}
			super.writeInternal(object, type, outputMessage);
		}

		private static boolean handedToSendfile(ResourceRegion region, ServletServerHttpResponse response)
				throws IOException {
			if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
				return false;
			}
			HttpServletRequest request = attributes.getRequest();
			if (!Boolean.TRUE.equals(request.getAttribute(SUPPORT)) || !region.getResource().isFile()
					|| region.getCount() <= 0) {
				return false;
			}
			File file = region.getResource().getFile();
			long start = region.getPosition();
			long end = start + region.getCount() - 1;
			// The headers Spring's converter writes for one range.
			response.getHeaders().set(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + file.length());
			response.getHeaders().setContentLength(region.getCount());
			request.setAttribute(FILENAME, file.getAbsolutePath());
			request.setAttribute(START, region.getPosition());
			request.setAttribute(END, region.getPosition() + region.getCount());
			// Writes the headers (Content-Range, Content-Length…) without committing:
			// Tomcat
			// sends the bytes when the request ends.
			response.getBody();
			return true;
		}

	}

}
