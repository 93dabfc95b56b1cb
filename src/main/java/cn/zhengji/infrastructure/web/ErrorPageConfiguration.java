package cn.zhengji.infrastructure.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Boot's error controller, except that {@code /error} asked for directly (no error was
 * forwarded to it) answers 404 instead of 500: there is nothing there, and nothing
 * failed.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageConfiguration {

	@Bean
	BasicErrorController basicErrorController(ErrorAttributes errorAttributes, WebProperties webProperties,
			ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		return new BasicErrorController(errorAttributes, webProperties.getError(),
				errorViewResolvers.orderedStream().toList()) {

			@Override
			protected HttpStatus getStatus(HttpServletRequest request) {
				if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
					return HttpStatus.NOT_FOUND;
				}
				return super.getStatus(request);
			}
		};
	}

}
