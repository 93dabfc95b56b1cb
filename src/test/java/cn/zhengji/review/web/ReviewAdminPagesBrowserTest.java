package cn.zhengji.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The review admin pages of the Fujian campaign, as its province's demo admin sees them,
 * at 1366×768 and at 390×844: each loads, nothing is blocked by the
 * Content-Security-Policy, and on the phone nothing is wider than the screen (the tables
 * become labelled cards).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewAdminPagesBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	Campaigns campaigns;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	@Test
	void everyReviewAdminPageFitsThePhoneAndTheDesktop() {
		Category song = campaigns.category(campaigns.getByCode("fujian-2024"), "song").orElseThrow();
		long round = campaigns.reviewRounds(song.id()).getFirst().id();
		String base = "/admin/campaigns/fujian-2024/review";
		Map<String, String> pages = Map.of("review-overview", base, "review-rubric", base + "/categories/song/rubric",
				"review-round", base + "/categories/song/rounds/first", "review-pool",
				base + "/rounds/" + round + "/pool", "review-assignment", base + "/rounds/" + round + "/assignment");
		List<String> problems = new ArrayList<>();
		List<String> violations = new ArrayList<>();
		// One sign-in (each waits for an unused second-factor time step); the phone is
		// the same session in a phone-sized window.
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
			for (Map.Entry<String, String> entry : pages.entrySet()) {
				violations.clear();
				Response response = page.navigate(url(entry.getValue()));
				page.waitForLoadState();
				int overflow = ((Number) page
					.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
				if (response.status() != 200 || overflow > 0 || !violations.isEmpty()) {
					problems.add(entry.getKey() + " on " + viewport + ": status " + response.status() + ", overflow "
							+ overflow + ", " + violations);
				}
				Browser.screenshot(page, entry.getKey() + "-" + viewport.name().toLowerCase(java.util.Locale.ROOT));
			}
		}
		page.context().close();
		assertThat(problems).isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
