package cn.zhengji.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.zhengji.ZhengjiApplication;
import cn.zhengji.account.AccountFixtures.Fixture;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 3: sessions live in PostgreSQL. A session outlives its node (another node
 * on the same database serves it, as a restarted one does); disabling an account or
 * resetting or changing its password ends its other sessions at once; staff sessions idle
 * out sooner than participants'; every session ends at the absolute limit.
 */
@ServerTestContext
class SessionsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	PasswordReset passwordReset;

	@BeforeEach
	@AfterEach
	void forgetLoopbackFailuresAndUseSystemTime() {
		// Every test of this JVM signs in from the loopback address.
		jdbc.sql("delete from sign_in_address_failure").update();
		clock.useSystemTime();
	}

	@Test
	void aDisabledAccountsOpenSessionCanNoLongerPublishAnAnnouncement() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		HttpVisitor browser = new HttpVisitor();
		assertThat(browser.signInPassingSecondFactor(port, admin.login(), AccountFixtures.PASSWORD))
			.endsWith("/workbench");
		assertThat(browser.get(port, "/admin/announcements/new").statusCode()).isEqualTo(200);

		administration.setEnabled(fixtures.signedIn(fixtures.orgAdmin("fj")), admin.id(), false);

		HttpResponse<String> publish = browser.post(port, "/admin/announcements/new",
				Map.of("title", "停用后的公告" + admin.id(), "body", "账号停用后不应发布", "version", "0"));
		assertThat(publish.statusCode()).isNotEqualTo(200);
		assertThat(publish.headers().firstValue("Location").orElse("")).doesNotContain("/announcements/");
		assertThat(jdbc.sql("select count(*) from announcement where title = ?")
			.param("停用后的公告" + admin.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(browser.get(port, "/admin/announcements/new").headers().firstValue("Location").orElse(""))
			.endsWith("/sign-in");
	}

	@Test
	void changingThePasswordEndsTheAccountsOtherSessionsButNotTheOneThatChangedIt() throws Exception {
		Fixture participant = fixtures.participant("fj-fuzhou");
		HttpVisitor phone = new HttpVisitor();
		HttpVisitor laptop = new HttpVisitor();
		assertThat(phone.signInPassingSecondFactor(port, participant.login(), AccountFixtures.PASSWORD))
			.endsWith("/workbench");
		assertThat(laptop.signInPassingSecondFactor(port, participant.login(), AccountFixtures.PASSWORD))
			.endsWith("/workbench");

		laptop.get(port, "/account/password");
		HttpResponse<String> changed = laptop.post(port, "/account/password",
				Map.of("currentPassword", AccountFixtures.PASSWORD, "newPassword", "Laptop#Change2026",
						"newPasswordRepeat", "Laptop#Change2026"));

		assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/workbench");
		assertThat(laptop.get(port, "/workbench").statusCode()).isEqualTo(200);
		assertThat(phone.get(port, "/workbench").headers().firstValue("Location").orElse("")).endsWith("/sign-in");
	}

	@Test
	void aResetByTheAdminAboveEndsEverySessionOfTheAccount() throws Exception {
		Fixture expert = fixtures.expert("demo-county");
		String mobile = AccountFixtures.uniqueMobile();
		giveMobile(expert.id(), mobile);
		HttpVisitor browser = new HttpVisitor();
		assertThat(browser.signInPassingSecondFactor(port, expert.login(), AccountFixtures.PASSWORD))
			.endsWith("/workbench");

		administration.resetPassword(fixtures.signedIn(fixtures.orgAdmin("fj-fuzhou")), expert.id());

		assertThat(sms.sentTo(mobile)).hasSize(1);
		assertThat(browser.get(port, "/workbench").headers().firstValue("Location").orElse("")).endsWith("/sign-in");
	}

	@Test
	void aResetBySmsCodeEndsEverySessionOfTheAccount() throws Exception {
		Fixture participant = fixtures.participant("fj-fuzhou");
		HttpVisitor forgotten = new HttpVisitor();
		assertThat(forgotten.signInPassingSecondFactor(port, participant.login(), AccountFixtures.PASSWORD))
			.endsWith("/workbench");

		passwordReset.sendCode(participant.mobile(), "203.0.113.40");
		passwordReset.reset(participant.mobile(), sms.lastCodeTo(participant.mobile()), "Phone#Reset2026",
				"Phone#Reset2026");

		assertThat(forgotten.get(port, "/workbench").headers().firstValue("Location").orElse("")).endsWith("/sign-in");
	}

	@Test
	void anotherAppNodeOnTheSameDatabaseServesTheSessionAsARestartedOneWould() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-xiamen");
		HttpVisitor onNodeA = new HttpVisitor();
		assertThat(onNodeA.signInPassingSecondFactor(port, admin.login(), AccountFixtures.PASSWORD))
			.endsWith("/workbench");
		assertThat(onNodeA.sessionCookie().getName()).isEqualTo("ZJSESSION");

		try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(ZhengjiApplication.class)
			.profiles("test")
			.properties("server.port=0")
			.run()) {
			int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
			HttpVisitor onNodeB = new HttpVisitor().sameSessionAs(onNodeA);

			HttpResponse<String> workbench = onNodeB.get(portB, "/workbench");

			assertThat(workbench.statusCode()).isEqualTo(200);
			assertThat(workbench.body()).contains("测试" + admin.login());
		}
	}

	@Test
	void staffSessionsIdleOutSoonerThanParticipantsAndEverySessionEndsAtTheAbsoluteLimit() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		Fixture participant = fixtures.participant("fj-fuzhou");
		HttpVisitor adminBrowser = new HttpVisitor();
		HttpVisitor participantBrowser = new HttpVisitor();
		adminBrowser.signInPassingSecondFactor(port, admin.login(), AccountFixtures.PASSWORD);
		participantBrowser.signInPassingSecondFactor(port, participant.login(), AccountFixtures.PASSWORD);
		assertThat(adminBrowser.get(port, "/workbench").statusCode()).isEqualTo(200);
		assertThat(participantBrowser.get(port, "/workbench").statusCode()).isEqualTo(200);

		assertThat(idleSeconds(admin.id())).isEqualTo(Duration.ofMinutes(15).toSeconds());
		assertThat(idleSeconds(participant.id())).isEqualTo(Duration.ofMinutes(30).toSeconds());

		clock.set(Instant.now().plus(Duration.ofHours(11)));
		assertThat(participantBrowser.get(port, "/workbench").statusCode()).isEqualTo(200);
		clock.set(Instant.now().plus(Duration.ofHours(12)).plusSeconds(60));
		assertThat(participantBrowser.get(port, "/workbench").headers().firstValue("Location").orElse(""))
			.endsWith("/sign-in");
		assertThat(idleSeconds(participant.id())).as("no stored session left").isZero();
	}

	private Integer idleSeconds(long accountId) {
		return jdbc.sql("select coalesce(max(max_inactive_interval), 0) from spring_session where principal_name = ?")
			.param(String.valueOf(accountId))
			.query(Integer.class)
			.single();
	}

	private void giveMobile(long accountId, String mobile) {
		MobileNumber number = new MobileNumber(mobile);
		jdbc.sql("update account set mobile_hmac = ?, mobile_cipher = ?, mobile_masked = ? where id = ?")
			.params(cipher.blindIndex(mobile), cipher.encrypt(mobile), number.masked(), accountId)
			.update();
	}

}
