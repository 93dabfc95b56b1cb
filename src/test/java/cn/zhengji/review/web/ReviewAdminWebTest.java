package cn.zhengji.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.campaign.RubricCriterion;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.review.ReviewPools;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12 items 2 and 3 through the pages and the database: the review overview of a
 * campaign (rubric and rounds per category), editing a rubric and a round (audited,
 * marked as the admin's, refused with a Chinese message when invalid or once experts are
 * assigned), and a round's assignment page (自动分配 with its result, removing and adding a
 * pair, the load per expert). The campaign is a fresh copy of fujian-2024, hosted by
 * 福建省总工会, administered by that union's admin; a city's admin, an expert and a participant
 * get 404 everywhere.
 */
@AccountTestContext
class ReviewAdminWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	ReviewPools pools;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestEntries entries;

	@Autowired
	JdbcClient jdbc;

	Organisation province;

	SignedInUser provinceAdmin;

	String code;

	Campaign campaign;

	Category song;

	ReviewRound first;

	@BeforeEach
	void aCopiedCampaign() {
		province = organisations.byCode("fj");
		provinceAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		code = "radmin-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "评审管理测试活动", 2020);
		campaign = campaigns.getByCode(code);
		song = campaigns.category(campaign, "song").orElseThrow();
		first = campaigns.reviewRounds(song.id()).getFirst();
	}

	@Test
	void theCampaignPageLinksToTheOverviewWhichShowsEachCategorysRubricAndRounds() throws Exception {
		assertThat(page("/admin/campaigns/" + code)).contains("href=\"/admin/campaigns/" + code + "/review\"");

		String overview = page(base());
		Category application = campaigns.category(campaign, "application-system").orElseThrow();
		assertThat(overview).contains("网络正能量歌曲征集", "思想性", "需求与方案", "产品设计", "界面设计", "运营推广", "满分 100 分", "主办单位审核通过的作品",
				"上一轮前 30%", "2020-09-01 至 2020-09-15");
		assertThat(overview).contains("href=\"" + base() + "/rounds/" + first.id() + "/pool\"",
				"href=\"" + base() + "/rounds/" + first.id() + "/assignment\"",
				"href=\"" + base() + "/categories/application-system/rubric\"");
		assertThat(campaigns.rubric(application.id()).orElseThrow().criteria()).extracting(RubricCriterion::name)
			.containsExactly("需求与方案", "产品设计", "界面设计", "运营推广");
		assertThat(page(base() + "/categories/song/rubric")).contains("value=\"思想性\"");
		assertThat(page(base() + "/categories/song/rounds/first")).contains("value=\"初评\"");
		assertThat(page(base() + "/rounds/" + first.id() + "/pool")).contains("邀请新专家");
		assertThat(page(base() + "/rounds/" + first.id() + "/assignment")).contains("自动分配");
	}

	@Test
	void aCityAdminAnExpertAndAParticipantGetNotFoundOnEveryReviewPage() throws Exception {
		Organisation city = organisations.byCode("fj-fuzhou");
		List<SignedInUser> outsiders = List.of(accounts.signedIn(accounts.admin(city).create()).withPasswordChanged(),
				accounts.signedIn(accounts.staff(Role.EXPERT, city).create()).withPasswordChanged(),
				accounts.signedIn(accounts.participant(city).withMobile().create()));
		for (SignedInUser outsider : outsiders) {
			for (String path : List.of(base(), base() + "/categories/song/rubric",
					base() + "/categories/song/rounds/first", base() + "/categories/song/rounds/new",
					base() + "/rounds/" + first.id() + "/pool", base() + "/rounds/" + first.id() + "/assignment")) {
				mvc.perform(get(path).with(user(outsider))).andExpect(status().isNotFound());
			}
			mvc.perform(post(base() + "/categories/song/rubric").with(user(outsider))
				.with(csrf())
				.param("version", "0")
				.param("criteria[0].name", "新指标")
				.param("criteria[0].maxPoints", "100")).andExpect(status().isNotFound());
			mvc.perform(post(base() + "/rounds/" + first.id() + "/assignment").with(user(outsider)).with(csrf()))
				.andExpect(status().isNotFound());
		}
		assertThat(campaigns.rubric(song.id()).orElseThrow().criteria()).hasSize(4);
		assertThat(campaigns.findCategory(song.id()).orElseThrow().rubricChangedByAdmin()).isFalse();
	}

	@Test
	void theAdminReplacesTheRubricItIsAuditedAndMarkedAndAnInvalidOneIsRefusedInChinese() throws Exception {
		List<RubricCriterion> before = campaigns.rubric(song.id()).orElseThrow().criteria();
		String invalid = mvc
			.perform(post(base() + "/categories/song/rubric").with(user(provinceAdmin))
				.with(csrf())
				.param("version", "0")
				.param("criteria[0].code", before.get(0).code())
				.param("criteria[0].name", "思想性")
				.param("criteria[0].maxPoints", "0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(invalid).contains("评分指标“思想性”的满分须为 1 至 1000 的整数");
		String empty = mvc
			.perform(post(base() + "/categories/song/rubric").with(user(provinceAdmin))
				.with(csrf())
				.param("version", "0")
				.param("criteria[0].name", "")
				.param("criteria[0].maxPoints", ""))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(empty).contains("评分细则至少需要一项评分指标");
		assertThat(campaigns.rubric(song.id()).orElseThrow().criteria()).isEqualTo(before);

		mvc.perform(post(base() + "/categories/song/rubric").with(user(provinceAdmin))
			.with(csrf())
			.param("version", "0")
			.param("criteria[0].code", before.get(1).code())
			.param("criteria[0].name", "艺术性")
			.param("criteria[0].maxPoints", "40")
			.param("criteria[0].guidance", "制作精良")
			.param("criteria[1].code", before.get(0).code())
			.param("criteria[1].name", "思想性")
			.param("criteria[1].maxPoints", "40")
			.param("criteria[2].code", "")
			.param("criteria[2].name", "传播力")
			.param("criteria[2].maxPoints", "20")
			.param("criteria[3].name", "")
			.param("criteria[3].maxPoints", ""))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(base()))
			.andExpect(flash().attribute("flashSuccess", "评分细则已保存。"));

		List<RubricCriterion> after = campaigns.rubric(song.id()).orElseThrow().criteria();
		assertThat(after).extracting(RubricCriterion::name).containsExactly("艺术性", "思想性", "传播力");
		assertThat(after).extracting(RubricCriterion::maxPoints).containsExactly(40, 40, 20);
		assertThat(after.get(0).id()).as("kept by code").isEqualTo(before.get(1).id());
		assertThat(after.get(2).code()).isEqualTo("c1");
		Category changed = campaigns.findCategory(song.id()).orElseThrow();
		assertThat(changed.rubricChangedByAdmin()).isTrue();
		assertThat(changed.rubricVersion()).isEqualTo(1);
		assertThat(audits("campaign_category", song.id(), "%评分细则修改（满分 100）")).isEqualTo(1);

		// A form based on the old version is stale.
		mvc.perform(post(base() + "/categories/song/rubric").with(user(provinceAdmin))
			.with(csrf())
			.param("version", "0")
			.param("criteria[0].name", "思想性")
			.param("criteria[0].maxPoints", "100")).andExpect(status().isConflict());
	}

	@Test
	void theAdminChangesAndAddsRoundsAuditedAndMarkedAndInvalidValuesAreRefusedInChinese() throws Exception {
		ReviewRound second = campaigns.reviewRounds(song.id()).get(1);
		assertThat(refusedRound("first", "初评", "APPROVED_BY_HOST", null, "20", first.startsOn(), first.endsOn()))
			.contains("每件作品的评审专家数须为 1 至 15");
		assertThat(refusedRound("first", "初评", "TOP_N", "10", "3", first.startsOn(), first.endsOn()))
			.contains("第一轮评审的作品只能是主办单位审核通过的作品");
		assertThat(refusedRound("first", "初评", "APPROVED_BY_HOST", null, "3", first.startsOn(),
				first.startsOn().minusDays(1)))
			.contains("结束日期不能早于开始日期");
		assertThat(refusedRound("first", "初评", "APPROVED_BY_HOST", null, "3", first.startsOn(), second.startsOn()))
			.contains("须在下一轮“复评”开始（" + second.startsOn() + "）之前结束");
		assertThat(refusedRound("second", "复评", "TOP_SHARE", "120", "5", second.startsOn(), second.endsOn()))
			.contains("“前百分之 N”须填写 1 至 100 的百分比");
		assertThat(campaigns.reviewRounds(song.id())).containsExactly(first, second);

		mvc.perform(round("first", "初评（网络）", "APPROVED_BY_HOST", null, "5", first.startsOn(), first.endsOn(), 0))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(base()))
			.andExpect(flash().attribute("flashSuccess", "评审轮次已保存。"));
		ReviewRound changed = campaigns.reviewRound(first.id()).orElseThrow();
		assertThat(changed.name()).isEqualTo("初评（网络）");
		assertThat(changed.expertsPerWork()).isEqualTo(5);
		Category category = campaigns.findCategory(song.id()).orElseThrow();
		assertThat(category.reviewRoundsChangedByAdmin()).isTrue();
		assertThat(category.reviewRoundsVersion()).isEqualTo(1);
		assertThat(audits("review_round", first.id(), "%评审轮次「初评（网络）」修改")).isEqualTo(1);

		// A third round, after the second, within the REVIEW phase.
		mvc.perform(post(base() + "/categories/song/rounds/new").with(user(provinceAdmin))
			.with(csrf())
			.param("code", "")
			.param("name", "终评")
			.param("entryRule", "TOP_N")
			.param("entryNumber", "10")
			.param("expertsPerWork", "7")
			.param("startsOn", second.endsOn().plusDays(1).toString())
			.param("endsOn", second.endsOn().plusDays(1).toString())
			.param("version", "1")).andExpect(status().isFound());
		ReviewRound third = campaigns.reviewRounds(song.id()).get(2);
		assertThat(third.code()).isEqualTo("round-3");
		assertThat(third.order()).isEqualTo(3);
		assertThat(third.entryNumber()).isEqualTo(10);
		assertThat(audits("review_round", third.id(), "%新增评审轮次「终评」")).isEqualTo(1);
	}

	@Test
	void theAssignmentPageRunsTheAssignmentShowsShortfallsAndLoadsAndFixesRubricAndRound() throws Exception {
		Organisation cityA = organisations.create(province, "分配页甲市总工会", OrganisationKind.CITY);
		Organisation cityB = organisations.create(province, "分配页乙市总工会", OrganisationKind.CITY);
		long work = approved(cityA, "甲市作品");
		long expertB1 = expert(cityB, "乙一专家");
		long expertB2 = expert(cityB, "乙二专家");
		long expertA = expert(cityA, "甲市专家");

		String result = mvc
			.perform(post(base() + "/rounds/" + first.id() + "/assignment").with(user(provinceAdmin)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// K = 3, but the city A expert is on the work's chain: two experts only.
		assertThat(result).contains("共 1 件作品、2 个分配，1 件作品专家不足",
				"作品 " + work + "：只分配到 2 位专家。可评审此作品的专家只有 2 位（另有 1 位与报送单位在同一组织链上，0 位声明回避，0 位被管理员移除），少于每件 3 位");
		assertThat(result).contains("专家不足（2/3）", "乙一专家", "乙二专家");
		assertThat(pairs()).containsExactlyInAnyOrder(List.of(work, expertB1), List.of(work, expertB2));
		assertThat(result).containsPattern("id=\"load-" + expertA + "\">\\s*<td>甲市专家</td>\\s*<td[^>]*>0 件</td>");

		mvc.perform(post(base() + "/rounds/" + first.id() + "/assignment/pairs/remove").with(user(provinceAdmin))
			.with(csrf())
			.param("entryId", Long.toString(work))
			.param("expertId", Long.toString(expertB1)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "已取消该专家对该作品的评审。"));
		assertThat(pairs()).containsExactly(List.of(work, expertB2));
		mvc.perform(post(base() + "/rounds/" + first.id() + "/assignment/pairs").with(user(provinceAdmin))
			.with(csrf())
			.param("entryId", Long.toString(work))
			.param("expertId", Long.toString(expertA)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashError", "该专家所在单位与作品报送单位在同一组织链上，不能评审此作品"));
		mvc.perform(post(base() + "/rounds/" + first.id() + "/assignment/pairs").with(user(provinceAdmin))
			.with(csrf())
			.param("entryId", Long.toString(work))
			.param("expertId", Long.toString(expertB1))).andExpect(flash().attribute("flashSuccess", "已指定专家评审该作品。"));
		assertThat(page(base() + "/rounds/" + first.id() + "/assignment"))
			.containsPattern("id=\"load-" + expertB1 + "\">\\s*<td>乙一专家</td>\\s*<td[^>]*>1 件</td>");

		// Experts are assigned: the round and the category's rubric are fixed now.
		String rubric = mvc
			.perform(post(base() + "/categories/song/rubric").with(user(provinceAdmin))
				.with(csrf())
				.param("version", "0")
				.param("criteria[0].name", "思想性")
				.param("criteria[0].maxPoints", "100"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rubric).contains("“初评”已分配专家（2 对），评分细则不能再修改");
		assertThat(refusedRound("first", "初评", "APPROVED_BY_HOST", null, "5", first.startsOn(), first.endsOn()))
			.contains("“初评”已分配专家（2 对），不能再修改");
		assertThat(campaigns.reviewRound(first.id()).orElseThrow()).isEqualTo(first);
		assertThat(campaigns.rubric(song.id()).orElseThrow().criteria()).hasSize(4);
	}

	private long approved(Organisation unit, String title) {
		long id = entries.draft(campaign, song.id(), unit, null, provinceAdmin.accountId(), title);
		entries.approvedBy(id, province);
		return id;
	}

	private long expert(Organisation unit, String name) {
		long id = accounts.staff(Role.EXPERT, unit).displayName(name).create().id();
		pools.add(provinceAdmin, first.id(), id);
		return id;
	}

	private List<List<Long>> pairs() {
		return jdbc.sql("select entry_id, expert_id from review_assignment where round_id = ?")
			.param(first.id())
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	private String refusedRound(String roundCode, String name, String rule, String number, String k, LocalDate starts,
			LocalDate ends) throws Exception {
		return mvc.perform(round(roundCode, name, rule, number, k, starts, ends, 0))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private org.springframework.test.web.servlet.RequestBuilder round(String roundCode, String name, String rule,
			String number, String k, LocalDate starts, LocalDate ends, int version) {
		return post(base() + "/categories/song/rounds/" + roundCode).with(user(provinceAdmin))
			.with(csrf())
			.param("name", name)
			.param("entryRule", rule)
			.param("entryNumber", number == null ? "" : number)
			.param("expertsPerWork", k)
			.param("startsOn", starts.toString())
			.param("endsOn", ends.toString())
			.param("version", Integer.toString(version));
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(user(provinceAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String base() {
		return "/admin/campaigns/" + code + "/review";
	}

	private long audits(String targetType, long targetId, String summaryPattern) {
		return jdbc.sql("""
				select count(*) from audit_event
				where target_type = ? and target_id = ? and action in ('CREATED', 'UPDATED') and summary like ?
				""").params(targetType, Long.toString(targetId), summaryPattern).query(Long.class).single();
	}

}
