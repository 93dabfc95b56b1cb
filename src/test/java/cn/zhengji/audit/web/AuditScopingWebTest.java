package cn.zhengji.audit.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.Spreadsheets;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** R-X-3 with R-ORG-2: an admin reads the audit events of its own subtree only. */
@ZhengjiTest
@AutoConfigureMockMvc
class AuditScopingWebTest {

	private static final Pattern ROW_ID = Pattern.compile("data-audit-id=\"(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	Organisation fuzhou;

	Organisation xiamen;

	SignedInUser fuzhouAdmin;

	SignedInUser xiamenAdmin;

	SignedInUser auditAdmin;

	@BeforeEach
	void setUp() {
		OrganisationTestData data = new OrganisationTestData(jdbc, organisations);
		fuzhou = data.byCode("fj-fuzhou");
		xiamen = data.byCode("fj-xiamen");
		fuzhouAdmin = OrganisationTestData.orgAdmin(fuzhou);
		xiamenAdmin = OrganisationTestData.orgAdmin(xiamen);
		auditAdmin = OrganisationTestData.user(Role.AUDIT_ADMIN, data.byCode("acftu"));
	}

	@Test
	void cityAdminReadsTheEventsOfItsSubtreeOnly() throws Exception {
		String fuzhouCounty = OrganisationTestData.unique("审计福州区总工会");
		String xiamenCounty = OrganisationTestData.unique("审计厦门区总工会");
		addCounty(fuzhouAdmin, fuzhou, fuzhouCounty);
		addCounty(xiamenAdmin, xiamen, xiamenCounty);
		long fuzhouEvent = eventOf(fuzhouCounty);
		long xiamenEvent = eventOf(xiamenCounty);

		// Filtering by each actor makes the expected sets exact in a database shared with
		// other tests.
		assertThat(rowIds(fuzhouAdmin, "/admin/audit?actor=" + fuzhouAdmin.displayName())).containsExactly(fuzhouEvent);
		assertThat(rowIds(fuzhouAdmin, "/admin/audit?actor=" + xiamenAdmin.displayName())).isEmpty();
		assertThat(rowIds(xiamenAdmin, "/admin/audit?actor=" + fuzhouAdmin.displayName())).isEmpty();
		assertThat(rowIds(xiamenAdmin, "/admin/audit?actor=" + xiamenAdmin.displayName())).containsExactly(xiamenEvent);
		assertThat(rowIds(auditAdmin, "/admin/audit?actor=测试组织管理员&action=CREATED&targetType=organisation"))
			.contains(fuzhouEvent, xiamenEvent);
		assertThat(rowIds(fuzhouAdmin, "/admin/audit")).contains(fuzhouEvent).doesNotContain(xiamenEvent);

		String own = mvc.perform(get("/admin/audit/{id}", fuzhouEvent).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(own).contains("新增组织：" + fuzhouCounty, "组织机构", "新增", fuzhouAdmin.displayName(),
				"&quot;name&quot; : &quot;" + fuzhouCounty + "&quot;");
		String other = mvc.perform(get("/admin/audit/{id}", xiamenEvent).with(user(fuzhouAdmin)))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(other).doesNotContain(xiamenCounty);
	}

	@Test
	void listShowsLabelsTimesInShanghaiAndTheStatesInAnExpandableDetail() throws Exception {
		String county = OrganisationTestData.unique("审计列表区总工会");
		addCounty(fuzhouAdmin, fuzhou, county);
		long event = eventOf(county);
		String utc = jdbc
			.sql("""
					select to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') from audit_event where id = ?
					""")
			.param(event)
			.query(String.class)
			.single();

		String page = mvc.perform(get("/admin/audit?actor=" + fuzhouAdmin.displayName()).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains(utc, "新增", "组织机构", "新增组织：" + county, "<details", "查看变更内容", "修改后");
	}

	@Test
	void filtersByActionAndDateAndIgnoresMalformedValues() throws Exception {
		String county = OrganisationTestData.unique("审计筛选区总工会");
		addCounty(fuzhouAdmin, fuzhou, county);
		long event = eventOf(county);
		String actor = "&actor=" + fuzhouAdmin.displayName();

		assertThat(rowIds(fuzhouAdmin, "/admin/audit?action=CREATED" + actor)).containsExactly(event);
		assertThat(rowIds(fuzhouAdmin, "/admin/audit?action=UPDATED" + actor)).isEmpty();
		assertThat(rowIds(fuzhouAdmin, "/admin/audit?to=2000-01-01" + actor)).isEmpty();
		assertThat(rowIds(fuzhouAdmin, "/admin/audit?from=2000-01-01" + actor)).containsExactly(event);
		String malformed = mvc
			.perform(get("/admin/audit?action=NOPE&from=yesterday&page=x" + actor).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(malformed).contains("部分筛选条件格式不正确，已忽略。");
	}

	@Test
	void theExportHoldsTheEventsOfTheListWithTheirLabelsAndIsItselfAudited() throws Exception {
		String fuzhouCounty = OrganisationTestData.unique("审计导出区总工会");
		addCounty(fuzhouAdmin, fuzhou, fuzhouCounty);
		addCounty(xiamenAdmin, xiamen, OrganisationTestData.unique("审计导出厦门区总工会"));

		byte[] own = mvc
			.perform(get("/admin/audit/export.xlsx?action=CREATED&actor=" + fuzhouAdmin.displayName())
				.with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] other = mvc
			.perform(get("/admin/audit/export.xlsx?actor=" + xiamenAdmin.displayName()).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		List<List<String>> rows = Spreadsheets.rows(own);
		assertThat(rows.getFirst()).containsExactly("时间", "操作人", "操作", "对象类型", "对象编号", "摘要", "来源地址");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).subList(1, 6)).containsExactly(fuzhouAdmin.displayName(), "新增", "组织机构", String.valueOf(
				jdbc.sql("select id from organisation where name = ?").param(fuzhouCounty).query(Long.class).single()),
				"新增组织：" + fuzhouCounty);
		assertThat(Spreadsheets.rows(other)).hasSize(1);
		assertThat(jdbc.sql("""
				select summary || '|' || (after_state ->> 'rows') || '|' || (after_state ->> 'completed')
				    || '|' || (after_state -> 'filter' ->> 'actor')
				from audit_event where action = 'EXPORTED' and target_type = 'audit-event-list' and actor_id = ?
				order by id
				""").param(fuzhouAdmin.accountId()).query(String.class).list()).containsExactly(
				"导出审计日志（1行）|1|true|" + fuzhouAdmin.displayName(), "导出审计日志（0行）|0|true|" + xiamenAdmin.displayName());
	}

	@Test
	void objectTypesAreShownInChineseInTheListTheFilterTheDetailAndTheExport() throws Exception {
		String actor = OrganisationTestData.unique("审计类型操作人");
		List<String> types = List.of("entry", "entry-list", "stored-file", "offline_event", "announcement",
				"campaign_phase", "notice_preference");
		for (String type : types) {
			jdbc.sql("""
					insert into audit_event (occurred_at, actor_name, action, target_type, target_id, summary,
					    organisation_path)
					values (now(), ?, 'UPDATED', ?, '7', '类型测试', ?)
					""").params(actor, type, fuzhou.path()).update();
		}
		long entryEvent = jdbc.sql("select id from audit_event where actor_name = ? and target_type = 'entry'")
			.param(actor)
			.query(Long.class)
			.single();

		String list = mvc.perform(get("/admin/audit").param("actor", actor).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String detail = mvc.perform(get("/admin/audit/{id}", entryEvent).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<List<String>> exported = Spreadsheets
			.rows(mvc.perform(get("/admin/audit/export.xlsx").param("actor", actor).with(user(fuzhouAdmin)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray());

		assertThat(list).contains(">作品</span>", ">作品清单</span>", ">上传文件</span>", ">线下活动</span>", ">通知公告</span>",
				">活动阶段</span>", ">消息设置</span>");
		assertThat(list).contains("<option value=\"entry\">作品</option>");
		for (String type : types) {
			assertThat(list).doesNotContain(">" + type + "<");
		}
		assertThat(detail).contains(">作品</span>").doesNotContain(">entry<");
		assertThat(exported.subList(1, exported.size())).extracting(row -> row.get(3))
			.containsExactlyInAnyOrder("作品", "作品清单", "上传文件", "线下活动", "通知公告", "活动阶段", "消息设置");
	}

	private void addCounty(SignedInUser admin, Organisation city, String name) throws Exception {
		mvc.perform(post("/admin/organisations/{id}/children/new", city.id()).with(user(admin))
			.with(csrf())
			.param("name", name)
			.param("kind", "COUNTY")).andExpect(status().isFound());
	}

	private long eventOf(String organisationName) {
		return jdbc.sql("select id from audit_event where action = 'CREATED' and summary = ?")
			.param("新增组织：" + organisationName)
			.query(Long.class)
			.single();
	}

	private List<Long> rowIds(SignedInUser viewer, String url) throws Exception {
		String page = mvc.perform(get(url).with(user(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher matcher = ROW_ID.matcher(page);
		List<Long> ids = new java.util.ArrayList<>();
		while (matcher.find()) {
			ids.add(Long.valueOf(matcher.group(1)));
		}
		return ids;
	}

}
