package cn.zhengji.account.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestAccounts.TestAccount;
import cn.zhengji.support.TestEntries;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
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
 * Issue 10 item 9: a worker who forgot the password finds 忘记密码 on the sign-in page of a
 * phone, receives a code, sees a refused password next to the field, sets a good one and
 * signs in with it; a worker whose entry is in review tries to move to another union and
 * is told why not, on the phone's screen; the agreement and privacy pages read on a
 * phone. Screenshots: target/screenshots/account-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(BrowserTestSupport.class)
class PasswordResetBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Organisations organisations;

	@Autowired
	Campaigns campaigns;

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
	void aWorkerResetsAForgottenPasswordOnAPhoneAndSignsInWithTheNewOne() {
		TestAccount worker = new TestAccounts(jdbc, cipher, userDetails)
			.participant(organisations.getByCode("fj-fuzhou"))
			.displayName("找回密码的职工")
			.create();
		String base = "http://localhost:" + port;
		Page page = browser.open(Viewport.PHONE);
		List<String> consoleErrors = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				consoleErrors.add(message.text());
			}
		});

		page.navigate(base + "/sign-in");
		Browser.screenshot(page, "account-sign-in-phone");
		page.getByText("忘记密码？").click();
		assertThat(page.locator("h1")).hasText("找回密码");
		page.getByLabel("手机号").fill(worker.mobile());
		page.getByText("获取验证码").click();
		assertThat(page.locator(".alert-success")).containsText("如该手机号已注册，验证码已发送至");
		assertThat(page.locator(".alert-success")).isInViewport();
		Browser.screenshot(page, "account-reset-code-sent-phone");

		page.getByLabel("短信验证码").fill(sms.lastCodeTo(worker.mobile()));
		page.getByLabel("新密码", new Page.GetByLabelOptions().setExact(true)).fill("short");
		page.getByLabel("再次输入新密码").fill("short");
		page.locator("form[action='/password-reset'] button[type=submit]").click();
		assertThat(page.locator("#newPassword + .invalid-feedback")).containsText("密码至少需要8个字符。");
		page.locator("#newPassword").scrollIntoViewIfNeeded();
		assertThat(page.locator("#newPassword + .invalid-feedback")).isInViewport();
		Browser.screenshot(page, "account-reset-refused-phone");

		page.getByLabel("新密码", new Page.GetByLabelOptions().setExact(true)).fill("Phone#Reset2026");
		page.getByLabel("再次输入新密码").fill("Phone#Reset2026");
		page.locator("form[action='/password-reset'] button[type=submit]").click();
		assertThat(page.locator(".alert-success")).hasText("密码已重置，请使用新密码登录。");
		Browser.screenshot(page, "account-reset-done-phone");

		page.getByLabel("账号（用户名或手机号）").fill(worker.mobile());
		page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("Phone#Reset2026");
		page.locator("form[action='/sign-in'] button[type=submit]").click();
		assertThat(page.locator("#main")).containsText("您好，找回密码的职工");

		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		assertThat(consoleErrors).isEmpty();
		page.context().close();
	}

	@Test
	void aWorkerWithAnEntryInReviewIsToldOnAPhoneWhyTheirUnionCannotChangeYet() {
		TestAccount worker = new TestAccounts(jdbc, cipher, userDetails)
			.participant(organisations.getByCode("fj-fuzhou"))
			.displayName("想换单位的职工")
			.passwordHash(passwordEncoder.encode("Phone#Profile2026"))
			.create();
		Campaign campaign = campaigns.getByCode("fujian-2024");
		TestEntries entries = new TestEntries(jdbc);
		long entry = entries.draft(campaign, campaigns.categories(campaign).getFirst().id(),
				organisations.getByCode("fj-fuzhou"), worker.id(), worker.id(), "我的正能量微视频");
		entries.waitAt(entry, organisations.getByCode("fj-fuzhou"));
		String base = "http://localhost:" + port;
		Page page = browser.open(Viewport.PHONE);

		Browser.signIn(page, base, worker.mobile(), "Phone#Profile2026");
		page.getByText("个人资料").first().click();
		assertThat(page.locator("h1")).hasText("个人资料");
		page.locator("select[name=organisationIds]").first().selectOption(new SelectOption().setLabel("厦门市总工会"));
		page.getByText("保存个人资料").click();

		assertThat(page.locator("#profile-organisation-error"))
			.containsText("您有作品仍以“福州市总工会”申报且尚未办结，暂不能更改所属工会组织：《我的正能量微视频》");
		assertThat(page.locator("#profile-organisation-error")).isInViewport();
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		Browser.screenshot(page, "account-profile-refused-phone");

		page.navigate(base + "/legal/privacy");
		assertThat(page.locator("h1")).hasText("个人信息保护政策");
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		Browser.screenshot(page, "account-privacy-phone");
		page.navigate(base + "/register");
		Browser.screenshot(page, "account-register-phone");
		Page agreement = page.waitForPopup(() -> page.getByText("《用户协议》").click());
		assertThat(agreement.locator("h1")).hasText("用户协议");
		page.context().close();
	}

}
