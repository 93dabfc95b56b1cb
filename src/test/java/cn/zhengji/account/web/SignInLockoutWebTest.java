package cn.zhengji.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import cn.zhengji.account.AccountFixtures;
import cn.zhengji.account.AccountFixtures.Fixture;
import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@AccountTestContext
class SignInLockoutWebTest {

	static final Instant T0 = Instant.parse("2026-05-20T02:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void stopTheClock() {
		clock.set(T0);
	}

	@AfterEach
	void restartTheClock() {
		clock.useSystemTime();
	}

	@Test
	void locksTheAccountForFifteenMinutesAfterFiveWrongPasswords() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");

		for (int i = 0; i < 5; i++) {
			clock.advance(Duration.ofSeconds(10));
			signIn(admin.login(), "Wrong#Pass" + i).andExpect(redirectedUrl("/sign-in?error"))
				.andExpect(unauthenticated());
		}

		Instant fifthAttempt = T0.plusSeconds(50);
		assertThat(failedSignIns(admin)).isEqualTo(5);
		assertThat(lockedUntil(admin)).isEqualTo(fifthAttempt.plus(Duration.ofMinutes(15)));
		assertThat(audit(admin)).containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
				"SIGN_IN_FAILED", "ACCOUNT_LOCKED");
		assertThat(jdbc.sql(
				"select summary from audit_event where action = 'ACCOUNT_LOCKED' and target_type = 'account' and target_id = ?")
			.param(String.valueOf(admin.id()))
			.query(String.class)
			.single()).isEqualTo("连续5次密码错误，账号锁定至2026-05-20 10:15（北京时间）");
	}

	@Test
	void refusesTheRightPasswordWhileLockedWithTheSameAnswerAndAcceptsItAfterFifteenMinutes() throws Exception {
		Fixture participant = fixtures.participant("demo-grassroots-b");
		for (int i = 0; i < 5; i++) {
			signIn(participant.mobile(), "Wrong#Pass" + i).andExpect(redirectedUrl("/sign-in?error"));
		}

		clock.advance(Duration.ofMinutes(14).plusSeconds(59));
		signIn(participant.mobile(), AccountFixtures.PASSWORD).andExpect(redirectedUrl("/sign-in?error"))
			.andExpect(unauthenticated());
		assertThat(lockedUntil(participant)).isEqualTo(T0.plus(Duration.ofMinutes(15)));
		assertThat(lastSummary(participant)).endsWith("：账号已锁定");

		clock.advance(Duration.ofSeconds(1));
		signIn(participant.mobile(), AccountFixtures.PASSWORD).andExpect(redirectedUrl("/workbench"))
			.andExpect(authenticated());
		assertThat(failedSignIns(participant)).isZero();
		assertThat(lockedUntil(participant)).isNull();
		assertThat(audit(participant)).containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
				"SIGN_IN_FAILED", "SIGN_IN_FAILED", "ACCOUNT_LOCKED", "SIGN_IN_FAILED", "SIGN_IN_SUCCEEDED");
	}

	@Test
	void answersWrongPasswordUnknownNameLockedAndDisabledAlike() throws Exception {
		Fixture locked = fixtures.expert("fj");
		jdbc.sql("update account set locked_until = ? where id = ?")
			.param(OffsetDateTime.parse("2026-05-20T03:00:00Z"))
			.param(locked.id())
			.update();
		Fixture disabled = fixtures.expert("fj");
		jdbc.sql("update account set enabled = false where id = ?").param(disabled.id()).update();
		Fixture wrong = fixtures.expert("fj");

		signIn(locked.login(), AccountFixtures.PASSWORD).andExpect(redirectedUrl("/sign-in?error"));
		signIn(disabled.login(), AccountFixtures.PASSWORD).andExpect(redirectedUrl("/sign-in?error"));
		signIn(wrong.login(), "Wrong#Pass1").andExpect(redirectedUrl("/sign-in?error"));
		signIn(AccountFixtures.uniqueUsername("ghost"), "Wrong#Pass1").andExpect(redirectedUrl("/sign-in?error"));
	}

	@Test
	void aSuccessfulSignInStartsTheCountAgain() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-xiamen");
		for (int i = 0; i < 4; i++) {
			signIn(admin.login(), "Wrong#Pass" + i);
		}
		signIn(admin.login(), AccountFixtures.PASSWORD).andExpect(authenticated());
		assertThat(failedSignIns(admin)).isZero();

		for (int i = 0; i < 4; i++) {
			signIn(admin.login(), "Wrong#Pass" + i);
		}
		assertThat(failedSignIns(admin)).isEqualTo(4);
		assertThat(lockedUntil(admin)).isNull();
	}

	@Test
	void aFailureAfterAnExpiredLockStartsAFreshCount() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-xiamen");
		for (int i = 0; i < 5; i++) {
			signIn(admin.login(), "Wrong#Pass" + i);
		}
		clock.advance(Duration.ofMinutes(16));

		signIn(admin.login(), "Wrong#Again1").andExpect(redirectedUrl("/sign-in?error"));

		assertThat(failedSignIns(admin)).isEqualTo(1);
		assertThat(lockedUntil(admin)).isNull();
	}

	private org.springframework.test.web.servlet.ResultActions signIn(String login, String password) throws Exception {
		return mvc.perform(formLogin("/sign-in").user(login).password(password));
	}

	private int failedSignIns(Fixture fixture) {
		return jdbc.sql("select failed_sign_ins from account where id = ?")
			.param(fixture.id())
			.query(Integer.class)
			.single();
	}

	private Instant lockedUntil(Fixture fixture) {
		return jdbc.sql("select locked_until from account where id = ?")
			.param(fixture.id())
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
			.single()
			.map(OffsetDateTime::toInstant)
			.orElse(null);
	}

	private List<String> audit(Fixture fixture) {
		return jdbc.sql(
				"select action from audit_event where target_type = 'account' and target_type = 'account' and target_id = ? order by id")
			.param(String.valueOf(fixture.id()))
			.query(String.class)
			.list();
	}

	private String lastSummary(Fixture fixture) {
		return jdbc.sql(
				"select summary from audit_event where target_type = 'account' and target_id = ? order by id desc limit 1")
			.param(String.valueOf(fixture.id()))
			.query(String.class)
			.single();
	}

}
