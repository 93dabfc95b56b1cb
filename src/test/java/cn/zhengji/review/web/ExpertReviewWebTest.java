package cn.zhengji.review.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.RubricCriterion;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.review.ReviewAssignments;
import cn.zhengji.review.ReviewPools;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestAccounts.TestAccount;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
 * Issue 12 item 5: the expert's pages with the real security configuration — the
 * application-system category of a fresh copy of fujian-2024 (first round, its days
 * around today), one work approved by the host whose submitter has a distinctive name,
 * unit, mobile and file name, and three experts of another city.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class ExpertReviewWebTest {

	static final String SUBMITTER = "欧阳奇峰" + UUID.randomUUID().toString().substring(0, 4);

	static final String FILE_NAME = "欧阳奇峰-投稿原件-蓝鲸.mp4";

	@Autowired
	MockMvc mvc;

	@Autowired
	ReviewPools pools;

	@Autowired
	ReviewAssignments assignments;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	JdbcClient jdbc;

	SignedInUser hostAdmin;

	SignedInUser expert;

	SignedInUser otherExpert;

	SignedInUser submitter;

	TestAccount submitterAccount;

	Organisation unit;

	long roundId;

	long work;

	List<RubricCriterion> rubric;

	@BeforeEach
	void round() {
		Organisation province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		String code = "expert-pages-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "专家页面测试活动", 2020);
		Campaign campaign = campaigns.getByCode(code);
		Category category = campaigns.category(campaign, "application-system").orElseThrow();
		roundId = campaigns.reviewRounds(category.id()).getFirst().id();
		jdbc.sql("update review_round set starts_on = current_date - 3, ends_on = current_date + 10, "
				+ "experts_per_work = 1 where id = ?")
			.param(roundId)
			.update();
		rubric = campaigns.rubric(category.id()).orElseThrow().criteria();

		Organisation city = organisations.create(province, "专家页面甲市总工会", OrganisationKind.CITY);
		unit = organisations.create(city, "蓝鲸奇峰科技有限公司工会" + UUID.randomUUID().toString().substring(0, 4),
				OrganisationKind.GRASSROOTS);
		submitterAccount = accounts.participant(unit).displayName(SUBMITTER).participantKind("WORKER").create();
		submitter = accounts.signedIn(submitterAccount);
		work = entries.draft(campaign, category.id(), unit, submitterAccount.id(), submitterAccount.id(), "智慧工会服务平台");
		jdbc.sql("update entry set texts = cast(? as jsonb) where id = ?")
			.params("{\"introduction#需求与方案\": \"面向职工的线上服务系统\"}", work)
			.update();
		// A stored file (its bytes are not needed: the blind copy the assignment requests
		// fails, and the page says so) under the distinctive name no page may show.
		UUID fileId = UUID.randomUUID();
		jdbc.sql("""
				insert into stored_file (id, owner_account_id, organisation_path, file_name, storage_key, upload_length,
				    upload_offset, sha256, created_at, expires_at, completed_at)
				values (?, ?, '/1/', ?, ?, 1024, 1024, ?, now(), now() + interval '1 day', now())
				""").params(fileId, submitterAccount.id(), FILE_NAME, fileId.toString(), "0".repeat(64)).update();
		jdbc.sql(
				"""
						insert into entry_attachment (entry_id, slot_key, file_id, file_name, size, sha256, detected_kind,
						    content_type, inspection, blocking, attached_by, attached_at)
						values (?, 'presentation', ?, ?, 1024, ?, 'MP4', 'video/mp4', cast('{"findings": []}' as jsonb), false, ?, now())
						""")
			.params(work, fileId, FILE_NAME, "0".repeat(64), submitterAccount.id())
			.update();
		entries.approvedBy(work, province);

		Organisation cityB = organisations.create(province, "专家页面乙市总工会", OrganisationKind.CITY);
		List<SignedInUser> experts = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			TestAccount account = accounts.staff(Role.EXPERT, cityB).create();
			pools.add(hostAdmin, roundId, account.id());
			experts.add(accounts.signedIn(account).withPasswordChanged());
		}
		assignments.assign(hostAdmin, roundId);
		long assigned = assignments.expertsByWork(hostAdmin, roundId).get(work).getFirst();
		expert = experts.stream().filter((e) -> e.accountId() == assigned).findFirst().orElseThrow();
		otherExpert = experts.stream().filter((e) -> e.accountId() != assigned).findFirst().orElseThrow();
	}

	@Test
	void theExpertWalksFromItsRoundsToTheWorkAndItsRubric() throws Exception {
		mvc.perform(get("/expert/reviews").with(user(expert)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"round-" + roundId + "\"")))
			.andExpect(content().string(containsString("已评完 0 / 1 件")));
		mvc.perform(get("/expert/reviews/{r}", roundId).with(user(expert)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("智慧工会服务平台")))
			.andExpect(content().string(containsString("第 1 件")))
			.andExpect(content().string(containsString("id=\"submit-round\"")))
			.andExpect(content().string(containsString("还有 1 件作品未评完")));
		RubricCriterion first = rubric.getFirst();
		mvc.perform(get("/expert/reviews/{r}/works/{e}", roundId, work).with(user(expert)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("面向职工的线上服务系统")))
			.andExpect(content().string(containsString("id=\"points-" + first.id() + "\"")))
			.andExpect(content().string(containsString("inputmode=\"decimal\"")))
			.andExpect(content().string(containsString("hx-trigger=\"input changed delay:600ms, change\"")))
			.andExpect(content().string(containsString(first.name())))
			.andExpect(content().string(containsString("满分 " + first.maxPoints() + " 分")))
			.andExpect(content().string(containsString("id=\"score-total\"")))
			.andExpect(content().string(containsString("id=\"comment\"")))
			.andExpect(content().string(containsString("id=\"declare-conflict\"")));
	}

	@Test
	void savingAsOneTypesAnswersTheStatusTheValueSeenAndTheTotalAndRefusesAStaleTab() throws Exception {
		long criterion = rubric.getFirst().id();
		String field = "points-" + criterion;

		mvc.perform(pointsSave(criterion, "8.5", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"status-" + field + "\"")))
			.andExpect(content().string(containsString(">已保存<")))
			.andExpect(content().string(containsString("id=\"" + field + "-previous\"")))
			.andExpect(content().string(containsString("value=\"8.5\"")))
			.andExpect(content().string(containsString("id=\"score-total\" hx-swap-oob=\"true\">8.5<")));
		mvc.perform(pointsSave(criterion, "7", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此项已在其他页面保存为 8.5，您输入的 7 未保存")))
			.andExpect(content().string(containsString("value=\"8.5\"")));
		mvc.perform(pointsSave(criterion, "-1", "8.5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("分数不能为负数")))
			.andExpect(content().string(not(containsString("hx-swap-oob"))));
		mvc.perform(pointsSave(criterion, "1000", "8.5"))
			.andExpect(content().string(containsString("此项最高 " + rubric.getFirst().maxPoints() + " 分")));
		assertThat(stored(criterion)).isEqualTo("8.50");
	}

	@Test
	void withoutJavaScriptOneSubmitSavesEveryFieldAndABadValueKeepsTheOthers() throws Exception {
		MockHttpServletRequestBuilder form = post("/expert/reviews/{r}/works/{e}", roundId, work).with(user(expert))
			.with(csrf())
			.param("comment", "功能完整");
		for (RubricCriterion criterion : rubric) {
			form.param("points-" + criterion.id(), criterion == rubric.getFirst() ? "abc" : "5")
				.param("points-" + criterion.id() + "-previous", "");
		}
		mvc.perform(form)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入 0 至 " + rubric.getFirst().maxPoints() + " 之间的数字")))
			.andExpect(content().string(containsString("value=\"abc\"")));
		assertThat(stored(rubric.getLast().id())).isEqualTo("5.00");
		assertThat(stored(rubric.getFirst().id())).isNull();

		MockHttpServletRequestBuilder fixed = post("/expert/reviews/{r}/works/{e}", roundId, work).with(user(expert))
			.with(csrf())
			.param("comment", "功能完整")
			.param("commentPrevious", "功能完整");
		for (RubricCriterion criterion : rubric) {
			fixed.param("points-" + criterion.id(), "5")
				.param("points-" + criterion.id() + "-previous", criterion == rubric.getFirst() ? "" : "5");
		}
		mvc.perform(fixed)
			.andExpect(redirectedUrl("/expert/reviews/" + roundId + "/works/" + work))
			.andExpect(flash().attribute("flashSuccess", "评分已保存。"));

		mvc.perform(post("/expert/reviews/{r}/submit", roundId).with(user(expert)).with(csrf()))
			.andExpect(redirectedUrl("/expert/reviews/" + roundId))
			.andExpect(flash().attribute("flashSuccess", "已交卷，感谢您的评审。"));
		mvc.perform(get("/expert/reviews/{r}/works/{e}", roundId, work).with(user(expert)))
			.andExpect(content().string(containsString("您已交卷，评分不能再修改")))
			.andExpect(content().string(not(containsString("id=\"save-sheet\""))));
	}

	@Test
	void handingInTooEarlySaysWhatIsMissing() throws Exception {
		mvc.perform(post("/expert/reviews/{r}/submit", roundId).with(user(expert)).with(csrf()))
			.andExpect(redirectedUrl("/expert/reviews/" + roundId))
			.andExpect(flash().attribute("flashError", "还有 1 件作品未评完：第 1 件《智慧工会服务平台》"));
	}

	@Test
	void aDeclaredConflictTakesTheWorkAway() throws Exception {
		mvc.perform(get("/expert/reviews/{r}/works/{e}/conflict", roundId, work).with(user(expert)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"confirm-conflict\"")));
		mvc.perform(post("/expert/reviews/{r}/works/{e}/conflict", roundId, work).with(user(expert))
			.with(csrf())
			.param("reason", "x".repeat(501)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("回避理由不能超过 500 个字")));
		mvc.perform(post("/expert/reviews/{r}/works/{e}/conflict", roundId, work).with(user(expert))
			.with(csrf())
			.param("reason", "作者是我的同事")).andExpect(redirectedUrl("/expert/reviews/" + roundId));
		mvc.perform(get("/expert/reviews/{r}/works/{e}", roundId, work).with(user(expert)))
			.andExpect(status().isNotFound());
	}

	@Test
	void everyoneButTheAssignedExpertGetsA404() throws Exception {
		for (SignedInUser stranger : List.of(otherExpert, submitter, hostAdmin)) {
			for (String url : List.of("/expert/reviews/" + roundId, "/expert/reviews/" + roundId + "/works/" + work,
					"/expert/reviews/" + roundId + "/works/" + work + "/conflict")) {
				mvc.perform(get(url).with(user(stranger))).andExpect(status().isNotFound());
			}
			mvc.perform(post("/expert/reviews/{r}/works/{e}/points/{c}", roundId, work, rubric.getFirst().id())
				.with(user(stranger))
				.with(csrf())
				.param("points-" + rubric.getFirst().id(), "1")).andExpect(status().isNotFound());
			mvc.perform(post("/expert/reviews/{r}/submit", roundId).with(user(stranger)).with(csrf()))
				.andExpect(status().isNotFound());
		}
		assertThat(stored(rubric.getFirst().id())).isNull();
	}

	@Test
	void noPageOfTheExpertNamesWhoSentTheWork() throws Exception {
		String mobile = submitterAccount.mobile();
		String masked = jdbc.sql("select mobile_masked from account where id = ?")
			.param(submitterAccount.id())
			.query(String.class)
			.single();
		List<String> secrets = List.of(SUBMITTER, unit.name(), mobile, masked, FILE_NAME, "欧阳奇峰", "蓝鲸");
		List<String> pages = new ArrayList<>();
		for (String url : List.of("/expert/reviews", "/expert/reviews/" + roundId,
				"/expert/reviews/" + roundId + "/works/" + work,
				"/expert/reviews/" + roundId + "/works/" + work + "/conflict", "/workbench")) {
			pages.add(mvc.perform(get(url).with(user(expert)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		}
		pages.add(mvc.perform(pointsSave(rubric.getFirst().id(), "3", ""))
			.andReturn()
			.getResponse()
			.getContentAsString());
		pages.add(mvc.perform(post("/expert/reviews/{r}/works/{e}/comment", roundId, work).with(user(expert))
			.with(csrf())
			.param("comment", "好")
			.param("commentPrevious", "")).andReturn().getResponse().getContentAsString());
		assertThat(pages).hasSize(7).allSatisfy((page) -> assertThat(page).doesNotContain(secrets));
		// The work and its file are there, only not who sent them.
		assertThat(pages.get(2)).contains("智慧工会服务平台", "id=\"file-");
	}

	private MockHttpServletRequestBuilder pointsSave(long criterion, String typed, String previous) {
		return post("/expert/reviews/{r}/works/{e}/points/{c}", roundId, work, criterion).with(user(expert))
			.with(csrf())
			.header("HX-Request", "true")
			.param("points-" + criterion, typed)
			.param("points-" + criterion + "-previous", previous);
	}

	private String stored(long criterion) {
		return jdbc.sql("""
				select c.points::text from review_score c join review_sheet s on s.id = c.sheet_id
				where s.round_id = ? and s.entry_id = ? and s.expert_id = ? and c.criterion_id = ?
				""").params(roundId, work, expert.accountId(), criterion).query(String.class).optional().orElse(null);
	}

}
