package cn.zhengji.similarity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.zhengji.review.AwardedLevels;
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
 * Issue 15, "the demo data contains a flagged pair an approver can open": the demo's
 * re-encoded copy of demo-results' winning video, fingerprinted by the real job at the
 * start ({@code DemoFingerprints}, no match seeded), is flagged on its entry page as
 * {@code demo-grassroots} (its approver) sees it, with the side-by-side frames;
 * screenshots at 1366×768 and 390×844.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DemoSimilarityBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SimilarWorks similarWorks;

	@Autowired
	AwardedLevels awardedLevels;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	@Test
	void theDemoCopyOfAWinnerIsFlaggedForItsApproverWithFramesOfBothWorks() throws Exception {
		long copy = entry("demo-fujian", "港口夜色里的坚守");
		long winner = entry("demo-results", "匠心守护万家灯火");
		List<SimilarWork> found = awaitMatch(copy, winner);
		SimilarWork video = found.stream()
			.filter(work -> work.otherEntryId() == winner && work.kind() == SimilarityKind.VIDEO)
			.findFirst()
			.orElseThrow();
		assertThat(video.otherAwardName()).isNotNull();
		assertThat(video.sameOwner()).isFalse();
		assertThat(found).noneMatch(work -> work.otherEntryId() == winner && work.kind() == SimilarityKind.EXACT);

		Page page = browser.open(Viewport.DESKTOP);
		Browser.signIn(page, url(""), "demo-grassroots", "Demo#2026zj");
		page.navigate(url("/admin/works/" + copy));
		String heading = page.locator("#similar-" + winner + " .similarity-heading").innerText();
		assertThat(heading).isEqualTo("与 " + video.otherCampaignYear() + " 年《匠心守护万家灯火》（福州市总工会，网络正能量微视频征集，"
				+ video.otherAwardName() + "）高度相似");
		assertThat(page.locator("#similar-" + winner + " .similarity-segment-text").innerText())
			.startsWith("本作品 00:00–");
		assertThat(page.locator("#similar-" + winner + " a.similarity-open").getAttribute("href"))
			.isEqualTo("/admin/works/" + winner);
		for (String side : List.of("this", "other")) {
			String image = "#similar-" + winner + " img.similarity-frame-" + side;
			page.locator(image).first().scrollIntoViewIfNeeded();
			page.waitForFunction(
					"s => { const i = document.querySelector(s); return i && i.complete && i.naturalWidth > 0; }",
					image);
		}
		page.locator("#decision").waitFor();
		page.locator("#similarity").scrollIntoViewIfNeeded();
		Browser.screenshot(page, "similarity-approver-pc");
		page.setViewportSize(390, 844);
		page.locator("#similarity").scrollIntoViewIfNeeded();
		Browser.screenshot(page, "similarity-approver-phone");

		// the worker who sent the winners (the same file three times) sees the neutral
		// notice of their own duplicates, nothing about the cadre's copy
		long second = entry("demo-results", "凌晨四点的港口");
		awaitMatch(winner, second);
		Page worker = browser.open(Viewport.PHONE);
		Browser.signIn(worker, url(""), "13800000001", "Demo#2026zj");
		worker.navigate(url("/works/" + winner));
		assertThat(worker.locator("#own-duplicates").innerText()).contains("您在《凌晨四点的港口》（")
			.contains("中提交了相同的文件。")
			.doesNotContain("港口夜色里的坚守");
		assertThat(worker.content()).doesNotContain("高度相似");
		Browser.screenshot(worker, "similarity-own-duplicate-phone");

		// the review admin's results page marks the winner and leads to its flags
		long round = awardedLevels.of(List.of(winner)).get(winner).roundId();
		int count = similarWorks.matchCounts(List.of(winner)).get(winner);
		Page admin = browser.open(Viewport.DESKTOP);
		Browser.signIn(admin, url(""), "demo-province", "Demo#2026zj");
		admin.navigate(url("/admin/review/rounds/" + round + "/results"));
		assertThat(admin.locator("#work-" + winner + " .results-mark").innerText())
			.isEqualTo("⚑ 与 " + count + " 件作品高度相似，请查看");
		assertThat(admin.locator("#work-" + winner + " .results-mark").getAttribute("href"))
			.isEqualTo("/admin/works/" + winner + "#similarity");
	}

	private long entry(String campaign, String title) {
		return jdbc.sql("""
				select e.id from entry e join campaign c on c.id = e.campaign_id where c.code = ? and e.title = ?
				""").params(campaign, title).query(Long.class).single();
	}

	private List<SimilarWork> awaitMatch(long entryId, long otherEntryId) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(until)) {
			List<SimilarWork> found = similarWorks.of(entryId);
			if (found.stream().anyMatch(work -> work.otherEntryId() == otherEntryId)) {
				return found;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("no match of the demo copy " + entryId + " with " + otherEntryId);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
