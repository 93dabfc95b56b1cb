package cn.zhengji.playback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhengji.campaign.Campaigns;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 3: the web copies of the demonstration's finished campaign, requested by
 * the sweep and made by the application's scheduler, on the admin page as the province's
 * demo admin sees it at 1366×768 and 390×844: it loads, nothing is blocked by the
 * Content-Security-Policy, nothing is wider than the phone; then the showcase's work page
 * offers the poster.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlaybackAdminBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	Campaigns campaigns;

	@Autowired
	WebCopyRequests requests;

	@Autowired
	SchedulerClient scheduler;

	@Autowired
	PlatformTransactionManager transactionManager;

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
	void theAdminSeesTheCopiesOfTheDemonstrationsAwardedWorks() throws Exception {
		long campaignId = campaigns.getByCode("demo-results").id();
		requests.sweep(scheduler, new TransactionTemplate(transactionManager));
		int copies = jdbc.sql("select count(*) from web_copy where campaign_id = ?")
			.param(campaignId)
			.query(Integer.class)
			.single();
		assertThat(copies).isPositive();
		Instant until = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(until)
				&& jdbc.sql("select count(*) from web_copy where campaign_id = ? and state in ('QUEUED', 'RUNNING')")
					.param(campaignId)
					.query(Integer.class)
					.single() > 0) {
			Thread.sleep(500);
		}
		assertThat(jdbc.sql("select state from web_copy where campaign_id = ?")
			.param(campaignId)
			.query(String.class)
			.list()).hasSize(copies).containsOnly("READY");

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
		for (Viewport viewport : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
			if (viewport == Viewport.PHONE) {
				page.setViewportSize(390, 844);
			}
			violations.clear();
			Response response = page.navigate(url("/admin/campaigns/demo-results/playback"));
			page.waitForLoadState();
			int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
				.intValue();
			if (response.status() != 200 || overflow > 0 || !violations.isEmpty()) {
				problems.add(viewport + ": status " + response.status() + ", overflow " + overflow + ", " + violations);
			}
			assertThat(page.locator(".playback-copies .badge.text-bg-success").count()).isEqualTo(copies);
			Browser.screenshot(page, "playback-admin-" + viewport.name().toLowerCase(Locale.ROOT));
		}
		page.navigate(url("/admin/campaigns/demo-results"));
		assertThat(page.locator("#playback-link").getAttribute("href"))
			.isEqualTo("/admin/campaigns/demo-results/playback");
		page.context().close();
		assertThat(problems).isEmpty();

		// A public work of the demonstration on a phone: its video shows the poster of
		// its web copy.
		Page phone = browser.open(Viewport.PHONE);
		boolean shown = false;
		for (long entryId : jdbc.sql("select distinct entry_id from web_copy where campaign_id = ? order by entry_id")
			.param(campaignId)
			.query(Long.class)
			.list()) {
			Response work = phone.navigate(url("/showcase/works/" + entryId));
			if (work.status() != 200 || phone.locator("video[poster]").count() == 0) {
				continue;
			}
			String poster = phone.locator("video[poster]").first().getAttribute("poster");
			assertThat(poster).matches("/showcase/works/" + entryId + "/files/\\d+/poster\\.jpg");
			phone.locator("video[poster]").first().scrollIntoViewIfNeeded();
			phone.waitForFunction("() => document.querySelector('video[poster]').readyState >= 1");
			Browser.screenshot(phone, "playback-showcase-poster-phone");
			shown = true;
			break;
		}
		phone.context().close();
		assertThat(shown).as("a public demonstration work with a poster").isTrue();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
