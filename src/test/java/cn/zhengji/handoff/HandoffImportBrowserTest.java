package cn.zhengji.handoff;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestFixtures;
import cn.zhengji.support.TestOrganisations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 3 in Debian's chromium: the national campaign's demo admin
 * (demo-national) opens the import page of a national campaign (a fresh copy of
 * national-2024), chooses a Fujian package made by the real export, and sees it uploaded
 * (tus), checked and imported — the list refreshes itself (htmx) until the import is done
 * — at 1366×768 and 390×844: nothing blocked by the Content-Security-Policy, nothing
 * wider than the phone, WCAG 2.1 AA.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestFixtures.class)
class HandoffImportBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	RoundResults results;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Handoffs handoffs;

	@Autowired
	DataSource dataSource;

	@Autowired
	OneTimeTask<Void> handoffImportTask;

	@Value("${zhengji.data-dir}")
	Path dataDir;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	@Test
	void theNationalAdminUploadsAProvincesPackageAndSeesItImported() throws Exception {
		HandoffScenery province = new HandoffScenery(administration, campaigns, results, organisations, accounts,
				entries, jdbc, dataDir);
		handoffs.select(province.hostAdmin, province.campaign.code(), Handoffs.Origin.RANKING, List.of(),
				Map.of(province.songs[0], "省级一等奖，推荐参评"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		handoffs.packageOf(province.hostAdmin, province.campaign.code(), "song").writeTo(out);
		Path zip = Files.createTempDirectory("handoff-import").resolve("福建省-推荐至全国-歌曲.zip");
		Files.write(zip, out.toByteArray());
		HandoffImportScenery national = new HandoffImportScenery(administration, campaigns, organisations, accounts,
				jdbc, dataDir, dataSource, handoffImportTask);
		try {
			String imports = "/admin/campaigns/" + national.national.code() + "/handoff/imports";
			List<String> problems = new ArrayList<>();
			List<String> violations = new ArrayList<>();
			Page page = browser.open(Viewport.DESKTOP);
			Browser.signIn(page, url(""), "demo-national", "Demo#2026zj");
			page.onConsoleMessage((message) -> {
				if (message.text().contains("Content Security Policy")
						|| message.text().contains("Content-Security-Policy")) {
					violations.add(message.text());
				}
			});
			page.navigate(url("/admin/campaigns/" + national.national.code()));
			assertThat(page.locator("#handoff-import-link").getAttribute("href")).isEqualTo(imports);
			page.navigate(url(imports));
			assertThat(page.locator("h1").textContent()).isEqualTo("导入省级推荐包");
			page.locator("#upload-package").setInputFiles(zip);
			page.waitForURL(url(imports));
			Locator done = page.locator(".handoff-import-list .badge.text-bg-success");
			done.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
			assertThat(done.textContent()).isEqualTo("已导入");
			assertThat(page.locator(".handoff-import-list .result").first().textContent())
				.contains("共 3 件作品：新建 3 件，此前已导入 0 件");
			assertThat(national.entries()).isEqualTo(3);
			for (Viewport viewport : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
				if (viewport == Viewport.PHONE) {
					page.setViewportSize(390, 844);
				}
				violations.clear();
				Response response = page.navigate(url(imports));
				page.waitForLoadState();
				int overflow = ((Number) page
					.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
				if (response.status() != 200 || overflow > 0 || !violations.isEmpty()) {
					problems
						.add(viewport + ": status " + response.status() + ", overflow " + overflow + ", " + violations);
				}
				Browser.screenshot(page, "handoff-import-" + (viewport == Viewport.PHONE ? "phone" : "pc"));
			}
			page.context().close();
			assertThat(problems).isEmpty();
		}
		finally {
			national.stop();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
