package cn.zhengji.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.CampaignDefinitionFixture;
import cn.zhengji.campaign.CampaignTestUsers;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.PhaseKind;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ZhengjiTest
@AutoConfigureMockMvc
class CampaignAdminWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("campaignDefinitionLoader")
	Object loader;

	Organisation province;

	SignedInUser admin;

	SignedInUser cityAdmin;

	/**
	 * Each test edits its own copy, so that the shipped campaigns other tests read stay
	 * as shipped.
	 */
	String code;

	@BeforeEach
	void copyTheFujianCampaign() {
		province = organisations.getByCode("fj");
		admin = CampaignTestUsers.platformAdmin(province);
		cityAdmin = CampaignTestUsers.organisationAdmin(organisations.getByCode("fj-fuzhou"));
		code = "web-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(admin, "fujian-2024", code, "网页测试活动", 2026);
	}

	@Test
	void platformAdminSeesTheCampaignListAndDetail() throws Exception {
		String list = mvc.perform(get("/admin/campaigns").with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("2024年“网聚职工正能量 争做八闽好网民”主题活动", "总工字〔2024〕16号", "网页测试活动");

		String detail = mvc.perform(get("/admin/campaigns/fujian-2024").with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("campaigns/fujian-2024.yaml · 第1版", "首次创建", "阶段与日期", "自评申报", "2024-08-30");
		assertThat(detail).contains("<td class=\"text-end allocation-total\">100</td>");
		assertThat(detail).contains("时长30秒至5分钟");
	}

	@Test
	void platformAdminChangesPhaseDatesAndTheChangeIsAudited() throws Exception {
		long phaseId = phaseId(PhaseKind.SUBMISSION);

		mvc.perform(post("/admin/campaigns/{code}/phases/SUBMISSION", code).with(user(admin))
			.with(csrf())
			.param("startsOn", "2026-05-10")
			.param("endsOn", "2026-09-01")
			.param("version", "0"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/campaigns/" + code))
			.andExpect(flash().attribute("flashSuccess", "阶段日期已保存"));

		Map<String, Object> row = jdbc
			.sql("select starts_on, ends_on, changed_by_admin, version from campaign_phase where id = ?")
			.param(phaseId)
			.query()
			.singleRow();
		assertThat(row).containsEntry("starts_on", java.sql.Date.valueOf(LocalDate.of(2026, 5, 10)))
			.containsEntry("ends_on", java.sql.Date.valueOf(LocalDate.of(2026, 9, 1)))
			.containsEntry("changed_by_admin", true)
			.containsEntry("version", 1);
		Map<String, Object> audit = jdbc.sql("""
				select action, actor_id, organisation_path, before_state ->> 'endsOn' as before_end,
				       after_state ->> 'endsOn' as after_end, after_state ->> 'startsOn' as after_start
				from audit_event where target_type = 'campaign_phase' and target_id = ?
				""").param(String.valueOf(phaseId)).query().singleRow();
		assertThat(audit).containsEntry("action", "UPDATED")
			.containsEntry("actor_id", 900_001L)
			.containsEntry("organisation_path", province.path())
			.containsEntry("before_end", "2026-08-30")
			.containsEntry("after_end", "2026-09-01")
			.containsEntry("after_start", "2026-05-10");
	}

	@Test
	void anEndBeforeTheStartIsRejectedInChineseAndNothingChanges() throws Exception {
		long phaseId = phaseId(PhaseKind.SUBMISSION);

		String html = mvc
			.perform(post("/admin/campaigns/{code}/phases/SUBMISSION", code).with(user(admin))
				.with(csrf())
				.param("startsOn", "2026-09-10")
				.param("endsOn", "2026-09-01")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("结束日期不能早于开始日期", "is-invalid");
		assertThat(jdbc.sql(
				"select starts_on || '/' || ends_on || '/' || changed_by_admin || '/' || version from campaign_phase where id = ?")
			.param(phaseId)
			.query(String.class)
			.single()).isEqualTo("2026-05-01/2026-08-30/false/0");
		assertThat(jdbc.sql("select count(*) from audit_event where target_type = 'campaign_phase' and target_id = ?")
			.param(String.valueOf(phaseId))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anInvalidDateIsRejectedInChinese() throws Exception {
		String html = mvc
			.perform(post("/admin/campaigns/{code}/phases/SUBMISSION", code).with(user(admin))
				.with(csrf())
				.param("startsOn", "2026-13-45")
				.param("endsOn", "2026-09-01")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("请填写有效日期，格式如 2024-05-01");
	}

	@Test
	void aStaleFormIsAConflict() throws Exception {
		mvc.perform(post("/admin/campaigns/{code}/phases/REVIEW", code).with(user(admin))
			.with(csrf())
			.param("startsOn", "2026-09-02")
			.param("endsOn", "2026-09-30")
			.param("version", "7")).andExpect(status().isConflict());
		assertThat(campaigns.getByCode(code).phase(PhaseKind.REVIEW).orElseThrow().startsOn())
			.isEqualTo(LocalDate.of(2026, 9, 1));
	}

	@Test
	void organisationAdminsGetNotFoundEverywhereUnderAdminCampaigns() throws Exception {
		mvc.perform(get("/admin/campaigns").with(user(cityAdmin))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/campaigns/fujian-2024").with(user(cityAdmin))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/campaigns/{code}/phases/SUBMISSION", code).with(user(cityAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/campaigns/{code}/phases/SUBMISSION", code).with(user(cityAdmin))
			.with(csrf())
			.param("startsOn", "2026-05-10")
			.param("endsOn", "2026-09-01")
			.param("version", "0")).andExpect(status().isNotFound());
		mvc.perform(post("/admin/campaigns/{code}/copy", code).with(user(cityAdmin))
			.with(csrf())
			.param("code", "sneaky-copy")
			.param("title", "不应复制")
			.param("year", "2027")).andExpect(status().isNotFound());
		assertThat(campaigns.findByCode("sneaky-copy")).isEmpty();
		assertThat(campaigns.getByCode(code).phase(PhaseKind.SUBMISSION).orElseThrow().version()).isZero();
	}

	@Test
	void platformAdminChangesCategoryRulesThroughTheForm() throws Exception {
		mvc.perform(get("/admin/campaigns/{code}/categories/micro-video", code).with(user(admin)))
			.andExpect(status().isOk());
		String html = mvc
			.perform(post("/admin/campaigns/{code}/categories/micro-video", code).with(user(admin))
				.with(csrf())
				.param("minDurationSeconds", "400")
				.param("maxDurationSeconds", "300")
				.param("maxFileSizeMb", "1024")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("最长时长不能小于最短时长");

		mvc.perform(post("/admin/campaigns/{code}/categories/micro-video", code).with(user(admin))
			.with(csrf())
			.param("minDurationSeconds", "20")
			.param("maxDurationSeconds", "240")
			.param("maxFileSizeMb", "800")
			.param("version", "0")).andExpect(status().isFound());
		var media = campaigns.category(campaigns.getByCode(code), "micro-video")
			.orElseThrow()
			.rules()
			.attachment("work")
			.orElseThrow();
		assertThat(media.media().minDurationSeconds()).isEqualTo(20);
		assertThat(media.media().maxDurationSeconds()).isEqualTo(240);
		assertThat(media.maxFileSizeMb()).isEqualTo(800);
	}

	@Test
	void platformAdminChangesAllocations() throws Exception {
		var campaign = campaigns.getByCode(code);
		var request = post("/admin/campaigns/{code}/allocations", code).with(user(admin))
			.with(csrf())
			.param("version", String.valueOf(campaign.version()));
		var allocations = campaigns.allocations(campaign);
		for (int i = 0; i < allocations.size(); i++) {
			request.param("rows[" + i + "].unitCode", allocations.get(i).organisationCode())
				.param("rows[" + i + "].events", String.valueOf(i == 0 ? 20 : allocations.get(i).events()));
		}

		mvc.perform(request).andExpect(status().isFound());

		assertThat(campaigns.allocationTotal(campaign)).isEqualTo(107);
		assertThat(campaigns.allocations(campaign).getFirst().changedByAdmin()).isTrue();
	}

	@Test
	void platformAdminCopiesACampaignAndATakenCodeIsExplained() throws Exception {
		String newCode = code + "-next";
		mvc.perform(post("/admin/campaigns/{code}/copy", code).with(user(admin))
			.with(csrf())
			.param("code", newCode)
			.param("title", "再复制的活动")
			.param("year", "2028"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/campaigns/" + newCode));
		assertThat(campaigns.getByCode(newCode).phase(PhaseKind.SUBMISSION).orElseThrow().startsOn())
			.isEqualTo(LocalDate.of(2028, 5, 1));

		String html = mvc
			.perform(post("/admin/campaigns/{code}/copy", code).with(user(admin))
				.with(csrf())
				.param("code", "fujian-2024")
				.param("title", "重复")
				.param("year", "2028"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("该活动代码已被使用，请换一个");
	}

	@Test
	void detailListsDefinitionVersionsAndTheAdminChangesTheyKept() throws Exception {
		String versioned = code + "-def";
		String source = "campaign-test/" + versioned + ".yaml";
		CampaignDefinitionFixture.load(loader, source, "campaign-test/versioned-v1.yaml", versioned);
		var submission = campaigns.getByCode(versioned).phase(PhaseKind.SUBMISSION).orElseThrow();
		mvc.perform(post("/admin/campaigns/{code}/phases/SUBMISSION", versioned).with(user(admin))
			.with(csrf())
			.param("startsOn", "2025-05-01")
			.param("endsOn", "2025-08-31")
			.param("version", String.valueOf(submission.version()))).andExpect(status().isFound());
		CampaignDefinitionFixture.load(loader, source, "campaign-test/versioned-v2.yaml", versioned);

		String html = mvc.perform(get("/admin/campaigns/{code}", versioned).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains(source + " · 第2版", "已应用，保留了管理员的修改", source + " · 第1版", "首次创建");
		assertThat(html).containsPattern(
				"<tr class=\"definition-conflict\">\\s*<td>阶段：自评申报</td><td>2025-05-01 至 2025-08-31</td><td>2025-05-01 至 2025-09-15</td>");
	}

	private long phaseId(PhaseKind kind) {
		return campaigns.getByCode(code).phase(kind).orElseThrow().id();
	}

}
