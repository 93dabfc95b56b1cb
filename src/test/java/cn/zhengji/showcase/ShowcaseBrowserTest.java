package cn.zhengji.showcase;

import java.net.URI;
import java.nio.file.Path;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestFixtures;
import cn.zhengji.support.TestOrganisations;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * Issue 13 items 2 and 6 in Debian's chromium, signed out: on a 390 × 844 phone the
 * showcase of a campaign with three final winners, then a work opened from the address in
 * its QR code (read with zxing, as a phone's camera would), whose H.264/AAC video plays
 * in the page; the same page on a 1366 × 768 PC. The QR code holds the configured
 * platform address (zhengji.base-url, https://zhengji.example.cn in the tests); the test
 * opens its path on the local server, as that address would reach it in production. Every
 * page passes axe (WCAG 2.1 AA).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestFixtures.class)
class ShowcaseBrowserTest {

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
	PersonalDataCipher cipher;

	@Value("${zhengji.data-dir}")
	Path dataDir;

	@Value("${zhengji.base-url}")
	String baseUrl;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		browser.close();
	}

	@Test
	void fromTheQrCodeToAPlayingVideoOnAPhoneAndOnAPc() {
		ShowcaseScenery scenery = new ShowcaseScenery(administration, campaigns, results, organisations, accounts,
				entries, jdbc, cipher, dataDir, "");
		String local = "http://localhost:" + port;
		long work = scenery.works[0];
		Page page = browser.open(Viewport.PHONE);

		page.navigate(local + "/showcase/" + scenery.campaign.code());
		assertThat(page.locator(".showcase-card").count()).isEqualTo(3);
		assertThat(page.locator("h1").textContent()).contains("作品展示");
		Browser.screenshot(page, "showcase-phone");

		APIResponse qr = page.request().get(local + "/showcase/works/" + work + "/qr.png");
		assertThat(qr.status()).isEqualTo(200);
		URI address = URI.create(QrCodeReading.decode(qr.body()));
		assertThat(address.toString()).isEqualTo(baseUrl + "/showcase/works/" + work);
		page.navigate(local + address.getPath());
		assertThat(page.locator("h1").textContent()).isEqualTo("劳动者之歌");

		Locator video = page.locator("video.showcase-media");
		assertThat(video.count()).isEqualTo(1);
		// A muted start needs no user gesture on any phone browser.
		video.evaluate("v => { v.muted = true; return v.play(); }");
		page.waitForFunction("() => { const v = document.querySelector('video.showcase-media');"
				+ " return !v.paused && v.currentTime > 0; }");
		video.evaluate("v => v.pause()");
		Browser.screenshot(page, "showcase-work-phone");

		page.setViewportSize(1366, 768);
		page.reload();
		assertThat(page.locator("img.showcase-qr").isVisible()).isTrue();
		Browser.screenshot(page, "showcase-desktop");
	}

}
