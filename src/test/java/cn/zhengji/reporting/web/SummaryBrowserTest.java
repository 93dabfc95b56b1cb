package cn.zhengji.reporting.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.reporting.DashboardFixture;
import cn.zhengji.reporting.SummaryFixture;
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
 * The year-end summary in a real browser under the real Content-Security-Policy, on a PC
 * and on a phone: a province admin opens it from the campaign's admin page, ECharts draws
 * every chart from the data attributes, the tables carry the figures, nothing is wider
 * than the screen. Screenshots: target/screenshots/summary-*.png.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryBrowserTest {

	static final String PASSWORD = "Summary#2026zj";

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

	SummaryFixture data;

	String admin;

	@BeforeAll
	void setUp() {
		DashboardFixture base = new DashboardFixture(jdbc, organisations, campaigns, campaignAdministration, clock);
		data = new SummaryFixture(base, jdbc, campaigns);
		admin = OrganisationTestData.unique("summary-province-");
		jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, '总结测试省管理员', ?, 'ORG_ADMIN', ?)
				""").params(admin, passwordEncoder.encode(PASSWORD), base.province.id()).update();
		browser = Browser.launch();
	}

	@AfterAll
	void closeBrowser() {
		browser.close();
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aProvinceAdminsSummaryDrawsEveryChartUnderThePolicy(Viewport viewport) {
		Page page = browser.open(viewport);
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (message.type().equals("error") || message.text().contains("Content Security Policy")) {
				problems.add(message.text());
			}
		});
		page.onPageError(problems::add);
		Browser.signIn(page, url(""), admin, PASSWORD);

		Response response = page.navigate(url("/admin/campaigns/" + data.campaign.code()));
		assertThat(response.status()).isEqualTo(200);
		page.locator("#summary-link").click();
		page.waitForURL(url("/admin/campaigns/" + data.campaign.code() + "/summary"));
		page.waitForSelector(".dashboard-chart-ready");

		int charts = page.locator(".dashboard-chart[data-chart]:not([hidden])").count();
		List<String> hidden = page.locator(".dashboard-chart[data-chart][hidden]")
			.evaluateAll("charts => charts.map(chart => chart.closest('section').id)") instanceof List<?> ids
					? ids.stream().map(String::valueOf).toList() : List.of();
		assertThat(hidden).as("charts without data").isEmpty();
		// Six tables with charts; the campaign of the fixture sets no reach targets, so
		// the
		// reach table stands alone.
		assertThat(charts).isEqualTo(5);
		assertThat(page.locator("#reach .dashboard-chart").count()).isZero();
		assertThat(page.locator(".dashboard-chart-ready svg").count()).isEqualTo(charts);
		assertThat(page.locator("#by-unit .dashboard-chart svg text").allTextContents())
			.contains(data.base.city.displayName());
		assertThat(page.locator("#by-unit-row-3 td").allTextContents()).containsExactly("16", "14", "6", "4", "9", "12",
				"4");
		assertThat(page.locator("#summary-xlsx").getAttribute("href")).contains("/summary.xlsx");
		assertThat(page.locator("#summary-pdf").getAttribute("href")).contains("/summary.pdf");
		int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
			.intValue();
		assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
		assertThat(problems).isEmpty();
		Browser.screenshot(page, "summary-" + viewport.name().toLowerCase());
		page.context().close();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
