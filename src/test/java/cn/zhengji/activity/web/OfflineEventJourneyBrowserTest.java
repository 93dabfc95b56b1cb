package cn.zhengji.activity.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.zhengji.activity.ActivityFixtures;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-ACT-2 in Debian's chromium on a phone (390×844): the demo grassroots admin records an
 * offline event in the demo campaign, uploads a photo through the tus widget, sees it on
 * the event and its own count on the progress page; the demo province admin sees the
 * event counted for 福州 on a PC. Screenshots go to target/screenshots/activity-*.png.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OfflineEventJourneyBrowserTest {

	static final String PASSWORD = "Demo#2026zj";

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		browser.close();
	}

	@Test
	void grassrootsAdminRecordsAnEventWithAPhotoOnAPhoneAndSeesTheProgress() throws Exception {
		Page page = browser.open(Viewport.PHONE);
		List<String> policyViolations = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")
					|| message.text().contains("Content-Security-Policy")) {
				policyViolations.add(message.text());
			}
		});
		signIn(page, "demo-grassroots");
		Browser.screenshot(page, "activity-workbench-phone");
		page.locator("a.workbench-tile[href='/activities']").click();
		page.waitForURL(url("/activities"));
		page.locator("a[href^='/activities/new']").first().click();

		page.locator("#heldOn").waitFor();
		String place = "演示科技有限公司职工之家" + System.nanoTime() % 100_000;
		page.locator("#place").fill(place);
		page.locator("#enterprise").fill("演示科技有限公司");
		page.locator("#participants").fill("36");
		page.locator("#description").fill("组织职工观看网络正能量微视频，开展“争做八闽好网民”主题交流。");
		Browser.screenshot(page, "activity-new-phone");
		assertNoHorizontalOverflow(page);
		page.locator("button.save-event").click();
		page.locator(".alert-success").getByText("线下活动已登记").waitFor();
		assertThat(page.locator("h1.event-title").textContent()).isEqualTo(place);
		assertThat(page.locator(".event-participants").textContent()).isEqualTo("36");

		Path photo = Files.createTempFile("activity-photo", ".png");
		Files.write(photo, ActivityFixtures.picture("png"));
		page.locator("#upload-photo").setInputFiles(photo);
		page.locator(".alert-success").getByText("活动照片已上传").waitFor();
		assertThat(page.locator(".event-photo img").count()).isEqualTo(1);
		// The picture really loaded through the scoped photo URL.
		page.waitForFunction(
				"() => { const i = document.querySelector('.event-photo img'); return i && i.complete && i.naturalWidth === 640; }");
		Browser.screenshot(page, "activity-detail-phone");
		assertNoHorizontalOverflow(page);

		page.navigate(url("/activities"));
		assertThat(page.locator(".activity-table").textContent()).contains(place);
		Browser.screenshot(page, "activity-list-phone");
		assertNoHorizontalOverflow(page);

		page.navigate(url("/activities/progress"));
		assertThat(page.locator(".progress-row").count()).isEqualTo(1);
		assertThat(page.locator(".progress-row td").first().textContent()).isEqualTo("演示科技工会");
		assertThat(Integer.parseInt(page.locator(".progress-row .reported").textContent().strip()))
			.isGreaterThanOrEqualTo(1);
		Browser.screenshot(page, "activity-progress-phone");
		assertNoHorizontalOverflow(page);
		assertThat(policyViolations).isEmpty();
		page.context().close();

		Page desktop = browser.open(Viewport.DESKTOP);
		signIn(desktop, "demo-province");
		desktop.navigate(url("/activities/progress"));
		assertThat(desktop.locator(".progress-row").count()).isEqualTo(10);
		assertThat(Integer.parseInt(desktop.locator(".progress-row .reported").first().textContent().strip()))
			.isGreaterThanOrEqualTo(1);
		Browser.screenshot(desktop, "activity-progress-desktop");
		assertNoHorizontalOverflow(desktop);
		desktop.navigate(url("/activities"));
		assertThat(desktop.locator(".activity-table").textContent()).contains(place);
		Browser.screenshot(desktop, "activity-list-desktop");
		desktop.locator(".activity-table a").getByText(place).click();
		desktop.locator("h1.event-title").waitFor();
		// Units above read the event; only its own union changes it.
		assertThat(desktop.locator("a[href$='/edit']").count()).isZero();
		assertThat(desktop.locator(".upload-widget").count()).isZero();
		Browser.screenshot(desktop, "activity-detail-desktop");
		desktop.navigate(url("/activities/progress?campaign=national-2024"));
		assertThat(desktop.locator(".progress-row").count()).isEqualTo(1);
		assertThat(desktop.locator("#reach-PROMOTERS").textContent()).contains("20,000");
		// 福建's unions report in the Fujian campaign, which feeds the national one.
		assertThat(desktop.locator(".reports-instead").textContent()).contains("自动计入");
		assertThat(desktop.locator("#reach-WORKERS_REACHED .reach-from-events").textContent()).startsWith("其中线下活动参加");
		Browser.screenshot(desktop, "activity-progress-national-desktop");
		desktop.navigate(url("/activities/reach?campaign=fujian-2024"));
		desktop.locator("#promoters").fill("-5");
		desktop.locator("button.save-reach").click();
		assertThat(desktop.locator("#promoters + .invalid-feedback").textContent())
			.isEqualTo("请填写 0 至 1000000000 之间的整数");
		Browser.screenshot(desktop, "activity-reach-desktop");
		desktop.context().close();
	}

	private void signIn(Page page, String username) {
		Browser.signIn(page, url(""), username, PASSWORD);
	}

	private static void assertNoHorizontalOverflow(Page page) {
		int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
			.intValue();
		assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
