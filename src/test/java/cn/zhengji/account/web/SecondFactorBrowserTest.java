package cn.zhengji.account.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestAccounts.TestAccount;
import cn.zhengji.support.Totp;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 11 item 4: an expert signs in for the first time, scans the QR code of the
 * enrolment page (here: reads the secret beside it, as one would type it), confirms with
 * a code, sees the recovery codes once, and signs in later with a code from the app; a
 * wrong code is refused next to the field. On a phone and on a PC. Screenshots:
 * target/screenshots/second-factor-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(BrowserTestSupport.class)
class SecondFactorBrowserTest {

	static final String PASSWORD = "Expert#2026zj";

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Organisations organisations;

	@Autowired
	PasswordEncoder passwordEncoder;

	@BeforeAll
	static void launchBrowser() {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "chromium is not installed");
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void anExpertEnrolsOnAPhoneAndSignsInWithACodeOnAPc() {
		TestAccount expert = new TestAccounts(jdbc, cipher, userDetails)
			.staff(Role.EXPERT, organisations.getByCode("fj"))
			.passwordHash(passwordEncoder.encode(PASSWORD))
			.create();

		Page phone = browser.open(Viewport.PHONE);
		signInWithPassword(phone, expert);
		assertThat(phone).hasURL(url("/account/second-factor/enrol"));
		assertThat(phone.locator(".second-factor-qr img")).isVisible();
		Browser.screenshot(phone, "second-factor-1-enrol-phone");
		String secret = phone.locator("#second-factor-secret").innerText().replace(" ", "").strip();

		phone.locator("#code").fill("123456".equals(Totp.code(secret, Instant.now())) ? "654321" : "123456");
		phone.locator("form[action$='/account/second-factor/enrol'] button[type=submit]").click();
		assertThat(phone.locator("#code-error")).containsText("动态口令不正确或已过期");
		Browser.screenshot(phone, "second-factor-2-wrong-code-phone");

		phone.locator("#code").fill(Totp.code(secret, Instant.now()));
		phone.locator("form[action$='/account/second-factor/enrol'] button[type=submit]").click();
		assertThat(phone.locator("#recovery-codes li")).hasCount(10);
		Browser.screenshot(phone, "second-factor-3-recovery-codes-phone");
		phone.locator("main a[href$='/workbench']").click();
		assertThat(phone).hasURL(url("/workbench"));

		Page pc = browser.open(Viewport.DESKTOP);
		signInWithPassword(pc, expert);
		assertThat(pc).hasURL(url("/account/second-factor"));
		Browser.screenshot(pc, "second-factor-4-code-desktop");
		// The next step's code: the one of enrolment is not accepted twice.
		long step = Totp.step(Instant.now());
		while (Totp.step(Instant.now()) == step) {
			pc.waitForTimeout(500);
		}
		pc.locator("#code").fill(Totp.code(secret, Instant.now()));
		pc.locator("form[action$='/account/second-factor'] button[type=submit]").click();
		assertThat(pc).hasURL(url("/workbench"));
		Browser.screenshot(pc, "second-factor-5-signed-in-desktop");
	}

	@Test
	void theDemoAdminPassesWithTheDocumentedSecret() {
		Page pc = browser.open(Viewport.DESKTOP);
		Browser.signIn(pc, url(""), "demo-city", "Demo#2026zj");
		assertThat(pc).hasURL(url("/workbench"));
	}

	private void signInWithPassword(Page page, TestAccount account) {
		page.navigate(url("/sign-in"));
		page.locator("input[name=username]").fill(account.login());
		page.locator("input[name=password]").fill(PASSWORD);
		page.locator("form[action$='/sign-in'] button[type=submit]").click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
