package cn.zhengji.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhengji.account.AccountFixtures;
import cn.zhengji.account.AccountFixtures.Fixture;
import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MutableClock;
import cn.zhengji.account.SecondFactors;
import cn.zhengji.account.MobileNumber;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.support.Totp;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import cn.zhengji.account.SessionCookies;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11 item 4: the TOTP second factor of admins and experts, through the real sign-in
 * form, filter chain and database, with a clock the test moves.
 */
@AccountTestContext
class SecondFactorWebTest {

	static final String WRONG = "动态口令不正确或已过期";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecondFactors secondFactors;

	@Autowired
	PersonalDataCipher cipher;

	@BeforeEach
	void fixTheClock() {
		// The middle of a 30-second step, so that "one step later" is unambiguous.
		clock.set(Instant.ofEpochSecond(Totp.step(Instant.now()) * 30 + 15));
	}

	@AfterEach
	void restartTheClock() {
		clock.useSystemTime();
	}

	@Test
	void anAdminWithOnlyThePasswordReachesNothingButTheSecondFactorPages() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		SessionCookies session = signIn(admin);

		mvc.perform(get("/workbench").with(session)).andExpect(redirectedUrl("/account/second-factor"));
		mvc.perform(get("/admin/accounts").with(session)).andExpect(redirectedUrl("/account/second-factor"));
		mvc.perform(get("/account/password").with(session)).andExpect(redirectedUrl("/account/second-factor"));
		mvc.perform(get("/api/v1/organisations").with(session))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(Matchers.containsString("请先完成动态口令验证")));
		mvc.perform(get("/admin/accounts").with(session).header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("HX-Redirect", "/account/second-factor"));
		mvc.perform(get("/account/second-factor").with(session))
			.andExpect(redirectedUrl("/account/second-factor/enrol"));
	}

	@Test
	void enrolsByQrCodeWithAFirstCodeAndHandsOutTenRecoveryCodesOnce() throws Exception {
		Fixture expert = fixtures.expert("fj");
		SessionCookies session = signIn(expert);

		String page = mvc.perform(get("/account/second-factor/enrol").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("src=\"data:image/png;base64,")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = secretOn(page);
		// A reload shows the same secret, not a new one.
		assertThat(secretOn(mvc.perform(get("/account/second-factor/enrol").with(session))
			.andReturn()
			.getResponse()
			.getContentAsString())).isEqualTo(secret);

		mvc.perform(post("/account/second-factor/enrol").with(session).with(csrf()).param("code", "000000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString(WRONG)));
		assertThat(secondFactors.isEnrolled(expert.id())).isFalse();

		String recovery = mvc
			.perform(post("/account/second-factor/enrol").with(session)
				.with(csrf())
				.param("code", Totp.code(secret, clock.instant())))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> codes = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>")
			.matcher(recovery)
			.results()
			.map(found -> found.group(1))
			.toList();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(jdbc.sql("select count(*) from recovery_code where account_id = ? and used_at is null")
			.param(expert.id())
			.query(Integer.class)
			.single()).isEqualTo(10);
		assertThat(jdbc
			.sql("""
					select count(*) from recovery_code
					where account_id = ? and (octet_length(code_hmac) <> 32 or position(convert_to(?, 'UTF8') in code_hmac) > 0)
					""")
			.params(expert.id(), codes.getFirst())
			.query(Integer.class)
			.single()).as("stored only as a 32-byte keyed hash").isZero();
		mvc.perform(get("/workbench").with(session)).andExpect(status().isOk());
		mvc.perform(get("/account/second-factor/enrol").with(session))
			.andExpect(redirectedUrl("/account/second-factor"));
	}

	@Test
	void refusesAReplayedCodeAndACodeOutsideTheWindowAndAcceptsTheNextOne() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		String secret = enrol(admin);

		SessionCookies second = signIn(admin);
		mvc.perform(get("/workbench").with(second)).andExpect(redirectedUrl("/account/second-factor"));
		// The code that enrolment just used, typed again within the same 30 seconds.
		mvc.perform(code(second, Totp.code(secret, clock.instant())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("该动态口令已使用过")));
		// Two steps (a minute) old: outside the window.
		clock.advance(Duration.ofSeconds(30));
		mvc.perform(code(second, Totp.codeAtStep(secret, Totp.step(clock.instant()) - 2)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString(WRONG)));
		mvc.perform(code(second, Totp.code(secret, clock.instant()))).andExpect(redirectedUrl("/workbench"));
		mvc.perform(get("/workbench").with(second)).andExpect(status().isOk());
	}

	@Test
	void aRecoveryCodeWorksOnceInsteadOfTheAppCode() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-xiamen");
		SessionCookies session = signIn(admin);
		String secret = secretOn(mvc.perform(get("/account/second-factor/enrol").with(session))
			.andReturn()
			.getResponse()
			.getContentAsString());
		String recovery = mvc
			.perform(post("/account/second-factor/enrol").with(session)
				.with(csrf())
				.param("code", Totp.code(secret, clock.instant())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher first = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(recovery);
		assertThat(first.find()).isTrue();
		String recoveryCode = first.group(1);

		SessionCookies next = signIn(admin);
		mvc.perform(code(next, recoveryCode.toUpperCase())).andExpect(redirectedUrl("/workbench"));
		assertThat(secondFactors.recoveryCodesLeft(admin.id())).isEqualTo(9);

		SessionCookies again = signIn(admin);
		mvc.perform(code(again, recoveryCode))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString(WRONG)));
	}

	@Test
	void fiveWrongGuessesStopFurtherGuessesForFifteenMinutesEvenWithTheRightCode() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		String secret = enrol(admin);
		clock.advance(Duration.ofSeconds(30));
		SessionCookies session = signIn(admin);
		for (int guess = 0; guess < 5; guess++) {
			mvc.perform(code(session, "%06d".formatted(guess))).andExpect(status().isBadRequest());
		}

		mvc.perform(code(session, Totp.code(secret, clock.instant())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("动态口令错误次数过多，请15分钟后再试。")));
		// Another session (another node) is counted in the same row.
		mvc.perform(code(signIn(admin), Totp.code(secret, clock.instant())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("错误次数过多")));

		clock.advance(Duration.ofMinutes(15).plusSeconds(30));
		mvc.perform(code(session, Totp.code(secret, clock.instant()))).andExpect(redirectedUrl("/workbench"));
	}

	@Test
	void participantsKeepThePasswordAlone() throws Exception {
		Fixture participant = fixtures.participant("fj-fuzhou");
		SessionCookies session = signIn(participant);

		mvc.perform(get("/workbench").with(session)).andExpect(status().isOk());
		mvc.perform(get("/account/second-factor").with(session)).andExpect(redirectedUrl("/workbench"));
	}

	@Test
	void resettingAnotherAccountWithAStaleFactorAsksForAFreshCodeAndComesBack() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		Fixture expert = fixtures.expert("demo-county");
		// the one-time password goes to the holder's mobile
		String mobile = AccountFixtures.uniqueMobile();
		jdbc.sql("update account set mobile_hmac = ?, mobile_cipher = ?, mobile_masked = ? where id = ?")
			.params(cipher.blindIndex(mobile), cipher.encrypt(mobile), new MobileNumber(mobile).masked(), expert.id())
			.update();
		String hash = jdbc.sql("select password_hash from account where id = ?")
			.param(expert.id())
			.query(String.class)
			.single();
		var stale = fixtures.signedIn(admin).withSecondFactor(clock.instant().minus(Duration.ofMinutes(6)));

		mvc.perform(post("/admin/accounts/{id}/reset-password", expert.id())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(stale))
			.with(csrf())
			.header("Referer", "http://localhost/admin/accounts?role=EXPERT"))
			.andExpect(redirectedUrl("/account/second-factor?next=%2Fadmin%2Faccounts%3Frole%3DEXPERT"));
		assertThat(jdbc.sql("select password_hash from account where id = ?")
			.param(expert.id())
			.query(String.class)
			.single()).as("nothing reset").isEqualTo(hash);

		var fresh = stale.withSecondFactor(clock.instant().minus(Duration.ofMinutes(4)));
		mvc.perform(post("/admin/accounts/{id}/reset-password", expert.id())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(fresh))
			.with(csrf())).andExpect(redirectedUrl("/admin/accounts"));
		assertThat(jdbc.sql("select password_hash from account where id = ?")
			.param(expert.id())
			.query(String.class)
			.single()).isNotEqualTo(hash);
	}

	@Test
	void aStepUpComesBackOnlyToAPathOfThisSite() {
		assertThat(SecondFactorController.safeNext("/admin/accounts?role=EXPERT"))
			.isEqualTo("/admin/accounts?role=EXPERT");
		assertThat(SecondFactorController.safeNext("//evil.example/x")).isEqualTo("/workbench");
		assertThat(SecondFactorController.safeNext("/\\evil.example")).isEqualTo("/workbench");
		assertThat(SecondFactorController.safeNext("https://evil.example/")).isEqualTo("/workbench");
		assertThat(SecondFactorController.safeNext("/x\r\nSet-Cookie: a=b")).isEqualTo("/workbench");
		assertThat(SecondFactorController.safeNext(null)).isEqualTo("/workbench");
	}

	private SessionCookies signIn(Fixture account) throws Exception {
		SessionCookies session = new SessionCookies();
		mvc.perform(post("/sign-in").with(session)
			.with(csrf())
			.param("username", account.login())
			.param("password", AccountFixtures.PASSWORD)).andExpect(redirectedUrl("/workbench"));
		return session;
	}

	private org.springframework.test.web.servlet.RequestBuilder code(SessionCookies session, String code) {
		return post("/account/second-factor").with(session).with(csrf()).param("code", code).param("next", "");
	}

	/** Enrols through the pages, as the account holder would; the secret it scanned. */
	private String enrol(Fixture account) throws Exception {
		SessionCookies session = signIn(account);
		String secret = secretOn(mvc.perform(get("/account/second-factor/enrol").with(session))
			.andReturn()
			.getResponse()
			.getContentAsString());
		mvc.perform(post("/account/second-factor/enrol").with(session)
			.with(csrf())
			.param("code", Totp.code(secret, clock.instant()))).andExpect(status().isOk());
		return secret;
	}

	static String secretOn(String page) {
		Matcher secret = Pattern.compile("id=\"second-factor-secret\"[^>]*>([A-Z2-7 ]+)</code>").matcher(page);
		assertThat(secret.find()).as("the secret for typing into an app").isTrue();
		return secret.group(1).replace(" ", "");
	}

}
