package cn.zhengji.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 4 as the province's demo admin sees it at 1366×768 and 390×844: from the
 * finished demonstration campaign's page to 获奖证书, issuing the certificates of its final
 * winners; nothing is blocked by the Content-Security-Policy, nothing is wider than the
 * phone. Then a visitor types a code on the public verification page and sees it
 * confirmed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CertificateBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	@Test
	void theHostAdminIssuesTheCertificatesAndAVisitorVerifiesOne() {
		jdbc.sql("delete from certificate where campaign_id = (select id from campaign where code = 'demo-results')")
			.update();
		List<String> problems = new ArrayList<>();
		List<String> violations = new ArrayList<>();
		Page page = browser.open(Viewport.DESKTOP);
		page.onConsoleMessage((message) -> {
			if (message.text().contains("Content Security Policy")
					|| message.text().contains("Content-Security-Policy")) {
				violations.add(message.text());
			}
		});
		Browser.signIn(page, url(""), "demo-province", "Demo#2026zj");
		page.navigate(url("/admin/campaigns/demo-results"));
		page.locator("#certificate-link").click();
		page.waitForURL(url("/admin/campaigns/demo-results/certificates"));
		page.locator("#issue-certificates").click();
		page.waitForLoadState();
		assertThat(page.locator(".alert-success").textContent()).contains("共 3 张证书，其中新签发 3 张。");
		assertThat(page.locator(".certificate-list tbody tr").count()).isEqualTo(3);
		for (Viewport viewport : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
			if (viewport == Viewport.PHONE) {
				page.setViewportSize(390, 844);
			}
			violations.clear();
			page.navigate(url("/admin/campaigns/demo-results/certificates"));
			page.waitForLoadState();
			page.locator("img.certificate-seal").evaluate("(img) => img.decode()");
			int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
				.intValue();
			if (overflow > 0 || !violations.isEmpty()) {
				problems.add(viewport + ": overflow " + overflow + ", " + violations);
			}
			Browser.screenshot(page, "certificate-admin-" + (viewport == Viewport.DESKTOP ? "pc" : "phone"));
		}
		String code = page.locator(".certificate-list a.code").first().textContent().strip();
		page.context().close();
		assertThat(problems).isEmpty();

		Page phone = browser.open(Viewport.PHONE);
		phone.navigate(url("/certificates/verify"));
		phone.locator("#verify-input").fill(code.toLowerCase(Locale.ROOT));
		phone.locator(".certificate-verify-form button[type=submit]").click();
		phone.waitForLoadState();
		assertThat(phone.locator("#verify-code").textContent()).isEqualTo(code);
		assertThat(phone.locator("#verify-result").textContent()).contains("查验通过");
		Browser.screenshot(phone, "certificate-verify-phone");
		phone.navigate(url("/certificates/verify/ZZZZZZZZZZZZ"));
		assertThat(phone.locator("#verify-result").textContent()).contains("未找到该证书。");
		phone.context().close();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
