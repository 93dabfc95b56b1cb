package cn.zhengji.infrastructure.web;

import cn.zhengji.infrastructure.Texts;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The heading of the OpenAPI document at /v3/api-docs; the operations come from the API
 * controllers.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI zhengjiApi(Texts texts) {
		return new OpenAPI()
			.info(new Info().title(texts.text("api.title")).version("v1").description(texts.text("api.description")));
	}

}
