package cn.zhengji.infrastructure.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heading of the OpenAPI document at /v3/api-docs; the operations come from the API controllers. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI zhengjiApi() {
		return new OpenAPI().info(new Info().title("征集平台 JSON API")
			.version("v1")
			.description("职工网络正能量作品申报平台的只读接口：活动、征集项目及其规则、阶段、线下活动分配、组织机构。"
					+ "错误以 RFC 9457 problem details（application/problem+json）返回。"));
	}
}
