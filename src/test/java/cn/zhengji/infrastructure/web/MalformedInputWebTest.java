package cn.zhengji.infrastructure.web;

import java.time.Instant;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10 item 10: a value that cannot be converted (a letter in a number, a bad date,
 * an unknown choice), posted or put in the address by hand, is answered in Chinese next
 * to the field or on the Chinese error page, never with Spring's "Failed to convert".
 */
@ZhengjiTest
@AutoConfigureMockMvc
class MalformedInputWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLetterInANumberFieldOfAFormIsAChineseMessageNextToTheField() throws Exception {
		mvc.perform(post("/admin/accounts/new").with(csrf())
			.with(user(admin(Role.SECURITY_ADMIN)))
			.param("username", "malformed-form")
			.param("displayName", "格式测试")
			.param("role", "ORG_ADMIN")
			.param("organisationId", "12a"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Failed to convert"))))
			.andExpect(content().string(not(containsString("NumberFormatException"))))
			.andExpect(content().string(containsString("请选择有效的组织")))
			.andExpect(content().string(containsString("value=\"malformed-form\"")));
	}

	@Test
	void anUnknownChoiceIsAChineseMessageNextToTheField() throws Exception {
		long root = jdbc.sql("select id from organisation where code = 'acftu'").query(Long.class).single();
		mvc.perform(post("/admin/organisations/" + root + "/children/new").with(csrf())
			.with(user(admin(Role.PLATFORM_ADMIN)))
			.param("name", "格式测试工会")
			.param("kind", "NO_SUCH_KIND"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Failed to convert"))))
			.andExpect(content().string(containsString("请选择有效的类型")))
			.andExpect(content().string(containsString("格式测试工会")));
	}

	@Test
	void badValuesInAFilterAreSaidInChinese() throws Exception {
		mvc.perform(get("/admin/works").param("campaign", "x1")
			.param("from", "2024-13-45")
			.param("state", "NOPE")
			.with(user(admin(Role.PLATFORM_ADMIN))))
			.andExpect(content().string(not(containsString("Failed to convert"))));
		mvc.perform(get("/admin/audit").param("from", "yesterday")
			.param("action", "NOPE")
			.with(user(admin(Role.AUDIT_ADMIN)))).andExpect(content().string(not(containsString("Failed to convert"))));
	}

	@Test
	void aBadQueryOrPathParameterIsTheChineseErrorPageNotA500() throws Exception {
		mvc.perform(get("/activities").param("page", "x")
			.with(user(admin(Role.PLATFORM_ADMIN)))
			.accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("参数格式不正确")))
			.andExpect(content().string(not(containsString("Failed to convert"))));
		mvc.perform(get("/works/abc").with(user(admin(Role.PLATFORM_ADMIN))).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("页面不存在")));
		mvc.perform(get("/api/v1/campaigns/x/no-such").with(user(admin(Role.PLATFORM_ADMIN))))
			.andExpect(jsonPath("$.detail").exists());
	}

	/** A platform-wide admin: system, security or audit administrator (三员分立). */
	private SignedInUser admin(Role role) {
		var root = jdbc.sql("select id, path from organisation where code = 'acftu'").query().singleRow();
		return new SignedInUser(-1, "malformed-test-admin", "测试平台管理员", role, (Long) root.get("id"),
				(String) root.get("path"), "中华全国总工会", null, false, false, true)
			.withSecondFactor(Instant.now());
	}

}
