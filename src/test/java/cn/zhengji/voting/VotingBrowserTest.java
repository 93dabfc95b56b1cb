package cn.zhengji.voting;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.showcase.QrCodeReading;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestFixtures;
import cn.zhengji.support.TestMedia;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 6 in Debian's chromium on a 390 × 844 phone, signed out: the work's
 * address read from its QR code (zxing), its video plays, the visitor proves a mobile
 * number with the one-time code of the SMS, comes back to the work and votes. Every vote
 * of this test's server must answer a proof of work (address threshold 0), so the vote
 * also runs static/js/vote.js: WebCrypto finds the nonce and the panel sends the vote
 * again. The second vote of the day is refused in Chinese.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zhengji.voting.address-challenge-per-minute=0", "zhengji.voting.challenge-bits=12" })
@ActiveProfiles("test")
@Import({ TestFixtures.class, VotingBrowserTest.Sms.class })
class VotingBrowserTest {

	@TestConfiguration(proxyBeanMethods = false)
	static class Sms {

		/**
		 * Stands in for the SMS provider, so that the test reads the code a person would.
		 */
		@Bean
		RecordingSmsGateway recordingSmsGateway() {
			return new RecordingSmsGateway();
		}

	}

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	VotingSettings settings;

	@Autowired
	Ballots ballots;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	JdbcClient jdbc;

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
	void fromTheQrCodeToAVoteOnAPhone() throws Exception {
		VotingScenery scenery = new VotingScenery(administration, campaigns, organisations, accounts, entries, 1);
		long work = scenery.works[0];
		scenery.attach(jdbc, dataDir, work, "work", "作品.mp4", Files.readAllBytes(TestMedia.mp4(320, 240, 6, 10)),
				"video/mp4");
		Instant now = Instant.now();
		scenery.open(settings, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)), 1, true, null);
		String local = "http://localhost:" + port;
		Page page = browser.open(Viewport.PHONE);

		APIResponse qr = page.request().get(local + "/showcase/works/" + work + "/qr.png");
		assertThat(qr.status()).isEqualTo(200);
		URI address = URI.create(QrCodeReading.decode(qr.body()));
		assertThat(address.toString()).isEqualTo(baseUrl + "/showcase/works/" + work);
		page.navigate(local + address.getPath());
		assertThat(page.locator("h1").textContent()).isEqualTo("投票作品1");

		Locator video = page.locator("video.showcase-media");
		video.evaluate("v => { v.muted = true; return v.play(); }");
		page.waitForFunction("() => { const v = document.querySelector('video.showcase-media');"
				+ " return !v.paused && v.currentTime > 0; }");
		video.evaluate("v => v.pause()");

		// the panel (htmx) shows the live count and asks for the number
		page.locator("a.vote-verify").waitFor();
		assertThat(page.locator(".vote-count-number").textContent()).isEqualTo("0");
		page.locator("a.vote-verify").click();
		page.waitForURL("**/vote/verify**");
		Browser.assertAccessible(page, "vote-verify");
		String mobile = TestAccounts.uniqueMobile();
		page.locator("#mobile").fill(mobile);
		page.locator("#send-code").click();
		page.locator(".alert-success").waitFor();
		page.locator("#code").fill(sms.lastCodeTo(mobile));
		page.locator("#verify").click();
		page.waitForURL("**/showcase/works/" + work);

		// the vote: a proof of work first (vote.js), then counted
		page.locator("button.vote-button").click();
		page.locator(".vote-message.alert-success").waitFor();
		assertThat(page.locator(".vote-message").textContent()).isEqualTo("投票成功，感谢您的支持！");
		assertThat(page.locator(".vote-count-number").textContent()).isEqualTo("1");
		assertThat(ballots.count(work)).isEqualTo(1);
		page.locator(".vote-panel").scrollIntoViewIfNeeded();
		Browser.screenshot(page, "vote-phone");
		Browser.assertAccessible(page, "vote-phone");

		// once a day
		page.locator("button.vote-button").click();
		page.locator(".vote-message", new Page.LocatorOptions().setHasText("明天再来")).waitFor();
		assertThat(page.locator(".vote-message").textContent()).isEqualTo("您今天已为本作品投过票，请明天再来。");
		assertThat(ballots.count(work)).isEqualTo(1);
	}

}
