package cn.zhengji.infrastructure.web;

import java.time.Instant;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ZhengjiTest
@AutoConfigureMockMvc
class ErrorResponsesWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMalformedIdInAPageUrlIsTheChineseNotFoundPage() throws Exception {
		mvc.perform(get("/admin/organisations/abc").with(user(platformAdmin())).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("页面不存在")));
		mvc.perform(get("/admin/organisations/99999999999999999999999").with(user(platformAdmin())))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
	}

	@Test
	void anUnknownPageIsTheChineseNotFoundPage() throws Exception {
		mvc.perform(get("/campaigns/no-such-campaign").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("页面不存在")));
		mvc.perform(get("/no/such/page").with(user(platformAdmin())).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
	}

	@Test
	void apiErrorsAreProblemDetailsInChinese() throws Exception {
		mvc.perform(get("/api/v1/organisations/abc").with(user(platformAdmin())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("未找到该资源"));
		mvc.perform(get("/api/v1/no-such-thing").with(user(platformAdmin())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("未找到该资源"));
		mvc.perform(put("/api/v1/campaigns").with(user(platformAdmin())).with(csrf()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.detail").value("不支持该请求方法"));
	}

	private SignedInUser platformAdmin() {
		var root = jdbc.sql("select id, path from organisation where code = 'acftu'").query().singleRow();
		return new SignedInUser(-1, "error-test-admin", "测试平台管理员", Role.PLATFORM_ADMIN, (Long) root.get("id"),
				(String) root.get("path"), "中华全国总工会", null, false, false, true)
			.withSecondFactor(Instant.now());
	}

}
