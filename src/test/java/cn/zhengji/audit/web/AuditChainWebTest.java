package cn.zhengji.audit.web;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.support.ZhengjiTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R-X-3 (issue 11) The admin page that verifies the audit chain says it is intact, or
 * names the first row changed behind the application's back.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class AuditChainWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	AuditLog auditLog;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void thePageNamesTheRowChangedWithSql() throws Exception {
		String actor = "校验页" + System.nanoTime();
		transactions.executeWithoutResult(
				status -> auditLog.recordFor(null, actor, AuditAction.UPDATED, "organisation", 1, "/1/", "原文"));
		long id = jdbc.sql("select id from audit_event where actor_name = ?").param(actor).query(Long.class).single();
		long seq = jdbc.sql("select chain_seq from audit_event where id = ?").param(id).query(Long.class).single();
		assertThat(page()).contains("审计日志完整：已校验").doesNotContain("已被篡改");

		try {
			owner().sql("update audit_event set actor_name = '他人' where id = ?").param(id).update();

			assertThat(page()).contains("审计日志已被篡改：第一处断开在记录 #" + id + "（链上第 " + seq + " 条）", "该记录的内容或校验码已被修改。",
					"/admin/audit/" + id);
		}
		finally {
			owner().sql("update audit_event set actor_name = ? where id = ?").params(actor, id).update();
		}
	}

	@Test
	void organisationAndSystemAdminsDoNotHaveIt() throws Exception {
		var root = jdbc.sql("select id, path from organisation where code = 'acftu'").query().singleRow();
		SignedInUser orgAdmin = new SignedInUser(-2, "chain-org-admin", "组织管理员", Role.ORG_ADMIN, (Long) root.get("id"),
				(String) root.get("path"), "中华全国总工会", null, false, false, true)
			.withSecondFactor(java.time.Instant.now());
		mvc.perform(get("/admin/audit/chain").with(user(orgAdmin))).andExpect(status().isNotFound());
		SignedInUser systemAdmin = new SignedInUser(-3, "chain-system-admin", "系统管理员", Role.PLATFORM_ADMIN,
				(Long) root.get("id"), (String) root.get("path"), "中华全国总工会", null, false, false, true)
			.withSecondFactor(java.time.Instant.now());
		mvc.perform(get("/admin/audit/chain").with(user(systemAdmin))).andExpect(status().isNotFound());
	}

	private String page() throws Exception {
		var root = jdbc.sql("select id, path from organisation where code = 'acftu'").query().singleRow();
		SignedInUser auditAdmin = new SignedInUser(-1, "chain-admin", "审计管理员", Role.AUDIT_ADMIN, (Long) root.get("id"),
				(String) root.get("path"), "中华全国总工会", null, false, false, true)
			.withSecondFactor(java.time.Instant.now());
		return mvc.perform(get("/admin/audit/chain").with(user(auditAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Only the schema owner can change audit rows: the application's role cannot. */
	private JdbcClient owner() {
		return JdbcClient.create(flyway.getConfiguration().getDataSource());
	}

}
