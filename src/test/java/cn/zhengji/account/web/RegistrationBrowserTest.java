package cn.zhengji.account.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.zhengji.account.AccountFixtures;
import cn.zhengji.account.RecordingSmsGateway;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The registration journey in a real browser on a phone-sized window: the htmx
 * organisation picker included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(BrowserTestSupport.class)
class RegistrationBrowserTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	RecordingSmsGateway sms;

	@BeforeAll
	static void startBrowser() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
		playwright = Playwright.create();
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void aWorkerRegistersOnAPhoneChoosingTheirUnionLevelByLevelAndSignsIn() {
		String mobile = AccountFixtures.uniqueMobile();
		Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
		List<String> consoleErrors = new java.util.ArrayList<>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				consoleErrors.add(message.text());
			}
		});

		page.navigate("http://localhost:" + port + "/register");
		page.getByLabel("手机号").fill(mobile);
		page.getByText("获取验证码").click();
		assertThat(page.locator(".alert-success")).containsText("验证码已发送至");
		// Widens the window in which a swapped-in select could be on the page without
		// its change handler (htmx binds it when the swap settles): the picker must not
		// depend on the settle delay, so with a long default delay every level loads.
		page.evaluate("htmx.config.defaultSettleDelay = 2000");

		page.getByLabel("短信验证码").fill(sms.lastCodeTo(mobile));
		page.getByLabel("姓名").fill("浏览器职工");
		page.getByLabel("职工", new Page.GetByLabelOptions().setExact(true)).check();
		page.locator("select[name=organisationIds]").first().selectOption(new SelectOption().setLabel("福州市总工会"));
		page.locator("select[name=organisationIds]").nth(1).selectOption(new SelectOption().setLabel("演示区总工会（福州）（演示）"));
		page.locator("select[name=organisationIds]").nth(2).selectOption(new SelectOption().setLabel("演示科技有限公司工会（演示）"));
		page.locator("select[name=organisationIds]").first().selectOption(new SelectOption().setLabel("福州市总工会"));
		assertThat(page.locator("select[name=organisationIds]")).hasCount(2);
		page.locator("select[name=organisationIds]").nth(1).selectOption(new SelectOption().setLabel("演示区总工会（福州）（演示）"));
		page.locator("select[name=organisationIds]").nth(2).selectOption(new SelectOption().setLabel("演示科技有限公司工会（演示）"));
		page.getByLabel("登录密码").fill("Browser#2026");
		page.getByLabel("再次输入密码").fill("Browser#2026");
		page.locator("#agreementAccepted1").check();
		page.locator("form[action='/register'] button[type=submit]").click();

		assertThat(page.locator(".alert-success")).hasText("注册成功，请使用手机号和密码登录。");
		page.getByLabel("账号（用户名或手机号）").fill(mobile);
		page.getByLabel("密码").fill("Browser#2026");
		page.locator("form[action='/sign-in'] button[type=submit]").click();

		assertThat(page.locator("#main")).containsText("您好，浏览器职工");
		assertThat(page.locator("#main")).containsText("演示科技有限公司工会");
		assertThat(consoleErrors).isEmpty();
		page.close();
	}

}
