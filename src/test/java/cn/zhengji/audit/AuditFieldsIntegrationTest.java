package cn.zhengji.audit;

import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-X-3 (issue 11) A name or summary that carries line breaks or direction overrides
 * cannot forge a second record or make a record read differently.
 */
@ZhengjiTest
class AuditFieldsIntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void lineBreaksAndDirectionOverridesInAuditedFieldsAreWrittenAsVisibleEscapes() {
		String marker = "伪造" + System.nanoTime();
		auditLog.recordFor(null, marker + "\r\n2026-01-01 08:00 平台管理员 登录成功\t\u202Eexe.pdf", AuditAction.SIGN_IN_FAILED,
				"account", "x\ny", null, "用户名\u0000不存在\u2028");

		var row = jdbc.sql("select actor_name, target_id, summary from audit_event where actor_name like ?")
			.param(marker + "%")
			.query()
			.singleRow();
		assertThat((String) row.get("actor_name"))
			.isEqualTo(marker + "\\r\\n2026-01-01 08:00 平台管理员 登录成功\\t\\u202eexe.pdf");
		assertThat(row.get("target_id")).isEqualTo("x\\ny");
		assertThat(row.get("summary")).isEqualTo("用户名\\u0000不存在\\u2028");
	}

}
