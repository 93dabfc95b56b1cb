package cn.zhengji.reporting.web;

import java.time.Clock;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.reporting.DashboardFixture;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard page and its JSON, through the real security: the tables carry the exact
 * figures of {@link DashboardFixture}, a city admin sees nothing of another city, and the
 * charts get their data from attributes (no inline script).
 */
@ZhengjiTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignAdministration campaignAdministration;

	@Autowired
	Clock clock;

	DashboardFixture data;

	SignedInUser cityAdmin;

	@BeforeAll
	void createFixture() {
		data = new DashboardFixture(jdbc, organisations, campaigns, campaignAdministration, clock);
		cityAdmin = OrganisationTestData.orgAdmin(data.city);
	}

	private Html page(String url, SignedInUser actor) throws Exception {
		return new Html(mvc.perform(get(url).with(user(actor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static String cells(Html page, String rowId) {
		return page.cells(rowId).toString();
	}

	@Test
	void theCityDashboardShowsTheExactFiguresOfItsSubtreeInTables() throws Exception {
		Html page = page("/dashboard?campaign=" + data.campaign.code(), cityAdmin);

		assertThat(page.stat("entries")).isEqualTo("9");
		assertThat(page.stat("handedIn")).isEqualTo("7");
		assertThat(page.stat("inReview")).isEqualTo("4");
		assertThat(page.stat("waitingHere")).isEqualTo("1");
		assertThat(page.stat("approved")).isEqualTo("1");
		assertThat(page.stat("events")).isEqualTo("7");
		// 草稿 审核中 已退回 已通过 未通过 已撤回 合计
		assertThat(cells(page, "unit-own")).isEqualTo("[1, 0, 0, 0, 0, 0, 1]");
		assertThat(cells(page, "unit-" + data.countyA.id())).isEqualTo("[0, 3, 0, 1, 0, 0, 4]");
		assertThat(cells(page, "unit-" + data.countyB.id())).isEqualTo("[0, 1, 1, 0, 1, 1, 4]");
		assertThat(page.headers("by-unit")).containsExactly("单位", "草稿", "审核中", "已退回", "已通过", "未通过", "已撤回", "合计");
		assertThat(page.rowHeader("waiting-GRASSROOTS")).isEqualTo("基层工会");
		assertThat(cells(page, "waiting-GRASSROOTS")).isEqualTo("[1, 2.0, 2.0]");
		assertThat(page.rowHeader("waiting-COUNTY")).isEqualTo("县（市、区）总工会");
		assertThat(cells(page, "waiting-COUNTY")).isEqualTo("[2, 3.0, 2.0]");
		assertThat(cells(page, "waiting-CITY")).isEqualTo("[1, 5.0, 5.0]");
		assertThat(page.html().indexOf("waiting-GRASSROOTS")).isLessThan(page.html().indexOf("waiting-COUNTY"));
		assertThat(cells(page, "quota-" + data.city.id() + "-" + data.category("digital-union")))
			.isEqualTo("[数字赋能工会, 2 / 2]");
		assertThat(cells(page, "quota-" + data.city.id() + "-" + data.category("good-netizen")))
			.isEqualTo("[八闽职工好网民, 2 / 5]");
		assertThat(cells(page, "allocation-" + data.countyA.id())).isEqualTo("[4, 3, 133%]");
		assertThat(cells(page, "reach-WORKERS_REACHED").startsWith("[360,")).isTrue();
	}

	@Test
	void aCityAdminSeesNothingOfAnotherCity() throws Exception {
		Html page = page("/dashboard?campaign=" + data.campaign.code(), cityAdmin);

		assertThat(page.html()).doesNotContain(data.otherCity.name())
			.doesNotContain("unit=" + data.otherCity.id() + "\"");
		mvc.perform(get("/dashboard?campaign=" + data.campaign.code() + "&unit=" + data.otherCity.id())
			.with(user(cityAdmin))).andExpect(status().isNotFound());
		mvc.perform(get("/dashboard/data?campaign=" + data.campaign.code() + "&unit=" + data.otherCity.id())
			.with(user(cityAdmin))).andExpect(status().isNotFound());
	}

	@Test
	void theDataEndpointGivesTheSameFiguresAsJson() throws Exception {
		mvc.perform(get("/dashboard/data?campaign=" + data.campaign.code()).with(user(cityAdmin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unitId").value(data.city.id()))
			.andExpect(jsonPath("$.totals.entries").value(9))
			.andExpect(jsonPath("$.totals.events").value(7))
			.andExpect(jsonPath("$.byUnit[1].total").value(4))
			.andExpect(jsonPath("$.waiting[1].kind").value("COUNTY"))
			.andExpect(jsonPath("$.allocations[0].held").value(7));
	}

	@Test
	void aUnitNameOpensThatUnitsDashboardWithTheWayBack() throws Exception {
		Html page = page("/dashboard?campaign=" + data.campaign.code() + "&unit=" + data.countyA.id(), cityAdmin);

		assertThat(page.stat("entries")).isEqualTo("4");
		assertThat(page.html())
			.contains("<a href=\"/dashboard?campaign=" + data.campaign.code() + "&amp;unit=" + data.city.id() + "\">");
	}

	@Test
	void chartsReadTheirDataFromAttributesAndTheScriptsAreFiles() throws Exception {
		Html page = page("/dashboard?campaign=" + data.campaign.code(), cityAdmin);

		assertThat(page.count("class=\"dashboard-chart")).isEqualTo(6);
		assertThat(page.count("data-chart=\"{&quot;kind&quot;:")).isEqualTo(6);
		assertThat(page.count("<script")).isEqualTo(page.count("<script src=\""));
		assertThat(page.html()).contains("<script src=\"/webjars/echarts/")
			.containsPattern("<script src=\"/js/dashboard[^\"]*[.]js\" defer>");
		assertThat(page.html()).doesNotContain(" style=");
	}

}
