package cn.zhengji.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import cn.zhengji.account.AccountFixtures.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 items 6 and 7, through a real Tomcat: wrong passwords are limited per client
 * address as well as per account, and the client address is the connection's unless the
 * connection comes from a configured proxy (none by default), so a rotated
 * {@code X-Forwarded-For} neither escapes the limit nor forges the audited address.
 */
@ServerTestContext
class ClientAddressIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void forgetLoopbackFailuresAndUseSystemTime() {
		// Every test of this JVM signs in from the loopback address.
		jdbc.sql("delete from sign_in_address_failure").update();
		clock.useSystemTime();
	}

	@Test
	void wrongPasswordsFromOneAddressAcrossAccountsBlockItsSignInsUntilTheWindowHasPassed() throws Exception {
		Fixture victim = fixtures.orgAdmin("fj-fuzhou");
		HttpVisitor guesser = new HttpVisitor();
		for (int i = 0; i < ServerTestContext.ADDRESS_MAX_FAILURES; i++) {
			// A different account each time: the per-account lockout never sees more
			// than one.
			assertThat(guesser.signIn(port, fixtures.orgAdmin("fj-fuzhou").login(), "Wrong#Guess" + i))
				.endsWith("/sign-in?error");
		}

		assertThat(guesser.signIn(port, victim.login(), AccountFixtures.PASSWORD)).endsWith("/sign-in?throttled");
		assertThat(guesser.get(port, "/sign-in?throttled").body()).contains("此网络地址登录失败次数过多");

		clock.set(Instant.now().plus(Duration.ofMinutes(16)));
		assertThat(new HttpVisitor().signIn(port, victim.login(), AccountFixtures.PASSWORD)).endsWith("/workbench");
	}

	@Test
	void aRotatedForwardedForHeaderNeitherEscapesTheAddressLimitNorForgesTheAuditedAddress() throws Exception {
		Fixture victim = fixtures.orgAdmin("fj-fuzhou");
		HttpVisitor guesser = new HttpVisitor();
		for (int i = 0; i < ServerTestContext.ADDRESS_MAX_FAILURES; i++) {
			assertThat(guesser.signIn(port, victim.login() + "-" + i, "Wrong#Guess" + i, "X-Forwarded-For",
					"198.51.100." + (10 + i)))
				.endsWith("/sign-in?error");
		}
		assertThat(guesser.signIn(port, victim.login(), AccountFixtures.PASSWORD, "X-Forwarded-For", "198.51.100.99"))
			.endsWith("/sign-in?throttled");

		jdbc.sql("delete from sign_in_address_failure").update();
		guesser.signIn(port, victim.login(), "Wrong#Once", "X-Forwarded-For", "203.0.113.77");
		String audited = jdbc.sql("""
				select remote_address from audit_event
				where action = 'SIGN_IN_FAILED' and target_id = ? order by id desc limit 1
				""").param(String.valueOf(victim.id())).query(String.class).single();
		assertThat(audited).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
	}

}
