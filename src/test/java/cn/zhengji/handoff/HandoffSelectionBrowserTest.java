package cn.zhengji.handoff;

import java.util.ArrayList;
import java.util.List;

import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 2: the selection page of the demonstration's finished campaign as the
 * province's demo admin sees it at 1366×768 and 390×844 — the awarded works first with
 * their award and sub-project, a work ticked and its note typed; nothing blocked by the
 * Content-Security-Policy, nothing wider than the phone, WCAG 2.1 AA. Nothing is
 * submitted: the demonstration's entries keep their history (selecting is tested in
 * {@link HandoffWebTest}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HandoffSelectionBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	@Test
	void theProvinceAdminPicksWorksWithANote() {
		List<String> problems = new ArrayList<>();
		List<String> violations = new ArrayList<>();
		Page page = browser.open(Viewport.DESKTOP);
		Browser.signIn(page, url(""), "demo-province", "Demo#2026zj");
		page.onConsoleMessage((message) -> {
			if (message.text().contains("Content Security Policy")
					|| message.text().contains("Content-Security-Policy")) {
				violations.add(message.text());
			}
		});
		page.navigate(url("/admin/campaigns/demo-results"));
		assertThat(page.locator("#handoff-link").getAttribute("href"))
			.isEqualTo("/admin/campaigns/demo-results/handoff");
		for (Viewport viewport : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
			if (viewport == Viewport.PHONE) {
				page.setViewportSize(390, 844);
			}
			violations.clear();
			Response response = page.navigate(url("/admin/campaigns/demo-results/handoff"));
			page.waitForLoadState();
			assertThat(page.locator("h1").textContent()).isEqualTo("推荐至全国");
			List<String> awards = page.locator(".handoff-candidates tbody tr td:nth-child(5)").allTextContents();
			assertThat(awards).isNotEmpty();
			assertThat(awards.get(0)).endsWith("等奖");
			assertThat(page.locator(".handoff-candidates tbody tr td:nth-child(6)").allTextContents()).contains("歌曲",
					"微视频");
			page.locator(".handoff-candidates input[type=checkbox]").first().check();
			page.locator(".handoff-candidates input[type=text], .handoff-candidates input:not([type])")
				.first()
				.fill("省级一等奖，推荐参评");
			int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
				.intValue();
			if (response.status() != 200 || overflow > 0 || !violations.isEmpty()) {
				problems.add(viewport + ": status " + response.status() + ", overflow " + overflow + ", " + violations);
			}
			Browser.screenshot(page, "handoff-selection-" + (viewport == Viewport.PHONE ? "phone" : "pc"));
		}
		page.context().close();
		assertThat(problems).isEmpty();
	}

	/**
	 * 撤回全国推荐 as the admin does it: a work recommended by hand shows under its sub-project
	 * with a reason field and 撤回推荐 (screenshots at both sizes); the withdrawal with a
	 * reason takes it out of the list with a message. The demonstration entry keeps the
	 * two history steps and is a candidate again afterwards.
	 */
	@Test
	void theProvinceAdminWithdrawsARecommendationWithAReason() {
		List<String> problems = new ArrayList<>();
		List<String> violations = new ArrayList<>();
		Page page = browser.open(Viewport.DESKTOP);
		Browser.signIn(page, url(""), "demo-province", "Demo#2026zj");
		page.onConsoleMessage((message) -> {
			if (message.text().contains("Content Security Policy")
					|| message.text().contains("Content-Security-Policy")) {
				violations.add(message.text());
			}
		});
		page.navigate(url("/admin/campaigns/demo-results/handoff"));
		String title = page.locator(".handoff-candidates tbody tr td:nth-child(2)").first().textContent().strip();
		page.locator(".handoff-candidates input[type=checkbox]").first().check();
		page.locator("button[value=MANUAL]").click();
		page.waitForLoadState();
		assertThat(page.locator(".alert-success").textContent()).isEqualTo("已推荐 1 件作品至全国");
		assertThat(page.locator(".handoff-sub-project li").allTextContents()).hasSize(1);
		for (Viewport viewport : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
			if (viewport == Viewport.PHONE) {
				page.setViewportSize(390, 844);
				page.reload();
			}
			page.locator(".handoff-withdraw input[name=reason]").fill("作者所在单位申请撤回");
			int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
				.intValue();
			if (overflow > 0 || !violations.isEmpty()) {
				problems.add(viewport + ": overflow " + overflow + ", " + violations);
			}
			Browser.screenshot(page, "handoff-withdraw-" + (viewport == Viewport.PHONE ? "phone" : "pc"));
		}
		page.locator(".handoff-withdraw button").click();
		page.waitForLoadState();
		assertThat(page.locator(".alert-success").textContent()).isEqualTo("已撤回该作品的全国推荐，推荐包中不再包含它");
		assertThat(page.locator(".handoff-sub-project").count()).isZero();
		assertThat(page.locator(".handoff-candidates tbody tr td:nth-child(2)").first().textContent().strip())
			.isEqualTo(title);
		assertThat(page.locator(".handoff-candidates input[type=checkbox]").first().isEnabled()).isTrue();
		page.context().close();
		assertThat(problems).isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
