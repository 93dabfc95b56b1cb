package cn.zhengji.reporting.web;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.reporting.DashboardFixture;
import cn.zhengji.reporting.SummaryFixture;
import cn.zhengji.support.QueryCounter;
import cn.zhengji.support.ZhengjiTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The year-end summary's page, workbook and PDF through the real security, against the
 * hand-counted figures of {@link SummaryFixture}: the same numbers in the page's tables,
 * in the workbook's sheets (one per table) and in the PDF's text; a constant number of
 * statements whatever the subtree; other provinces and sibling cities refused.
 */
@ZhengjiTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryPagesWebTest {

	/** The statements of one summary page, whatever the number of units or entries. */
	static final int PAGE_STATEMENTS = 30;

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

	@Autowired
	QueryCounter queries;

	SummaryFixture data;

	DashboardFixture base;

	SignedInUser provinceAdmin;

	String url;

	@BeforeAll
	void createFixture() {
		base = new DashboardFixture(jdbc, organisations, campaigns, campaignAdministration, clock);
		data = new SummaryFixture(base, jdbc, campaigns);
		provinceAdmin = OrganisationTestData.orgAdmin(base.province);
		url = "/admin/campaigns/" + data.campaign.code() + "/summary";
	}

	private Html page(String address, SignedInUser actor) throws Exception {
		return new Html(mvc.perform(get(address).with(user(actor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private byte[] download(String address, SignedInUser actor) throws Exception {
		return mvc.perform(get(address).with(user(actor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@Test
	void thePageShowsTheHandCountedFiguresInTablesAndCharts() throws Exception {
		Html page = page(url, provinceAdmin);

		assertThat(page.headers("by-unit")).containsExactly("单位", "作品总数", "已报送", "审核通过", "获奖", "已推荐", "推荐名额", "网络投票");
		assertThat(page.rowHeader("by-unit-row-0")).isEqualTo(base.province.displayName() + "（本级）");
		assertThat(page.rowHeader("by-unit-row-1")).isEqualTo(base.city.displayName());
		assertThat(page.cells("by-unit-row-1")).containsExactly("12", "10", "4", "3", "4", "7", "2");
		assertThat(page.cells("by-unit-row-2")).containsExactly("4", "4", "2", "1", "5", "5", "2");
		assertThat(page.rowHeader("by-unit-row-3")).isEqualTo("合计");
		assertThat(page.cells("by-unit-row-3")).containsExactly("16", "14", "6", "4", "9", "12", "4");
		assertThat(page.rowHeader("approvals-row-0")).isEqualTo("县（市、区）总工会");
		assertThat(page.cells("approvals-row-1")).containsExactly("0", "2", "1", "1");
		assertThat(page.headers("awards")).containsSubsequence("测试一等奖", "测试二等奖", "合计");
		assertThat(page.count("data-chart=")).isEqualTo(5);
		assertThat(page.html()).contains("/js/dashboard-", "echarts.min.js").doesNotContain("<script>");
	}

	@Test
	void thePageCostsTheSameFewStatementsForTheProvinceAndForACity() throws Exception {
		int province = queries.statementsOf(() -> page(url, provinceAdmin)).count();
		int city = queries.statementsOf(() -> page(url, OrganisationTestData.orgAdmin(base.city))).count();

		assertThat(province).isLessThanOrEqualTo(PAGE_STATEMENTS);
		assertThat(city).isEqualTo(province);
	}

	@Test
	void theWorkbookHasOneSheetPerTableWithTheSameFigures() throws Exception {
		byte[] xlsx = download(url + ".xlsx", provinceAdmin);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<String> names = new ArrayList<>();
			workbook.forEach(sheet -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactly("各单位汇总", "各项目汇总", "各级审核情况", "评审获奖情况", "推荐名额使用", "线下活动完成情况", "宣传覆盖与目标");
			List<List<String>> units = rows(workbook.getSheet("各单位汇总"));
			assertThat(units.get(0)).containsExactly("单位", "作品总数", "已报送", "审核通过", "获奖", "已推荐", "推荐名额", "网络投票");
			assertThat(units.get(2)).containsExactly(base.city.displayName(), "12", "10", "4", "3", "4", "7", "2");
			assertThat(units.get(4)).containsExactly("合计", "16", "14", "6", "4", "9", "12", "4");
			assertThat(units).hasSize(5);
			List<List<String>> approvals = rows(workbook.getSheet("各级审核情况"));
			assertThat(approvals).containsExactly(List.of("审核层级", "通过", "推荐", "退回", "不通过"),
					List.of("县（市、区）总工会", "2", "0", "0", "0"), List.of("设区市总工会", "0", "2", "1", "1"),
					List.of("省级总工会", "1", "0", "0", "0"));
			List<List<String>> categories = rows(workbook.getSheet("各项目汇总"));
			assertThat(categories.get(categories.size() - 1)).containsExactly("合计", "16", "14", "6", "4", "9", "12",
					"4");
		}
		assertThat(jdbc.sql("""
				select count(*) from audit_event where target_type = 'summary-table-list' and organisation_path = ?
				""").param(base.province.path()).query(Long.class).single()).isPositive();
	}

	@Test
	void thePdfPrintsEveryTable() throws Exception {
		byte[] pdf = download(url + ".pdf", provinceAdmin);

		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("年度总结", "各单位汇总", "各项目汇总", "各级审核情况", "评审获奖情况", "推荐名额使用", "线下活动完成情况", "宣传覆盖与目标");
			assertThat(text).contains(base.city.displayName() + " 12 10 4 3 4 7 2");
			assertThat(text).contains("合计 16 14 6 4 9 12 4");
			// The first page as the user would see it printed.
			java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
			java.nio.file.Files.createDirectories(shots);
			javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 90),
					"png", shots.resolve("summary-pdf.png").toFile());
		}
	}

	@Test
	void otherProvincesAndSiblingCitiesAreRefused() throws Exception {
		Organisation elsewhere = new OrganisationTestData(jdbc, organisations).create(organisations.root(), "总结对照省",
				OrganisationKind.PROVINCIAL);
		SignedInUser stranger = OrganisationTestData.orgAdmin(elsewhere);
		for (String suffix : List.of("", ".xlsx", ".pdf")) {
			mvc.perform(get(url + suffix).with(user(stranger))).andExpect(status().isNotFound());
			mvc.perform(get(url + suffix + "?unit=" + base.province.id()).with(user(stranger)))
				.andExpect(status().isNotFound());
			mvc.perform(get(url + suffix + "?unit=" + base.otherCity.id())
				.with(user(OrganisationTestData.orgAdmin(base.city)))).andExpect(status().isNotFound());
		}
		Html city = page(url, OrganisationTestData.orgAdmin(base.city));
		assertThat(city.html()).doesNotContain(base.otherCity.name());
	}

	@Test
	void theDemoProvinceSeesTheSummariesOfBothDemoCampaigns() throws Exception {
		long organisation = jdbc.sql("select organisation_id from account where username = 'demo-province'")
			.query(Long.class)
			.single();
		SignedInUser demoProvince = OrganisationTestData.orgAdmin(organisations.findById(organisation).orElseThrow());

		Html results = page("/admin/campaigns/demo-results/summary", demoProvince);
		assertThat(results.headers("awards")).hasSizeGreaterThan(2);
		assertThat(results.headers("by-unit")).contains("网络投票");
		Html open = page("/admin/campaigns/demo-fujian/summary", demoProvince);
		assertThat(open.rowHeader("by-unit-row-0")).endsWith("（本级）");
	}

	private static List<List<String>> rows(Sheet sheet) {
		DataFormatter formatter = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		int columns = sheet.getRow(0).getLastCellNum();
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < columns; c++) {
				cells.add(row == null || row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
			}
			rows.add(cells);
		}
		return rows;
	}

}
