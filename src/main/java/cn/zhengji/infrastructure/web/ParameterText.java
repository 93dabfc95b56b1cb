package cn.zhengji.infrastructure.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Issue 11 item 10: a parameter (query string or form body, multipart fields included)
 * holding a NUL or bytes that are not UTF-8 is refused before any controller sees it. No
 * text of the platform holds either; PostgreSQL refuses a NUL in text with an error that
 * would otherwise surface as a 500, and a decoder replaces bytes that are not UTF-8 by
 * U+FFFD, which would be stored as if someone had typed it.
 */
@Configuration(proxyBeanMethods = false)
class ParameterText implements WebMvcConfigurer {

	private static final char REPLACEMENT = '\uFFFD';

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
					if (invalid(parameter.getKey())) {
						throw new InvalidText();
					}
					for (String value : parameter.getValue()) {
						if (invalid(value)) {
							throw new InvalidText();
						}
					}
				}
				return true;
			}
		});
	}

	private static boolean invalid(String text) {
		return text != null && (text.indexOf('\0') >= 0 || text.indexOf(REPLACEMENT) >= 0);
	}

	/** Answered 400 by {@link ErrorResponses}. */
	static final class InvalidText extends RuntimeException {

		InvalidText() {
			super("A parameter holds NUL or bytes that are not UTF-8", null, false, false);
		}

	}

}
