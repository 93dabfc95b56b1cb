package cn.zhengji.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.web.PlatformAddress;
import cn.zhengji.organisation.Organisations;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first platform admin. The test profile sets its password ({@value #CONFIGURED});
 * tests that change the admin put it back as the bootstrap left it, since other tests
 * share the database.
 */
@AccountTestContext
class PlatformAdminBootstrapWebTest {

	static final String CONFIGURED = "Admin#Test2026";

	@Autowired
	Texts texts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountRecords records;

	@Autowired
	Organisations organisations;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	MutableClock clock;

	@AfterEach
	void restoreTheBootstrapState() {
		jdbc.sql("""
				update account set password_hash = ?, must_change_password = true, last_sign_in_at = null,
				    failed_sign_ins = 0, locked_until = null
				where username = 'admin'
				""").param(passwordEncoder.encode(CONFIGURED)).update();
		jdbc.sql("delete from second_factor where account_id = (select id from account where username = 'admin')")
			.update();
	}

	@Test
	void createsOnePlatformAdminAtTheProvinceThatMustChangeItsPassword() {
		assertThat(jdbc
			.sql("""
					select a.username || '|' || a.display_name || '|' || o.code || '|' || a.must_change_password || '|' || a.demo
					from account a join organisation o on o.id = a.organisation_id where a.role = 'PLATFORM_ADMIN'
					""")
			.query(String.class)
			.list()).containsExactly("admin|系统管理员|fj|true|false");
		// issue 11 item 5: the security and the audit administrator beside it, one role
		// each (the access matrix adds accounts of these roles of its own, hence by name)
		assertThat(jdbc.sql("""
				select a.username || '|' || a.role || '|' || o.code || '|' || a.must_change_password
				from account a join organisation o on o.id = a.organisation_id
				where a.username in ('secadmin', 'auditadmin') order by a.id
				""").query(String.class).list()).containsExactly("secadmin|SECURITY_ADMIN|fj|true",
				"auditadmin|AUDIT_ADMIN|fj|true");
		assertThat(jdbc
			.sql("""
					select count(*) from audit_event e join account a on e.target_type = 'account' and e.target_id = a.id::text
					where a.username = 'admin' and e.action = 'CREATED' and e.before_state is null
					  and e.after_state ->> 'username' = 'admin' and e.after_state -> 'passwordHash' is null
					""")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void sendsTheFirstAdminToChangeThePasswordBeforeAnythingElse() throws Exception {
		SessionCookies session = new SessionCookies();
		mvc.perform(
				post("/sign-in").with(session).with(csrf()).param("username", "admin").param("password", CONFIGURED))
			.andExpect(redirectedUrl("/workbench"));

		// issue 11 item 4: the second factor comes first, then the forced change
		mvc.perform(get("/workbench").with(session)).andExpect(redirectedUrl("/account/second-factor"));
		String secret = cn.zhengji.account.web.SecondFactorPages.enrol(mvc, session, clock.instant());
		assertThat(secret).hasSize(32);
		mvc.perform(get("/workbench").with(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/admin/organisations").with(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/account/password").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("您正在使用一次性密码，请先设置新密码后再继续使用平台。")));

		mvc.perform(post("/account/password").with(session)
			.with(csrf())
			.param("currentPassword", CONFIGURED)
			.param("newPassword", "admin#2026X")
			.param("newPasswordRepeat", "admin#2026X"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("密码不能包含用户名。")));
		mvc.perform(post("/account/password").with(session)
			.with(csrf())
			.param("currentPassword", "Wrong#2026")
			.param("newPassword", "Fujian#Net2026")
			.param("newPasswordRepeat", "Fujian#Net2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("当前密码不正确。")));
		assertThat(passwordEncoder.matches(CONFIGURED, passwordOfAdmin())).isTrue();

		mvc.perform(post("/account/password").with(session)
			.with(csrf())
			.param("currentPassword", CONFIGURED)
			.param("newPassword", "Fujian#Net2026")
			.param("newPasswordRepeat", "Fujian#Net2026"))
			.andExpect(redirectedUrl("/workbench"))
			.andExpect(flash().attribute("flashSuccess", "密码已修改。"));

		mvc.perform(get("/workbench").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("活动管理")));
		mvc.perform(get("/admin/organisations").with(session)).andExpect(status().isOk());
		// issue 11 item 5: the system administrator manages no accounts and reads no
		// audit log
		mvc.perform(get("/admin/accounts").with(session)).andExpect(status().isNotFound());
		mvc.perform(get("/admin/audit").with(session)).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select must_change_password from account where username = 'admin'")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(passwordEncoder.matches("Fujian#Net2026", passwordOfAdmin())).isTrue();
		assertThat(jdbc
			.sql("""
					select count(*) from audit_event e join account a on e.target_type = 'account' and e.target_id = a.id::text
					where a.username = 'admin' and e.action = 'UPDATED' and e.summary = '修改本人密码'
					  and (e.before_state ->> 'mustChangePassword')::boolean and not (e.after_state ->> 'mustChangePassword')::boolean
					  and e.after_state::text not like '%argon2%'
					""")
			.query(Integer.class)
			.single()).isEqualTo(1);

		mvc.perform(formLogin("/sign-in").user("admin").password("Fujian#Net2026"))
			.andExpect(redirectedUrl("/workbench"));
	}

	@Test
	void withoutAConfiguredPasswordGeneratesAOneTimePasswordUntilTheAdminHasSignedIn() {
		PlatformAdminBootstrap bootstrap = new PlatformAdminBootstrap(jdbc, records, organisations, passwordEncoder,
				audit, transactions, "", texts);
		StartupReport report = new StartupReport(bootstrap, demoAccounts, organisations,
				new PlatformAddress("https://zhengji.example.cn", true, 8080), texts);

		bootstrap.run(null);

		assertThat(bootstrap.outcome()).isEqualTo(PlatformAdminBootstrap.Outcome.GENERATED_PASSWORD);
		String first = bootstrap.generatedPassword().orElseThrow();
		assertThat(first).hasSizeGreaterThanOrEqualTo(12);
		assertThat(PasswordPolicy.check(first, "admin", null)).isEmpty();
		assertThat(passwordEncoder.matches(first, passwordOfAdmin())).isTrue();
		assertThat(report.text()).contains("征集平台已启动：https://zhengji.example.cn", "系统管理员账号：admin", "安全管理员账号：secadmin",
				"审计管理员账号：auditadmin", "一次性密码：" + first, "oathtool --totp -b ZHENGJIDEMOTOTPZHENGJIDEMOTOTPAB",
				"演示账号（演示数据，密码均为 Demo#2026zj）", "demo-province", "13800000001");

		bootstrap.run(null);
		String second = bootstrap.generatedPassword().orElseThrow();
		assertThat(second).isNotEqualTo(first);
		assertThat(passwordEncoder.matches(second, passwordOfAdmin())).isTrue();

		jdbc.sql("update account set must_change_password = false where username = 'admin'").update();
		String chosenHash = passwordOfAdmin();
		bootstrap.run(null);
		assertThat(bootstrap.outcome()).isEqualTo(PlatformAdminBootstrap.Outcome.PASSWORD_SET);
		assertThat(bootstrap.generatedPassword()).isEmpty();
		assertThat(passwordOfAdmin()).isEqualTo(chosenHash);
		assertThat(report.text()).contains("密码：已设置，请使用您的密码").doesNotContain(second);
		assertThat(jdbc.sql("select count(*) from account where role = 'PLATFORM_ADMIN'").query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void theStartReportWarnsWhenAProductionStartHasNoPlatformAddress() {
		PlatformAdminBootstrap bootstrap = new PlatformAdminBootstrap(jdbc, records, organisations, passwordEncoder,
				audit, transactions, CONFIGURED, texts);
		bootstrap.run(null);

		String unset = new StartupReport(bootstrap, demoAccounts, organisations, new PlatformAddress("", false, 8080),
				texts)
			.text();
		assertThat(unset).contains("征集平台已启动：http://localhost:8080")
			.contains("警告：未设置平台对外地址（环境变量 ZHENGJI_BASE_URL）")
			.contains("二维码将指向用户访问时所用的地址");
		assertThat(new StartupReport(bootstrap, demoAccounts, organisations,
				new PlatformAddress("https://zhengji.example.cn", false, 8080), texts)
			.text()).contains("征集平台已启动：https://zhengji.example.cn").doesNotContain("ZHENGJI_BASE_URL");
		assertThat(
				new StartupReport(bootstrap, demoAccounts, organisations, new PlatformAddress(" ", true, 8080), texts)
					.text())
			.contains("征集平台已启动：http://localhost:8080")
			.doesNotContain("ZHENGJI_BASE_URL");
	}

	@Test
	void aSignedInAdminStillHoldingTheOneTimePasswordGetsNoNewOne() {
		jdbc.sql("update account set last_sign_in_at = now() where username = 'admin'").update();
		String hash = passwordOfAdmin();
		PlatformAdminBootstrap bootstrap = new PlatformAdminBootstrap(jdbc, records, organisations, passwordEncoder,
				audit, transactions, "", texts);

		bootstrap.run(null);

		assertThat(bootstrap.generatedPassword()).isEmpty();
		assertThat(passwordOfAdmin()).isEqualTo(hash);
	}

	private String passwordOfAdmin() {
		return jdbc.sql("select password_hash from account where username = 'admin'").query(String.class).single();
	}

}
