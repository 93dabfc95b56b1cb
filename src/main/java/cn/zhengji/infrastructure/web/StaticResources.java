package cn.zhengji.infrastructure.web;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The static files under their own URL prefixes instead of Spring Boot's catch-all
 * {@code /**} ({@code spring.web.resources.add-mappings=false}). With the catch-all, the
 * content-versioning filter tried every link a page renders — each work of the showcase
 * gallery, each pager link — as a file in the jar, and a miss is not cached: measured
 * with {@code bench/showcase/run}, most of a gallery request went into looking up
 * {@code showcase/works/…} inside the nested jar. Content-versioned {@code /css} and
 * {@code /js} (their URLs change with their bytes, so they are cached for the configured
 * time), the rest with the same cache time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class StaticResources implements WebMvcConfigurer {

	private final CacheControl cacheControl;

	StaticResources(WebProperties web) {
		CacheControl configured = web.getResources().getCache().getCachecontrol().toHttpCacheControl();
		this.cacheControl = (configured != null) ? configured : CacheControl.empty();
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(this.cacheControl)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		for (String folder : new String[] { "img", "vendor" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(this.cacheControl)
				.resourceChain(true);
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(this.cacheControl)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

}
