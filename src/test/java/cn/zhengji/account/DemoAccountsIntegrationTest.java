package cn.zhengji.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.organisation.Organisations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@AccountTestContext
class DemoAccountsIntegrationTest {

	@Autowired
	Texts texts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	AccountUserDetailsService userDetails;

	@Autowired
	AccountRecords records;

	@Autowired
	Organisations organisations;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Test
	void createsTheDemoAccountsOfEveryLevelWithTheDocumentedPassword() {
		assertThat(jdbc.sql("""
				select coalesce(a.username, a.mobile_masked) || '|' || a.display_name || '|' || a.role || '|'
				       || coalesce(a.participant_kind, '-') || '|' || o.code || '|' || a.must_change_password
				from account a join organisation o on o.id = a.organisation_id
				where a.demo order by a.id
				""").query(String.class).list()).containsExactly("demo-province|演示省总管理员|ORG_ADMIN|-|fj|false",
				"demo-city|演示市总管理员|ORG_ADMIN|-|fj-fuzhou|false", "demo-county|演示区总管理员|ORG_ADMIN|-|demo-county|false",
				"demo-grassroots|演示基层工会管理员|ORG_ADMIN|-|demo-grassroots-a|false", "demo-expert|演示评审专家|EXPERT|-|fj|false",
				"138****0001|演示职工|PARTICIPANT|WORKER|demo-grassroots-a|false",
				"138****0002|演示工会干部|PARTICIPANT|UNION_CADRE|demo-grassroots-a|false",
				"demo-national|演示全国总工会管理员|ORG_ADMIN|-|acftu|false");
		for (String login : new String[] { "demo-province", "demo-city", "demo-county", "demo-grassroots",
				"demo-expert", "13800000001", "13800000002", "demo-national" }) {
			assertThat(passwordEncoder.matches("Demo#2026zj", userDetails.loadUserByUsername(login).getPassword()))
				.as(login)
				.isTrue();
		}
		assertThat(cipher.decrypt(jdbc.sql("select mobile_cipher from account where mobile_hmac = ?")
			.param(cipher.blindIndex("13800000001"))
			.query(byte[].class)
			.single())).isEqualTo("13800000001");
	}

	@Test
	void demoStaffAreEnrolledInTheSecondFactorWithTheDocumentedSecretAndParticipantsAreNot() {
		for (String login : new String[] { "demo-province", "demo-city", "demo-county", "demo-grassroots",
				"demo-expert", "demo-national" }) {
			long id = records.idByUsername(login).orElseThrow();
			assertThat(secondFactors.isEnrolled(id)).as(login).isTrue();
			assertThat(secondFactors.hasSecret(id, "ZHENGJIDEMOTOTPZHENGJIDEMOTOTPAB")).as(login).isTrue();
		}
		assertThat(secondFactors.isEnrolled(records.idByMobile(new MobileNumber("13800000001")).orElseThrow()))
			.isFalse();
	}

	@Test
	void aSecondStartChangesNothingButRestoresAChangedDemoPassword() {
		long city = records.idByUsername("demo-city").orElseThrow();
		records.setPassword(city, passwordEncoder.encode("Changed#2026"), false);
		int accounts = jdbc.sql("select count(*) from account").query(Integer.class).single();

		demoAccounts(true).run(null);

		assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single()).isEqualTo(accounts);
		assertThat(passwordEncoder.matches("Demo#2026zj", records.passwordHash(city))).isTrue();
	}

	@Test
	void withDemoOffDemoAccountsCannotSignInAndNoneAreCreated() {
		AccountUserDetailsService demoOff = new AccountUserDetailsService(jdbc, cipher, clock, false);

		assertThat(demoOff.loadUserByUsername("demo-city").isEnabled()).isFalse();
		assertThat(demoOff.loadUserByUsername("13800000001").isEnabled()).isFalse();
		assertThat(demoOff.loadUserByUsername("admin").isEnabled()).isTrue();
		assertThat(userDetails.loadUserByUsername("demo-city").isEnabled()).isTrue();

		int accounts = jdbc.sql("select count(*) from account").query(Integer.class).single();
		demoAccounts(false).run(null);
		assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single()).isEqualTo(accounts);
	}

	@Autowired
	SecondFactors secondFactors;

	private DemoAccounts demoAccounts(boolean enabled) {
		return new DemoAccounts(records, organisations, passwordEncoder, audit, transactions, enabled, "Demo#2026zj",
				texts, secondFactors, DemoAccounts.DEFAULT_TOTP_SECRET);
	}

}
