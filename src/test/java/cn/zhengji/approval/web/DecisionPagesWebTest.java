package cn.zhengji.approval.web;

import java.util.List;
import java.util.Map;

import cn.zhengji.approval.Approvals;
import cn.zhengji.approval.JudgementAnswer;
import cn.zhengji.campaign.CategoryRules.JudgementKind;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.submission.SubmittedEntries;
import cn.zhengji.support.Spreadsheets;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R-APR-1 The decision panel on the admin's entry page, its three decisions, the owner's
 * view of a returned entry and the 推荐名额 page, with the real security configuration.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class DecisionPagesWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Approvals approvals;

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

	SubmissionFixtures fixtures;

	SubmittedEntries submitted;

	Organisation city;

	Organisation county;

	Organisation grassroots;

	SignedInUser cityAdmin;

	SignedInUser grassrootsAdmin;

	@BeforeEach
	void chain() {
		fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		submitted = SubmittedEntries.from(context);
		city = fixtures.newOrganisation(fixtures.organisation("fj"), "页面审核市总工会", OrganisationKind.CITY);
		county = fixtures.newOrganisation(city, "页面审核县总工会", OrganisationKind.COUNTY);
		grassroots = fixtures.newOrganisation(county, "页面审核公司工会", OrganisationKind.GRASSROOTS);
		cityAdmin = fixtures.admin(city);
		grassrootsAdmin = fixtures.admin(grassroots);
	}

	@Test
	void theWaitingLevelSeesThePanelWithTheJudgementItemsAndAnAdminAboveOnlyWhereTheEntryWaits() throws Exception {
		long id = submitted.submitted(fixtures.participant("WORKER", grassroots), "micro-video", "面板视频");

		mvc.perform(get("/admin/works/{id}", id).with(user(grassrootsAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"decision\"")))
			.andExpect(content().string(containsString("name=\"judgement-WATERMARK\"")))
			.andExpect(content().string(containsString("name=\"judgement-TITLE_IN_OPENING_CREDITS\"")))
			.andExpect(content().string(containsString("推荐后转" + county.name() + "审核")))
			.andExpect(content().string(containsString(">推荐</button>")))
			.andExpect(content().string(containsString("待" + grassroots.name() + "审核")));
		mvc.perform(get("/admin/works/{id}", id).with(user(cityAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"decision\""))))
			.andExpect(content().string(containsString("待" + grassroots.name() + "审核")));
	}

	@Test
	void approvingWithoutTheAnswersKeepsTheOpinionAndAStaleVersionIsRefusedWithoutLosingIt() throws Exception {
		long id = submitted.submitted(fixtures.participant("WORKER", grassroots), "micro-video", "表单视频");
		int version = submitted.entry(id).version();

		mvc.perform(post("/admin/works/{id}/approve", id).with(user(grassrootsAdmin))
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("opinion", "画面清晰，同意推荐")
			.param("judgement-WATERMARK", "MET"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/works/" + id))
			.andExpect(flash().attribute("flashError", "请对每一项人工核验作出判断：片头字幕须有作品名称、画面清晰、须为原创作品"))
			.andExpect(flash().attribute("decisionOpinion", "画面清晰，同意推荐"))
			.andExpect(flash().attribute("decisionInput", Map.of("judgement-WATERMARK", "MET")));

		mvc.perform(post("/admin/works/{id}/approve", id).with(user(grassrootsAdmin))
			.with(csrf())
			.param("version", String.valueOf(version - 1))
			.param("opinion", "旧页面的意见")
			.params(allMet()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashError", "该作品已被他人办理或修改，您的决定未保存。请查看最新情况后再办理（您填写的意见已保留）。"))
			.andExpect(flash().attribute("decisionOpinion", "旧页面的意见"));
		assertThat(submitted.entry(id).pendingOrganisationId()).isEqualTo(grassroots.id());

		mvc.perform(post("/admin/works/{id}/approve", id).with(user(grassrootsAdmin))
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("opinion", "画面清晰，同意推荐")
			.params(allMet()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "已推荐，作品转" + county.name() + "审核。"));
		assertThat(submitted.entry(id).pendingOrganisationId()).isEqualTo(county.id());
	}

	@Test
	void theOwnerSeesTheReturnReasonProminentlyAndMaySubmitAgain() throws Exception {
		SignedInUser worker = fixtures.participant("WORKER", grassroots);
		long id = submitted.submitted(worker, "micro-video", "退回视频");

		mvc.perform(post("/admin/works/{id}/return", id).with(user(grassrootsAdmin))
			.with(csrf())
			.param("version", String.valueOf(submitted.entry(id).version()))
			.param("opinion", "片头缺少作品名称，请补充后重新提交"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "已退回提交人修改。"));

		assertThat(submitted.entry(id).state()).isEqualTo(EntryState.RETURNED);
		mvc.perform(get("/works/{id}", id).with(user(worker)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("作品被" + grassroots.name() + "退回修改")))
			.andExpect(content().string(containsString("片头缺少作品名称，请补充后重新提交")))
			.andExpect(content().string(containsString(">退回修改</span>")))
			.andExpect(content().string(containsString(
					"class=\"btn btn-primary submit-entry\" aria-describedby=\"submit-missing\">提交作品（还差 1 项）")));
		mvc.perform(get("/admin/works/{id}", id).with(user(cityAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("片头缺少作品名称，请补充后重新提交")));
	}

	@Test
	void theQuotaPageShowsUsedAndAllowedOfTheCitysQuotas() throws Exception {
		long id = submitted.submitted(cityAdmin, "good-netizen", "名额页候选人");
		approvals.approve(cityAdmin, id, submitted.entry(id).version(), "同意推荐",
				List.of(new JudgementAnswer(JudgementKind.ACCOUNT_CONDUCT, true, null)));
		long goodNetizen = submitted.entry(id).categoryId();

		mvc.perform(get("/admin/quotas").with(user(cityAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"quota-" + goodNetizen + "-" + city.id() + "\"")))
			.andExpect(content().string(containsString("<strong>1</strong> / <span>5</span>")))
			.andExpect(content().string(containsString(city.name())))
			.andExpect(content().string(not(containsString("福州市总工会"))));
		mvc.perform(get("/admin/quotas").with(user(fixtures.participant("WORKER", grassroots))))
			.andExpect(status().isNotFound());

		List<List<String>> rows = Spreadsheets.rows(mvc.perform(get("/admin/quotas.xlsx").with(user(cityAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(rows)
			.anySatisfy(row -> assertThat(row.subList(1, 6)).containsExactly("八闽职工好网民征集", city.name(), "1", "5", ""));
		assertThat(rows).noneSatisfy(row -> assertThat(row.get(2)).isEqualTo("福州市总工会"));
		assertThat(jdbc.sql("""
				select summary || '|' || (after_state ->> 'rows') || '|' || (after_state ->> 'completed')
				from audit_event where action = 'EXPORTED' and target_type = 'quota-list' and actor_id = ?
				""").param(cityAdmin.accountId()).query(String.class).single())
			.isEqualTo("导出推荐名额（" + (rows.size() - 1) + "行）|" + (rows.size() - 1) + "|true");
	}

	private static org.springframework.util.MultiValueMap<String, String> allMet() {
		var map = new org.springframework.util.LinkedMultiValueMap<String, String>();
		for (String kind : List.of("WATERMARK", "TITLE_IN_OPENING_CREDITS", "PICTURE_CLARITY", "ORIGINALITY")) {
			map.add("judgement-" + kind, "MET");
		}
		return map;
	}

}
