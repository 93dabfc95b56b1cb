package cn.zhengji.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R-X-3 (issue 11) Requests the URL rules refuse and CSRF failures are audited, once per
 * actor, kind and minute with the rest counted, so that a script cannot flood the log.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class DeniedRequestsWebTest {

	private static final AtomicLong IDS = new AtomicLong(-7_000_000 - (System.nanoTime() % 1_000_000));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Texts texts;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aParticipantHammeringAdminPagesLeavesOneDeniedEventAMinute() throws Exception {
		SignedInUser participant = participant();
		for (int i = 0; i < 25; i++) {
			mvc.perform(get("/admin/accounts").with(user(participant))).andExpect(status().isNotFound());
		}

		assertThat(events(participant)).singleElement().satisfies(event -> {
			assertThat(event.get("action")).isEqualTo("ACCESS_DENIED");
			assertThat(event.get("summary")).isEqualTo("无权访问：GET /admin/accounts");
			assertThat(event.get("organisation_path")).isEqualTo(participant.organisationPath());
		});
	}

	@Test
	void aPostWithoutCsrfTokenIsAuditedOnceAMinute() throws Exception {
		SignedInUser participant = participant();
		for (int i = 0; i < 12; i++) {
			mvc.perform(post("/account/password").param("password", "x").with(user(participant)))
				.andExpect(status().isNotFound());
		}

		assertThat(events(participant)).singleElement()
			.satisfies(event -> assertThat(event.get("action")).isEqualTo("CSRF_REJECTED"));
	}

	@Test
	void whenTheMinuteIsOverTheRestAreWrittenAsOneCount() throws Exception {
		SignedInUser participant = participant();
		for (int i = 0; i < 7; i++) {
			mvc.perform(get("/admin/organisations").with(user(participant))).andExpect(status().isNotFound());
		}
		SignedInUser once = participant();
		mvc.perform(get("/admin/organisations").with(user(once))).andExpect(status().isNotFound());

		// Two minutes later, by the clock the job reads.
		DeniedRequestLog later = new DeniedRequestLog(jdbc, auditLog, texts,
				Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)), transactionManager);
		transactions.executeWithoutResult(status -> later.flush());

		assertThat(events(participant)).hasSize(2).last().satisfies(event -> {
			assertThat(event.get("action")).isEqualTo("ACCESS_DENIED");
			assertThat(event.get("summary")).isEqualTo("越权请求：同一分钟内共 7 次（第一次已单独记录）");
			assertThat((String) event.get("after")).contains("\"count\": 7", "/admin/organisations");
		});
		assertThat(events(once)).hasSize(1);
		assertThat(jdbc.sql("select count(*) from audit_denial_bucket where actor_key in (?, ?)")
			.params("account:" + participant.accountId(), "account:" + once.accountId())
			.query(Long.class)
			.single()).isZero();
	}

	private List<Map<String, Object>> events(SignedInUser actor) {
		return jdbc
			.sql("select action, summary, organisation_path, after_state::text as after from audit_event "
					+ "where actor_id = ? order by id")
			.param(actor.accountId())
			.query()
			.listOfRows();
	}

	private SignedInUser participant() {
		var root = jdbc.sql("select id, path from organisation where code = 'acftu'").query().singleRow();
		long id = IDS.decrementAndGet();
		return new SignedInUser(id, "denied-" + id, "被拒绝的参与者" + id, Role.PARTICIPANT, (Long) root.get("id"),
				(String) root.get("path"), "中华全国总工会", null, false, false, true);
	}

}
