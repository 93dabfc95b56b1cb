package cn.zhengji.infrastructure.web;

import java.net.URI;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Issue 11 item 10: a NUL byte or bytes that are not UTF-8 in a parameter are a 400 with
 * a Chinese message (a page, or a problem under /api), never a 500 from the database.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class InputHygieneWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNulInAPageParameterIsTheChineseBadRequestPage() throws Exception {
		mvc.perform(get("/admin/audit").param("actor", "张\u0000三").with(user(auditAdmin())))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error/400"))
			.andExpect(content().string(containsString("请求中含有无效的字符（空字符或不是 UTF-8 的字节）")));
	}

	@Test
	void bytesThatAreNotUtf8AreRefusedToo() throws Exception {
		mvc.perform(get(URI.create("/admin/audit?actor=%E5%BC%A0%FF%FE")).with(user(auditAdmin())))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error/400"));
	}

	@Test
	void underTheApiTheyAreAProblemInChinese() throws Exception {
		mvc.perform(get("/api/v1/campaigns").param("q", "a\u0000b").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("请求中含有无效的字符（空字符或不是 UTF-8 的字节）"));
		mvc.perform(get(URI.create("/api/v1/campaigns?q=%C3%28")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("请求中含有无效的字符（空字符或不是 UTF-8 的字节）"));
	}

	private SignedInUser auditAdmin() {
		var root = jdbc.sql("select id, path from organisation where code = 'acftu'").query().singleRow();
		return new SignedInUser(-1, "hygiene-admin", "测试审计管理员", Role.AUDIT_ADMIN, (Long) root.get("id"),
				(String) root.get("path"), "中华全国总工会", null, false, false, true)
			.withSecondFactor(Instant.now());
	}

}
