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
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned.Step;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.submission.SubmittedEntries;
import cn.zhengji.submission.Transition;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R-SUB-1 What the submitter and the admins read about where an entry stands (the level
 * reached, never "已提交 → 已提交"), how a submitted entry is changed (撤回修改, saying what is
 * lost, never a silent edit), a return with its level's reason, and one way of counting
 * characters on the page, in the check and in every opinion form.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class EntryStandingWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Approvals approvals;

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

	SubmissionFixtures fixtures;

	SubmittedEntries submitted;

	Organisation province;

	Organisation city;

	SignedInUser cityAdmin;

	SignedInUser provinceAdmin;

	@BeforeEach
	void aCityUnderTheProvince() {
		fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		submitted = SubmittedEntries.from(context);
		province = fixtures.organisation("fj");
		city = fixtures.newOrganisation(province, "进度测试市总工会", OrganisationKind.CITY);
		cityAdmin = fixtures.admin(city);
		provinceAdmin = fixtures.admin(province);
	}

	@Test
	void everyPageSaysWhereTheEntryStandsWithTheLevelReachedAndTheHistoryNamesEachStep() throws Exception {
		long id = submitted.submitted(cityAdmin, "good-netizen", "进度测试候选人");

		String waiting = "已提交（待" + city.name() + "审核）";
		assertThat(page(cityAdmin, "/works/" + id)).contains(waiting);
		assertThat(page(cityAdmin, "/works")).contains(waiting);

		recommendAtCity(id);
		String recommended = "已推荐（" + city.name() + "），待" + province.name() + "审核";
		assertThat(page(cityAdmin, "/works/" + id)).contains(recommended);
		assertThat(page(cityAdmin, "/works")).contains(recommended);
		assertThat(page(provinceAdmin, "/admin/works/" + id)).contains(recommended);
		assertThat(page(provinceAdmin, "/admin/works?q=进度测试候选人")).contains(recommended);

		approvals.approve(provinceAdmin, id, submitted.entry(id).version(), "同意", List.of());
		String approved = "审核通过（" + province.name() + "）";
		assertThat(page(cityAdmin, "/works/" + id)).contains(approved);
		assertThat(page(provinceAdmin, "/admin/works?q=进度测试候选人")).contains(approved);

		String detail = page(cityAdmin, "/works/" + id);
		assertThat(detail).doesNotContain("→");
		assertThat(submitted.history(id)).extracting(Transition::step, Transition::levelName, Transition::actorName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Step.CREATED, null, cityAdmin.displayName()),
					org.assertj.core.groups.Tuple.tuple(Step.SUBMITTED, null, cityAdmin.displayName()),
					org.assertj.core.groups.Tuple.tuple(Step.RECOMMENDED, city.name(), cityAdmin.displayName()),
					org.assertj.core.groups.Tuple.tuple(Step.APPROVED, province.name(), provinceAdmin.displayName()));
		assertThat(detail).contains("创建草稿", "提交", "推荐", "审核通过");
	}

	@Test
	void aSubmittedEntryIsRecalledOnlyAfterAConfirmationThatSaysWhatIsLostAndTheQuotaPlaceComesBack() throws Exception {
		long id = submitted.submitted(cityAdmin, "good-netizen", "撤回测试候选人");
		recommendAtCity(id);
		assertThat(quotaUsed()).isEqualTo(1);
		int version = submitted.entry(id).version();

		mvc.perform(get("/works/" + id + "/edit").with(user(cityAdmin)))
			.andExpect(redirectedUrl("/works/" + id))
			.andExpect(flash().attribute("flashError", "作品正在审核中，不能直接修改。如需修改，请先“撤回修改”（已有的审核意见将失效），或等待审核单位退回。"));
		mvc.perform(post("/works/" + id + "/edit").with(csrf())
			.with(user(cityAdmin))
			.param("version", String.valueOf(version))
			.param("title", "偷偷改名")).andExpect(status().isOk());
		assertThat(submitted.entry(id).title()).isEqualTo("撤回测试候选人");
		assertThat(submitted.entry(id).state()).isEqualTo(EntryState.SUBMITTED);

		assertThat(page(cityAdmin, "/works/" + id)).contains("href=\"/works/" + id + "/recall\"", "全部检查通过。")
			.doesNotContain("全部检查通过，可以提交。");
		String confirmation = page(cityAdmin, "/works/" + id + "/recall");
		assertThat(confirmation).contains("以下单位对本次提交的审核通过将失效：" + city.name(), city.name() + "为本作品占用的推荐名额将释放");

		mvc.perform(post("/works/" + id + "/recall").with(csrf())
			.with(user(cityAdmin))
			.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/works/" + id))
			.andExpect(flash().attribute("flashSuccess", "作品已撤回为草稿，可以修改；改好后请在截止前重新提交。"));

		assertThat(submitted.entry(id).state()).isEqualTo(EntryState.DRAFT);
		assertThat(submitted.entry(id).recommendedById()).isNull();
		assertThat(quotaUsed()).isZero();
		assertThat(submitted.history(id).getLast().step()).isEqualTo(Step.RECALLED);
		assertThat(page(cityAdmin, "/works/" + id + "/edit")).contains("撤回测试候选人");
	}

	@Test
	void aReturnGoesBackToTheSubmitterWithTheLevelAndItsReason() throws Exception {
		long id = submitted.submitted(cityAdmin, "good-netizen", "退回测试候选人");
		recommendAtCity(id);

		approvals.returnToSubmitter(provinceAdmin, id, submitted.entry(id).version(), "请补充佐证材料");

		String page = page(cityAdmin, "/works/" + id);
		assertThat(page).contains("退回修改（" + province.name() + "）", "作品被" + province.name() + "退回修改", "请补充佐证材料");
		assertThat(page).contains("href=\"/works/" + id + "/edit\"");
	}

	@Test
	void thePageCountsCharactersAsTheCheckDoesFiveParagraphsOf300AreExactly1500() throws Exception {
		long id = changes.create(cityAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "good-netizen", "字数测试候选人");
		String paragraph = "职".repeat(300);
		String fiveParagraphs = String.join("\r\n\r\n", List.of(paragraph, paragraph, paragraph, paragraph, paragraph));

		changes.edit(cityAdmin, id, submitted.entry(id).version(), "字数测试候选人", Map.of("evidence-text", fiveParagraphs),
				null);
		String page = page(cityAdmin, "/works/" + id);
		assertThat(page).contains("共 1500 字，上限 1500 字").doesNotContain("1508");

		changes.edit(cityAdmin, id, submitted.entry(id).version(), "字数测试候选人",
				Map.of("evidence-text", fiveParagraphs + "职"), null);
		assertThat(page(cityAdmin, "/works/" + id)).contains("共 1501 字，上限 1500 字");
	}

	@Test
	void anOpinionTheDecisionPanelAcceptsIsAcceptedByTheBatchFormToo() throws Exception {
		Organisation county = fixtures.newOrganisation(city, "字数测试县总工会", OrganisationKind.COUNTY);
		Organisation company = fixtures.newOrganisation(county, "字数测试公司工会", OrganisationKind.GRASSROOTS);
		SignedInUser companyAdmin = fixtures.admin(company);
		SignedInUser countyAdmin = fixtures.admin(county);
		long id = submitted.submitted(fixtures.participant("WORKER", company), "song", "字数测试歌曲");
		approvals.approve(companyAdmin, id, submitted.entry(id).version(), "同意", SONG_JUDGEMENTS);
		// 500 characters in ten lines, sent as a browser sends a textarea: CR LF between
		// the lines.
		String opinion = String.join("\r\n", java.util.Collections.nCopies(10, "意".repeat(50)));
		assertThat(Approvals.opinion(opinion, "approval.rejected.opinionMissing")).hasSize(500 + 9);

		mvc.perform(post("/admin/queue/approve").with(csrf())
			.with(user(countyAdmin))
			.param("entry", id + ":" + submitted.entry(id).version())
			.param("opinion", opinion))
			.andExpect(redirectedUrl("/admin/queue"))
			.andExpect(flash().attribute("flashSuccess", "已批量同意 1 件作品。"));
		assertThat(submitted.entry(id).pendingOrganisationId()).isEqualTo(city.id());

		long second = submitted.submitted(fixtures.participant("WORKER", company), "song", "字数测试歌曲二");
		approvals.approve(companyAdmin, second, submitted.entry(second).version(), "同意", SONG_JUDGEMENTS);
		mvc.perform(post("/admin/queue/approve").with(csrf())
			.with(user(countyAdmin))
			.param("entry", second + ":" + submitted.entry(second).version())
			.param("opinion", opinion + "意"))
			.andExpect(redirectedUrl("/admin/queue"))
			.andExpect(flash().attribute("flashError", "意见不能超过500个字"));
		assertThat(submitted.entry(second).pendingOrganisationId()).isEqualTo(county.id());
	}

	static final List<JudgementAnswer> SONG_JUDGEMENTS = List.of(
			new JudgementAnswer(JudgementKind.ORIGINALITY, true, null),
			new JudgementAnswer(JudgementKind.PROFESSIONAL_AUTHORSHIP, true, null),
			new JudgementAnswer(JudgementKind.NOT_PREVIOUSLY_AWARDED, true, null),
			new JudgementAnswer(JudgementKind.CREATED_WITHIN_TWO_YEARS, true, null),
			new JudgementAnswer(JudgementKind.AUDIO_CLARITY, true, null));

	private void recommendAtCity(long id) {
		approvals.approve(cityAdmin, id, submitted.entry(id).version(), "同意推荐",
				List.of(new JudgementAnswer(JudgementKind.ACCOUNT_CONDUCT, true, null)));
	}

	private int quotaUsed() {
		return jdbc.sql("select coalesce(max(used), 0) from recommendation_quota where organisation_id = ?")
			.param(city.id())
			.query(Integer.class)
			.single();
	}

	private String page(SignedInUser viewer, String url) throws Exception {
		return mvc.perform(get(url).with(user(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
