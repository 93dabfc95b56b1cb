package cn.zhengji.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.BrowserContext;
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
		Map<Viewport, BrowserContext> contexts = new EnumMap<>(Viewport.class);
		List<String> problems = new ArrayList<>();
		for (Viewport viewport : Viewport.values()) {
			Page first = browser.open(viewport);
			Browser.signIn(first, url(""), "demo-province", "Demo#2026zj");
			contexts.put(viewport, first.context());
			for (Map.Entry<String, String> entry : pages.entrySet()) {
				Page page = first.context().newPage();
				List<String> violations = new ArrayList<>();
				page.onConsoleMessage((message) -> {
					if (message.text().contains("Content Security Policy")
							|| message.text().contains("Content-Security-Policy")) {
						violations.add(message.text());
					}
				});
				Response response = page.navigate(url(entry.getValue()));
				page.waitForLoadState();
				int overflow = ((Number) page
					.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
				if (response.status() != 200 || overflow > 0 || !violations.isEmpty()) {
					problems.add(entry.getKey() + " on " + viewport + ": status " + response.status() + ", overflow "
							+ overflow + ", " + violations);
				}
				Browser.screenshot(page, entry.getKey() + "-" + viewport.name().toLowerCase());
				page.close();
			}
		}
		contexts.values().forEach(BrowserContext::close);
		assertThat(problems).isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
