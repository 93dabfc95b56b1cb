package cn.zhengji.approval.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.NominationInput;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.submission.SubmittedEntries;
import cn.zhengji.support.Spreadsheets;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admins' list of entries (R-X-2): filters narrow exactly, the scope always applies,
 * bad filter values are reported instead of failing, and the Excel export carries the
 * same rows with personal data in full only for those who may see it, every export
 * audited.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class WorklistWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EntryLifecycle changes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	ApplicationContext context;

	static final String CONFLICT = "该作品已被他人办理或修改，您的决定未保存。请查看最新情况后再办理（您填写的意见已保留）。";

	SubmissionFixtures fixtures;

	Organisation county;

	Organisation companyA;

	Organisation companyB;

	String marker;

	@BeforeEach
	void entriesInTwoCompaniesOfOneCounty() {
		fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		county = fixtures.newOrganisation(fixtures.organisation("fj-fuzhou"), "清单测试区总工会", OrganisationKind.COUNTY);
		companyA = fixtures.newOrganisation(county, "清单测试甲公司工会", OrganisationKind.GRASSROOTS);
		companyB = fixtures.newOrganisation(county, "清单测试乙公司工会", OrganisationKind.GRASSROOTS);
		marker = "清单" + county.id();
		SignedInUser workerA = fixtures.participant("WORKER", companyA);
		SignedInUser workerB = fixtures.participant("WORKER", companyB);
		for (int i = 1; i <= 3; i++) {
			changes.create(workerA, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", marker + "甲作品" + i);
		}
		changes.create(workerB, SubmissionFixtures.OPEN_CAMPAIGN, "song", marker + "乙作品");
	}

	@Test
	void theCountyAdminListsTheEntriesOfItsSubtreeNarrowedByUnitCategoryStateAndText() throws Exception {
		SignedInUser countyAdmin = fixtures.admin(county);

		assertThat(titles(countyAdmin, "/admin/works?q=" + marker)).containsExactlyInAnyOrder(marker + "甲作品1",
				marker + "甲作品2", marker + "甲作品3", marker + "乙作品");
		assertThat(titles(countyAdmin, "/admin/works?q=" + marker + "&unit=" + companyA.id()))
			.containsExactlyInAnyOrder(marker + "甲作品1", marker + "甲作品2", marker + "甲作品3");
		long song = jdbc
			.sql("select id from campaign_category where code = 'song' and campaign_id = "
					+ "(select id from campaign where code = ?)")
			.param(SubmissionFixtures.OPEN_CAMPAIGN)
			.query(Long.class)
			.single();
		assertThat(titles(countyAdmin, "/admin/works?q=" + marker + "&category=" + song))
			.containsExactly(marker + "乙作品");
		assertThat(titles(countyAdmin, "/admin/works?q=" + marker + "&state=SUBMITTED")).isEmpty();
		assertThat(titles(countyAdmin, "/admin/works?q=" + marker + "&state=DRAFT")).hasSize(4);
		assertThat(titles(countyAdmin, "/admin/works?q=" + marker + "甲作品2")).containsExactly(marker + "甲作品2");
	}

	@Test
	void theCategoryFilterListsEachCategoryOnceUnderItsCampaign() throws Exception {
		SignedInUser countyAdmin = fixtures.admin(county);

		for (String base : List.of("/admin/works", "/admin/queue")) {
			String select = categorySelect(countyAdmin, base);
			var groups = java.util.regex.Pattern
				.compile("<optgroup label=\"([^\"]+)\">(.*?)</optgroup>", java.util.regex.Pattern.DOTALL)
				.matcher(select);
			List<String> labels = new ArrayList<>();
			while (groups.find()) {
				labels.add(groups.group(1));
				assertThat(optionTexts(groups.group(2))).as(base + " " + groups.group(1))
					.doesNotHaveDuplicates()
					.isNotEmpty();
			}
			assertThat(labels).as(base).hasSizeGreaterThan(1).doesNotHaveDuplicates();
			assertThat(optionTexts(select.replaceAll("(?s)<optgroup.*?</optgroup>", ""))).as(base)
				.containsExactly("全部");
		}

		long open = jdbc.sql("select id from campaign where code = ?")
			.param(SubmissionFixtures.OPEN_CAMPAIGN)
			.query(Long.class)
			.single();
		String oneCampaign = categorySelect(countyAdmin, "/admin/works?campaign=" + open);
		assertThat(oneCampaign).doesNotContain("<optgroup");
		assertThat(optionTexts(oneCampaign)).startsWith("全部", "网络正能量歌曲征集").doesNotHaveDuplicates();
	}

	String categorySelect(SignedInUser actor, String url) throws Exception {
		String html = mvc.perform(get(url).with(user(actor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int start = html.indexOf("id=\"category\"");
		assertThat(start).as(url).isPositive();
		return html.substring(start, html.indexOf("</select>", start));
	}

	static List<String> optionTexts(String html) {
		List<String> texts = new ArrayList<>();
		var matcher = java.util.regex.Pattern.compile("<option[^>]*>([^<]*)</option>").matcher(html);
		while (matcher.find()) {
			texts.add(matcher.group(1));
		}
		return texts;
	}

	@Test
	void anAdminOfAnotherCountySeesNoneOfThemEvenWhenItAsksForTheirUnit() throws Exception {
		Organisation otherCounty = fixtures.newOrganisation(fixtures.organisation("fj-fuzhou"), "清单测试别区总工会",
				OrganisationKind.COUNTY);
		SignedInUser otherAdmin = fixtures.admin(otherCounty);

		assertThat(titles(otherAdmin, "/admin/works?q=" + marker)).isEmpty();
		assertThat(titles(otherAdmin, "/admin/works?unit=" + companyA.id())).isEmpty();
		assertThat(export(otherAdmin, "/admin/works.xlsx?unit=" + companyA.id())).isEmpty();
	}

	@Test
	void filterValuesThatDoNotParseAreNamedOnThePageAndLeftOut() throws Exception {
		SignedInUser countyAdmin = fixtures.admin(county);

		mvc.perform(get("/admin/works").param("q", marker)
			.param("from", "2024-13-45")
			.param("state", "BOGUS")
			.with(user(countyAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("起始日期格式不正确（应为 年-月-日），已忽略。")))
			.andExpect(content().string(containsString("状态选择无效，已忽略。")))
			.andExpect(content().string(containsString("共 4 件")));
	}

	@Test
	void theExportHoldsTheFilteredRowsAsTextAndIsAudited() throws Exception {
		SignedInUser countyAdmin = fixtures.admin(county);

		List<List<String>> rows = export(countyAdmin, "/admin/works.xlsx?q=" + marker + "&unit=" + companyA.id());

		assertThat(rows).extracting(row -> row.get(3))
			.containsExactlyInAnyOrder(marker + "甲作品1", marker + "甲作品2", marker + "甲作品3");
		assertThat(rows).extracting(row -> row.get(4)).containsOnly("草稿");
		assertThat(rows).extracting(row -> row.get(5)).containsOnly(companyA.name());
		Map<String, Object> audit = jdbc.sql("""
				select summary, after_state::text as after from audit_event
				where action = 'EXPORTED' and target_type = 'entry-list' and actor_id = ?
				""").param(countyAdmin.accountId()).query().singleRow();
		assertThat(audit.get("summary")).isEqualTo("导出作品清单（3行）");
		assertThat((String) audit.get("after")).contains("\"organisation\": " + companyA.id(), "\"completed\": true",
				"\"rows\": 3");
	}

	@Test
	void defaultExportsMaskNomineesPersonalDataForEveryAdminEvenTheSubmittingUnitAndTheProvince() throws Exception {
		// A unit that submits nominations below a unit that is not the provincial
		// federation.
		Organisation directUnit = fixtures.newOrganisation(county, "清单测试直属单位工会", OrganisationKind.CITY);
		SignedInUser unitAdmin = fixtures.admin(directUnit);
		long id = changes.create(unitAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "good-netizen", marker + "候选人");
		int version = jdbc.sql("select version from entry where id = ?").param(id).query(Integer.class).single();
		changes.edit(unitAdmin, id, version, marker + "候选人", Map.of(), new NominationInput("赵六", "MALE", "1949-12",
				"群众", "闽工之声", "抖音", "1万", "某公司 职工", "13900003333", "11010519491231002X", "简介", "理由"));

		List<String> own = export(unitAdmin, "/admin/works.xlsx?q=" + marker + "候选人").getFirst();
		List<String> above = export(fixtures.admin(county), "/admin/works.xlsx?q=" + marker + "候选人").getFirst();
		List<String> province = export(fixtures.admin(fixtures.organisation("fj")),
				"/admin/works.xlsx?q=" + marker + "候选人")
			.getFirst();

		assertThat(own.subList(12, 15)).containsExactly("赵六", "139****3333", "110105********002X");
		assertThat(above.subList(12, 15)).containsExactly("赵六", "139****3333", "110105********002X");
		assertThat(province.subList(12, 15)).containsExactly("赵六", "139****3333", "110105********002X");
		assertThat(jdbc.sql("select action from audit_event where actor_id = ? and target_type = 'entry-list'")
			.param(unitAdmin.accountId())
			.query(String.class)
			.list()).containsExactly("EXPORTED");
	}

	@Test
	void aCityAdminsDefaultWorksAndQueueExportsCarryMaskedIdAndMobileNumbers() throws Exception {
		CityNomination nomination = cityNomination();

		List<String> works = export(nomination.admin(), "/admin/works.xlsx?q=" + nomination.title()).getFirst();
		List<String> queue = export(nomination.admin(), "/admin/queue.xlsx?q=" + nomination.title()).getFirst();

		assertThat(works.subList(12, 15)).containsExactly("李四", "139****1111", "110105********002X");
		assertThat(queue.subList(12, 15)).containsExactly("李四", "139****1111", "110105********002X");
	}

	@Test
	void theFullExportAsksForItsPurposeOnAFormThatKeepsTheFilter() throws Exception {
		SignedInUser countyAdmin = fixtures.admin(county);

		mvc.perform(get("/admin/works/full-export").param("q", marker)
			.param("unit", "" + companyA.id())
			.with(user(countyAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("含完整个人信息")))
			.andExpect(content().string(containsString("name=\"purpose\"")))
			.andExpect(content().string(containsString("name=\"q\" value=\"" + marker + "\"")))
			.andExpect(content().string(containsString("name=\"unit\" value=\"" + companyA.id() + "\"")));
	}

	@Test
	void theFullExportWithoutAPurposeIsRefusedAndWritesNothing() throws Exception {
		CityNomination nomination = cityNomination();

		for (String url : List.of("/admin/works/full-export", "/admin/queue/full-export")) {
			mvc.perform(post(url).param("q", nomination.title())
				.param("purpose", "   ")
				.with(user(nomination.admin()))
				.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", containsString("text/html")))
				.andExpect(content().string(containsString("请填写导出用途。")));
		}
		mvc.perform(post("/admin/works/full-export").param("q", nomination.title())
			.param("purpose", "用".repeat(201))
			.with(user(nomination.admin()))
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("导出用途不能超过200字。")));
		assertThat(jdbc.sql("select count(*) from audit_event where actor_id = ? and target_type = 'entry-list'")
			.param(nomination.admin().accountId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theFullExportWithAPurposeCarriesFullValuesAndIsOneAuditedViewOfPersonalDataWithTheNumberOfPeople()
			throws Exception {
		CityNomination nomination = cityNomination();

		List<List<String>> works = export(nomination.admin(),
				post("/admin/works/full-export").param("q", nomination.title()).param("purpose", "核对候选人身份信息"));

		assertThat(works).singleElement()
			.satisfies(
					row -> assertThat(row.subList(12, 15)).containsExactly("李四", "13900001111", "11010519491231002X"));
		Map<String, Object> audit = jdbc.sql("""
				select action, target_type, summary, after_state::text as after from audit_event
				where actor_id = ? and target_type = 'entry-list'
				""").param(nomination.admin().accountId()).query().singleRow();
		assertThat(audit.get("action")).isEqualTo("VIEWED_PERSONAL_DATA");
		assertThat(audit.get("target_type")).isEqualTo("entry-list");
		assertThat(audit.get("summary")).isEqualTo("导出作品清单（1行，含1人的完整个人信息），用途：核对候选人身份信息");
		assertThat((String) audit.get("after")).contains("\"people\": 1", "\"rows\": 1", "\"purpose\": \"核对候选人身份信息\"",
				"\"completed\": true");

		List<List<String>> queue = export(nomination.admin(),
				post("/admin/queue/full-export").param("q", nomination.title()).param("purpose", "报送省总工会"));
		assertThat(queue).singleElement()
			.satisfies(row -> assertThat(row.subList(13, 15)).containsExactly("13900001111", "11010519491231002X"));
		assertThat(jdbc.sql("select count(*) from audit_event where actor_id = ? and target_type = 'entry-list'")
			.param(nomination.admin().accountId())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theFullExportShowsInFullOnlyWhatTheAdminMaySeeInFullAndCountsOnlyThosePeople() throws Exception {
		CityNomination nomination = cityNomination();
		// The county above the city's own unit is not the province: it may export, but
		// the nominee stays masked and is not counted.
		SignedInUser countyAdmin = fixtures.admin(county);

		List<List<String>> rows = export(countyAdmin,
				post("/admin/works/full-export").param("q", nomination.title()).param("purpose", "汇总"));

		assertThat(rows).singleElement()
			.satisfies(row -> assertThat(row.subList(13, 15)).containsExactly("139****1111", "110105********002X"));
		assertThat(jdbc.sql("select summary from audit_event where actor_id = ? and target_type = 'entry-list'")
			.param(countyAdmin.accountId())
			.query(String.class)
			.single()).isEqualTo("导出作品清单（1行，含0人的完整个人信息），用途：汇总");
	}

	/** A submitted good-netizen nomination of a city-kind unit, waiting at that unit. */
	record CityNomination(SignedInUser admin, String title, long id) {
	}

	CityNomination cityNomination() {
		Organisation city = fixtures.newOrganisation(county, "清单测试市级单位工会", OrganisationKind.CITY);
		SignedInUser admin = fixtures.admin(city);
		String title = marker + "市级候选人" + city.id();
		long id = SubmittedEntries.from(context).submitted(admin, "good-netizen", title);
		return new CityNomination(admin, title, id);
	}

	@Test
	void onlyOrganisationAdminsHaveAQueueAndItStartsEmptyForAFreshUnit() throws Exception {
		mvc.perform(get("/admin/queue").with(user(fixtures.admin(county))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("目前没有等待本单位审核的作品。")))
			.andExpect(content().string(not(containsString(marker))));
		mvc.perform(get("/admin/queue").with(user(fixtures.platformAdmin()))).andExpect(status().isNotFound());
	}

	@Test
	void theQueueHoldsWhatWaitsAtTheOrganisationAndBatchApprovalSkipsEntriesWithOpenJudgementItems() throws Exception {
		SubmittedEntries submitted = SubmittedEntries.from(context);
		SignedInUser companyAdmin = fixtures.admin(companyA);
		SignedInUser countyAdmin = fixtures.admin(county);
		long digital = submitted.submitted(companyAdmin, "digital-union", marker + "数字工会");
		long video = submitted.submitted(fixtures.participant("WORKER", companyA), "micro-video", marker + "视频");

		assertThat(titles(companyAdmin, "/admin/queue?q=" + marker)).containsExactly(marker + "数字工会", marker + "视频");
		assertThat(titles(countyAdmin, "/admin/queue?q=" + marker)).isEmpty();
		mvc.perform(get("/admin/queue").param("q", marker).with(user(companyAdmin)))
			.andExpect(content().string(matchesPattern("(?s).*<input(?=[^>]*id=\"pick-" + video
					+ "\")(?=[^>]*title=\"[^\"]+\")(?=[^>]*disabled=\"disabled\")[^>]*>.*")))
			.andExpect(content()
				.string(matchesPattern("(?s).*<input(?=[^>]*id=\"pick-" + digital + "\")(?![^>]*disabled)[^>]*>.*")));

		// A box ticked at a version that has moved on since (the entry was resubmitted
		// meanwhile) approves nothing.
		String stale = digital + ":"
				+ (jdbc.sql("select version from entry where id = ?").param(digital).query(Integer.class).single() - 1);
		mvc.perform(post("/admin/queue/approve").param("entry", stale)
			.param("opinion", "同意上报")
			.with(user(companyAdmin))
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("batchRefused", Map.of(digital, CONFLICT)));
		assertThat(titles(countyAdmin, "/admin/queue?q=" + marker)).isEmpty();

		mvc.perform(post("/admin/queue/approve").param("entry", seen(digital), seen(video))
			.param("opinion", "同意上报")
			.with(user(companyAdmin))
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "已批量同意 1 件作品。"))
			.andExpect(flash().attribute("batchRefused", Map.of(video, "该作品尚有待确认的人工核验项，请打开作品逐项确认后再审核。")));

		assertThat(titles(companyAdmin, "/admin/queue?q=" + marker)).containsExactly(marker + "视频");
		assertThat(titles(countyAdmin, "/admin/queue?q=" + marker)).containsExactly(marker + "数字工会");
		assertThat(export(countyAdmin, "/admin/queue.xlsx?q=" + marker)).singleElement()
			.satisfies(row -> assertThat(row.subList(3, 8)).containsExactly(marker + "数字工会", "已提交", companyA.name(),
					companyAdmin.displayName(), county.name()));
		mvc.perform(get("/admin/works").param("q", marker + "数字").with(user(countyAdmin)))
			.andExpect(content().string(containsString("待" + county.name() + "审核")));
	}

	/** A ticked box of the queue: the entry and the version the admin saw. */
	String seen(long entryId) {
		return entryId + ":"
				+ jdbc.sql("select version from entry where id = ?").param(entryId).query(Integer.class).single();
	}

	List<String> titles(SignedInUser actor, String url) throws Exception {
		String html = mvc.perform(get(url).with(user(actor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> titles = new ArrayList<>();
		var matcher = java.util.regex.Pattern.compile("<a href=\"/admin/works/\\d+\">([^<]+)</a>").matcher(html);
		while (matcher.find()) {
			titles.add(matcher.group(1));
		}
		return titles;
	}

	/** The data rows of the exported sheet, each cell as text; checks the header row. */
	List<List<String>> export(SignedInUser actor, String url) throws Exception {
		return export(actor, get(url));
	}

	/** As {@link #export(SignedInUser, String)} for any request (a POST gets CSRF). */
	List<List<String>> export(SignedInUser actor, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request.with(user(actor)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn();
		List<List<String>> rows = Spreadsheets.rows(result.getResponse().getContentAsByteArray());
		assertThat(rows.getFirst()).containsExactly("编号", "活动", "项目", "作品名称", "状态", "申报单位", "申报人", "当前审核单位", "提交时间",
				"等待起始", "更新时间", "待确认事项", "候选人姓名", "候选人手机号码", "候选人身份证号");
		rows.removeFirst();
		return rows;
	}

}
