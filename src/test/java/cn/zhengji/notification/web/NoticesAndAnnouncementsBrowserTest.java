package cn.zhengji.notification.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.notification.AnnouncementDraft;
import cn.zhengji.notification.Announcements;
import cn.zhengji.notification.NotificationFixtures;
import cn.zhengji.notification.NotificationFixtures.Person;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned.Step;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.zhengji.notification.NotificationFixtures.event;
import static cn.zhengji.notification.NotificationFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city admin's journey in a real browser at 390 px and 1366 px: publishes an
 * announcement through the form, sees it on the home page, finds the notices of two
 * approvals from below behind the badge of the navigation and marks one read. Nothing is
 * wider than the phone's screen and nothing is blocked by the Content-Security-Policy.
 * Screenshots: target/screenshots/notification-*.png.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NoticesAndAnnouncementsBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Announcements announcements;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	@Test
	void theCityAdminPublishesAnAnnouncementAndReadsItsNoticesOnPhoneAndDesktop() {
		NotificationFixtures fixtures = new NotificationFixtures(jdbc, organisations, cipher, userDetails);
		SignedInUser province = ((SignedInUser) userDetails.loadUserByUsername("demo-province"))
			.withSecondFactor(Instant.now());
		announcements.publish(province,
				new AnnouncementDraft("关于举办2024年福建省职工网络正能量作品征集活动的通知", "各设区市总工会、平潭综合实验区总工会：\n现将有关事项通知如下。", null));
		announcements.publish(province, new AnnouncementDraft("作品征集平台操作指南", "一、注册账号\n二、提交作品\n三、查看审核进度", null));

		Campaign campaign = campaigns.getByCode("demo-fujian");
		Organisation county = organisations.getByCode("demo-county");
		Organisation city = organisations.getByCode("fj-fuzhou");
		Organisation grassroots = organisations.getByCode("demo-grassroots-a");
		Person worker = fixtures.participant(grassroots);
		Person countyAdmin = fixtures.admin(county);
		List<String> titles = List.of("致敬最美劳动者", "工匠精神代代传");
		for (String title : titles) {
			long entry = fixtures.entry(campaign, campaigns, grassroots, worker.id(), worker.id(), title);
			publish(transactions, events,
					event(entry, campaign, title, EntryState.SUBMITTED, EntryState.SUBMITTED, Step.APPROVED,
							county.id(), city.id(), worker.id(), grassroots.id(), countyAdmin.id(),
							countyAdmin.displayName(), "同意报送。作品主题鲜明，拍摄质量较好。"));
		}

		for (Viewport viewport : Viewport.values()) {
			String suffix = viewport.name().toLowerCase();
			Page page = browser.open(viewport);
			List<String> policyViolations = new ArrayList<>();
			page.onConsoleMessage(message -> {
				if (message.text().contains("Content Security Policy")) {
					policyViolations.add(message.text());
				}
			});
			Browser.signIn(page, url(""), "demo-city", "Demo#2026zj");

			String title = "福州市关于做好作品初审工作的通知（" + suffix + "）";
			page.navigate(url("/admin/announcements/new"));
			page.locator("#title").fill(title);
			page.locator("#body").fill("各县（市、区）总工会：\n请于8月25日前完成本地区作品初审。\n\n联系人：福州市总工会宣教部");
			Browser.screenshot(page, "notification-announcement-form-" + suffix);
			page.locator(".announcement-form button[type=submit]").click();
			page.locator(".alert-success").getByText("通知公告已发布。").waitFor();
			assertThat(page.locator(".announcement-body").textContent())
				.isEqualTo("各县（市、区）总工会：\n请于8月25日前完成本地区作品初审。\n\n联系人：福州市总工会宣教部");
			Browser.screenshot(page, "notification-announcement-" + suffix);

			page.navigate(url("/"));
			assertThat(page.locator(".announcement-home .announcement-line-title").first().textContent())
				.isEqualTo(title);
			assertOnScreen(page);
			Browser.screenshot(page, "notification-home-" + suffix);

			String badge = page.locator(".notice-badge").textContent();
			assertThat(Integer.parseInt(badge)).isGreaterThanOrEqualTo(1);
			assertThat(page.locator(".notice-nav-link").getAttribute("href")).isEqualTo("/notices");
			page.navigate(url("/notices"));
			assertThat(page.locator(".notice-item .notice-title").allTextContents()).contains("待审核：作品《致敬最美劳动者》",
					"待审核：作品《工匠精神代代传》");
			if (viewport == Viewport.DESKTOP) {
				int unread = page.locator(".notice-item.is-unread").count();
				page.locator(".notice-item.is-unread")
					.first()
					.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("标为已读"))
					.click();
				PlaywrightAssertions.assertThat(page.locator(".notice-item.is-unread")).hasCount(unread - 1);
			}
			assertOnScreen(page);
			Browser.screenshot(page, "notification-notices-" + suffix);
			assertThat(policyViolations).isEmpty();
			page.context().close();
		}
	}

	private static void assertOnScreen(Page page) {
		int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
			.intValue();
		assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
