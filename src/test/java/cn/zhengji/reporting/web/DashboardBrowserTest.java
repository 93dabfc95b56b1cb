package cn.zhengji.reporting.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.reporting.DashboardFixture;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser under the real Content-Security-Policy, on a PC and on
 * a phone: ECharts draws every chart from the data attributes (SVG inside each chart
 * element), nothing is blocked, nothing is wider than the screen. Screenshots:
 * target/screenshots/dashboard-*.png.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

	static final String PASSWORD = "Dashboard#2026zj";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignAdministration campaignAdministration;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	Browser browser;

	DashboardFixture data;

	String admin;

	@BeforeAll
	void setUp() {
		// Figures to draw: a subtree with entries of every state, quotas, allocations and
		// events, and
		// an admin of its province who signs in with the form.
		data = new DashboardFixture(jdbc, organisations, campaigns, campaignAdministration, clock);
		admin = OrganisationTestData.unique("dashboard-province-");
		jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, '看板测试省管理员', ?, 'ORG_ADMIN', ?)
				""").params(admin, passwordEncoder.encode(PASSWORD), data.province.id()).update();
		browser = Browser.launch();
	}

	@AfterAll
	void closeBrowser() {
		browser.close();
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aProvinceAdminsDashboardDrawsEveryChartUnderThePolicy(Viewport viewport) {
		Page page = browser.open(viewport);
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (message.type().equals("error") || message.text().contains("Content Security Policy")) {
				problems.add(message.text());
			}
		});
		page.onPageError(problems::add);
		Browser.signIn(page, url(""), admin, PASSWORD);

		assertThat(page.locator("a.nav-link[href='/dashboard']").textContent()).isEqualTo("数据看板");
		page.locator("a.workbench-tile[href='/dashboard']").click();
		page.waitForURL(url("/dashboard"));
		page.waitForSelector(".dashboard-chart-ready");
		Response response = page.navigate(url("/dashboard?campaign=" + data.campaign.code()));
		page.waitForSelector(".dashboard-chart-ready");

		assertThat(response.status()).isEqualTo(200);
		int charts = page.locator(".dashboard-chart[data-chart]:not([hidden])").count();
		assertThat(charts).isEqualTo(6);
		assertThat(page.locator(".dashboard-chart-ready svg").count()).isEqualTo(charts);
		assertThat(page.locator("#by-unit .dashboard-chart svg text").allTextContents()).contains(data.city.name());
		int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
			.intValue();
		assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
		assertThat(problems).isEmpty();
		var cards = page.locator(".dashboard-totals .stat-card");
		assertThat(cards.count()).isEqualTo(6);
		List<Double> tops = new ArrayList<>();
		for (int i = 0; i < cards.count(); i++) {
			var card = cards.nth(i);
			assertThat(
					card.evaluate("e => getComputedStyle(e).borderTopWidth + ' ' + getComputedStyle(e).borderTopStyle"))
				.as("headline figure %d is a card", i)
				.isEqualTo("3px solid");
			assertThat(card.evaluate("e => getComputedStyle(e).display")).isEqualTo("flex");
			tops.add(card.boundingBox().y);
		}
		if (viewport == Viewport.DESKTOP) {
			assertThat(tops).as("the six headline cards side by side on a PC").allMatch(top -> top.equals(tops.get(0)));
		}
		else {
			assertThat(tops.get(0)).as("two cards a row on a phone").isEqualTo(tops.get(1));
			assertThat(tops.get(2)).isGreaterThan(tops.get(1));
		}
		Browser.screenshot(page, "dashboard-" + viewport.name().toLowerCase());
		page.context().close();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
