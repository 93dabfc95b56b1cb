package cn.zhengji.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import cn.zhengji.account.MutableClock;
import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.campaign.RubricCriterion;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.review.ReviewProgress.ExpertLine;
import cn.zhengji.review.ReviewProgress.Figures;
import cn.zhengji.review.ReviewProgress.RoundProgress;
import cn.zhengji.support.QueryCounter;
import cn.zhengji.support.Spreadsheets;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestAccounts.TestAccount;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12 items 6 and 8 on the real database: the first round (初评) of the song category
 * of a fresh copy of fujian-2024 (rubric 思想性 30, 艺术性 30, 创新性 20, 传播力 20), three works the
 * host approved, and four experts of the pool with pairs and sheets written as the
 * scoring pages would:
 *
 * <pre>
 *          work 1        work 2                 work 3
 * e1       complete      one criterion only     —            mobile, never chose (texted)
 * e2       complete      complete               empty sheet  no mobile
 * e3       —             —                      complete     handed in (交卷)
 * e4       (in the pool, no work)                            mobile, texts switched off
 * </pre>
 */
@AccountTestContext
class ReviewProgressIntegrationTest {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	ReviewProgress progress;

	@Autowired
	ReviewReminders reminders;

	@Autowired
	ReviewPools pools;

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

	@Autowired
	MutableClock clock;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	MockMvc mvc;

	@Autowired
	QueryCounter queries;

	SignedInUser hostAdmin;

	SignedInUser cityAdmin;

	Campaign campaign;

	Category song;

	ReviewRound round;

	List<RubricCriterion> criteria;

	Organisation province;

	Organisation city;

	long work1;

	long work2;

	long work3;

	TestAccount e1;

	TestAccount e2;

	TestAccount e3;

	TestAccount e4;

	/** When e1 last changed its sheet of work 1: 2020-09-10 10:15 in Beijing. */
	static final Instant E1_W1 = Instant.parse("2020-09-10T02:15:00Z");

	@BeforeEach
	void round() {
		province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		String code = "progress-" + UUID.randomUUID().toString().substring(0, 8);
		campaign = administration.copy(accounts.platformAdmin(), "fujian-2024", code, "评审进度测试活动", 2020);
		song = campaigns.category(campaign, "song").orElseThrow();
		round = campaigns.reviewRounds(song.id()).getFirst();
		criteria = campaigns.rubric(song.id()).orElseThrow().criteria();
		assertThat(criteria).extracting(RubricCriterion::maxPoints).containsExactly(30, 30, 20, 20);

		city = organisations.create(province, "进度测试市总工会", OrganisationKind.CITY);
		cityAdmin = accounts.signedIn(accounts.admin(city).create()).withPasswordChanged();
		work1 = approved("进度作品一", city);
		work2 = approved("进度作品二", city);
		work3 = approved("进度作品三", city);
		e1 = accounts.staff(Role.EXPERT, province).displayName("专家甲").withMobile().create();
		e2 = accounts.staff(Role.EXPERT, province).displayName("专家乙").create();
		e3 = accounts.staff(Role.EXPERT, province).displayName("专家丙").withMobile().create();
		e4 = accounts.staff(Role.EXPERT, province).displayName("专家丁").withMobile().create();
		for (TestAccount expert : List.of(e1, e2, e3, e4)) {
			pools.add(hostAdmin, round.id(), expert.id());
		}
		jdbc.sql("""
				insert into notice_preference (account_id, sms, updated_at)
				values (?, true, now()), (?, false, now())
				""").params(e2.id(), e4.id()).update();

		sheet(e1, work1, E1_W1, "立意鲜明", 25, 26, 15, 18);
		sheet(e1, work2, Instant.parse("2020-09-10T03:00:00Z"), null, 20);
		sheet(e2, work1, Instant.parse("2020-09-09T01:00:00Z"), null, 30, 30, 20, 20);
		sheet(e2, work2, Instant.parse("2020-09-09T01:30:00Z"), "节奏感强", 10, 11.5, 12, 9);
		sheet(e2, work3, Instant.parse("2020-09-09T02:00:00Z"), null);
		sheet(e3, work3, Instant.parse("2020-09-08T08:00:00Z"), null, 1, 2, 3, 4);
		jdbc.sql("insert into review_expert_submission (round_id, expert_id, submitted_at) values (?, ?, ?)")
			.params(round.id(), e3.id(), Instant.parse("2020-09-08T09:00:00Z").atOffset(ZoneOffset.UTC))
			.update();
		// Three days before the last day in Beijing, still the day before in UTC.
		clock.set(round.endsOn().minusDays(3).atTime(0, 30).atZone(BEIJING).toInstant());
	}

	@AfterEach
	void restoreClock() {
		clock.useSystemTime();
	}

	private long approved(String title, Organisation unit) {
		long id = entries.draft(campaign, song.id(), unit, null, hostAdmin.accountId(), title);
		entries.approvedBy(id, province);
		return id;
	}

	/** The pair, and its sheet with points for the first criteria in rubric order. */
	private void sheet(TestAccount expert, long work, Instant at, String comment, double... points) {
		jdbc.sql("""
				insert into review_assignment (round_id, entry_id, expert_id, origin, created_at)
				values (?, ?, ?, 'MANUAL', now())
				""").params(round.id(), work, expert.id()).update();
		long sheet = jdbc.sql("""
				insert into review_sheet (round_id, entry_id, expert_id, comment, updated_at) values (?, ?, ?, ?, ?)
				returning id
				""")
			.params(round.id(), work, expert.id(), comment, at.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		for (int i = 0; i < points.length; i++) {
			jdbc.sql("insert into review_score (sheet_id, criterion_id, points) values (?, ?, ?)")
				.params(sheet, criteria.get(i).id(), BigDecimal.valueOf(points[i]))
				.update();
		}
	}

	@Test
	void countsWorksPairsSheetsAndExpertsOfTheRoundExactly() {
		RoundProgress shown = progress.round(hostAdmin, round.id());

		assertThat(shown.criteria()).isEqualTo(4);
		assertThat(shown.figures()).isEqualTo(new Figures(3, 3, 6, 4, 1, 1, 4, 1));
		assertThat(shown.figures().notStarted()).isEqualTo(1);
		assertThat(shown.figures().percent()).isEqualTo(66);
		assertThat(shown.schedule().daysLeft()).isEqualTo(3);
		assertThat(shown.schedule().timing()).isEqualTo(ReviewProgress.Timing.OPEN);
		assertThat(shown.experts())
			.extracting(ExpertLine::name, ExpertLine::assigned, ExpertLine::complete, ExpertLine::partly,
					ExpertLine::notStarted, ExpertLine::submitted, ExpertLine::lastActivity)
			.containsExactly(tuple("专家甲", 2, 1, 1, 0, false, Instant.parse("2020-09-10T03:00:00Z")),
					tuple("专家乙", 3, 2, 0, 1, false, Instant.parse("2020-09-09T02:00:00Z")),
					tuple("专家丙", 1, 1, 0, 0, true, Instant.parse("2020-09-08T09:00:00Z")),
					tuple("专家丁", 0, 0, 0, 0, false, null));
		// 专家丁 has nothing to do, 专家丙 handed in.
		assertThat(shown.laggards()).extracting(ExpertLine::name).containsExactly("专家甲", "专家乙");

		ReviewProgress.CampaignProgress overview = progress.campaign(hostAdmin, campaign.code());
		ReviewProgress.RoundLine first = overview.rounds()
			.stream()
			.filter((line) -> line.round().id() == round.id())
			.findFirst()
			.orElseThrow();
		assertThat(first.figures()).isEqualTo(shown.figures());
		ReviewProgress.RoundLine second = overview.rounds()
			.stream()
			.filter((line) -> line.category().id() == song.id() && line.round().order() == 2)
			.findFirst()
			.orElseThrow();
		// The second round takes its works from the first's results: not known yet.
		assertThat(second.figures()).isEqualTo(new Figures(null, 0, 0, 0, 0, 0, 0, 0));
	}

	@Test
	void remindsTheLaggardsOnceADayWithNoticesTextsForThoseWithANoticeMobileAndOneAuditEvent() {
		ReviewReminders.Outcome outcome = reminders.remind(hostAdmin, round.id(), List.of(e1.id(), e2.id(), e4.id()));

		assertThat(outcome.reminded()).containsExactly("专家甲", "专家乙");
		assertThat(outcome.alreadyToday()).isEmpty();
		assertThat(outcome.notReminded()).containsExactly("专家丁");
		String day = round.endsOn().getMonthValue() + "月" + round.endsOn().getDayOfMonth() + "日";
		assertThat(notices(e1)).containsExactly("评审提醒：初评还有 1 件作品未完成评分|“评审进度测试活动”（" + song.name()
				+ "，初评）：您还有 1 件作品未完成评分（共 2 件），请尽快完成并交卷。本轮评审将于 " + day + " 结束，还剩 3 天。|/expert/reviews/" + round.id());
		assertThat(notices(e2)).containsExactly("评审提醒：初评还有 1 件作品未完成评分|“评审进度测试活动”（" + song.name()
				+ "，初评）：您还有 1 件作品未完成评分（共 3 件），请尽快完成并交卷。本轮评审将于 " + day + " 结束，还剩 3 天。|/expert/reviews/" + round.id());
		assertThat(notices(e3)).isEmpty();
		assertThat(notices(e4)).isEmpty();
		// A text to each reminded expert with a mobile who did not switch texts off
		// (专家甲 never chose); 专家乙 wants texts but has no number.
		assertThat(sms.sentTo(e1.mobile())).extracting(RecordingSmsGateway.Sent::text)
			.containsExactly("【职工网络正能量作品申报平台】评审提醒：初评还有 1 件作品未完成评分，详情请登录平台查看。");
		assertThat(sms.sentTo(e4.mobile())).isEmpty();
		assertThat(reminderRows()).isEqualTo(2);
		assertThat(auditSummaries()).containsExactly("评审催办（" + song.name() + " 初评）：提醒 2 位专家，0 位今日已提醒");

		// The same day again: the constraint keeps both out; nothing is sent or audited.
		ReviewReminders.Outcome again = reminders.remind(hostAdmin, round.id(), List.of(e2.id(), e1.id(), e3.id()));
		assertThat(again.reminded()).isEmpty();
		assertThat(again.alreadyToday()).containsExactly("专家乙", "专家甲");
		assertThat(again.notReminded()).containsExactly("专家丙");
		assertThat(notices(e1)).hasSize(1);
		assertThat(sms.sentTo(e1.mobile())).hasSize(1);
		assertThat(reminderRows()).isEqualTo(2);
		assertThat(auditSummaries()).hasSize(1);
		assertThat(progress.round(hostAdmin, round.id()).experts()).extracting(ExpertLine::remindedToday)
			.containsExactly(true, true, false, false);

		// The next day in Beijing they may be reminded again, the last day now 2 days
		// off.
		clock.advance(Duration.ofDays(1));
		assertThat(reminders.remind(hostAdmin, round.id(), List.of(e1.id())).reminded()).containsExactly("专家甲");
		assertThat(notices(e1)).hasSize(2).first().asString().contains("还剩 2 天");
		assertThat(auditSummaries()).hasSize(2);
	}

	@Test
	void anExpertWhoScoredEverythingIsAskedToHandIn() {
		sheet(e4, work2, Instant.parse("2020-09-11T00:00:00Z"), null, 1, 2, 3, 4);

		reminders.remind(hostAdmin, round.id(), List.of(e4.id()));

		assertThat(notices(e4)).extracting((notice) -> notice.substring(0, notice.indexOf('|')))
			.containsExactly("评审提醒：初评评分已完成，请交卷");
		// 专家丁 has a mobile but switched texts off.
		assertThat(sms.sentTo(e4.mobile())).isEmpty();
	}

	@Test
	void theConstraintItselfRefusesASecondReminderOfTheDay() {
		LocalDate today = LocalDate.of(2020, 9, 12);
		jdbc.sql("""
				insert into review_reminder (round_id, expert_id, reminded_on, sent_by, sent_at)
				values (?, ?, ?, ?, now())
				""").params(round.id(), e1.id(), today, hostAdmin.accountId()).update();
		assertThatThrownBy(() -> jdbc.sql("""
				insert into review_reminder (round_id, expert_id, reminded_on, sent_by, sent_at)
				values (?, ?, ?, ?, now())
				""").params(round.id(), e1.id(), today, hostAdmin.accountId()).update())
			.hasMessageContaining("review_reminder_uq");
	}

	@Test
	void theAdminsPageRemindsAndNamesWhoWasSkipped() throws Exception {
		String page = mvc.perform(get("/admin/review/rounds/{id}/progress", round.id()).with(user(hostAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("专家甲", "专家丁", "还剩 3 天", "4 / 6", "1 / 4", "已交卷（2020-09-08 17:00）",
				"2020-09-10 11:00");

		mvc.perform(post("/admin/review/rounds/{id}/reminders", round.id()).with(user(hostAdmin))
			.with(csrf())
			.param("expert", String.valueOf(e1.id()), String.valueOf(e2.id())))
			.andExpect(redirectedUrl("/admin/review/rounds/" + round.id() + "/progress"))
			.andExpect(flash().attribute("flashSuccess", "已提醒 2 位专家：专家甲、专家乙。"));
		mvc.perform(post("/admin/review/rounds/{id}/reminders", round.id()).with(user(hostAdmin))
			.with(csrf())
			.param("expert", String.valueOf(e1.id()), String.valueOf(e4.id())))
			.andExpect(flash().attribute("flashError", "今天已提醒过，未再发送：专家甲。 已交卷、没有分配作品或账号已停用，未提醒：专家丁。"));
		mvc.perform(post("/admin/review/rounds/{id}/reminders", round.id()).with(user(hostAdmin)).with(csrf()))
			.andExpect(flash().attribute("flashError", "请至少选择一位专家。"));
	}

	@Test
	void exportsEveryPairOfTheRoundAndOneExpertsSheetsWithExactCells() throws Exception {
		byte[] roundFile = mvc.perform(get("/admin/review/rounds/{id}/sheets.xlsx", round.id()).with(user(hostAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = Spreadsheets.rows(roundFile);
		assertThat(rows.getFirst()).containsExactly("作品编号", "作品名称", "评审专家", "思想性（30分）", "艺术性（30分）", "创新性（20分）",
				"传播力（20分）", "总分（100分）", "评语", "评分状态", "最近修改");
		assertThat(rows.subList(1, rows.size())).containsExactly(
				List.of(id(work1), "进度作品一", "专家甲", "25", "26", "15", "18", "84", "立意鲜明", "已完成", "2020-09-10 10:15"),
				List.of(id(work2), "进度作品二", "专家甲", "20", "", "", "", "20", "", "部分评分", "2020-09-10 11:00"),
				List.of(id(work1), "进度作品一", "专家乙", "30", "30", "20", "20", "100", "", "已完成", "2020-09-09 09:00"),
				List.of(id(work2), "进度作品二", "专家乙", "10", "11.5", "12", "9", "42.5", "节奏感强", "已完成", "2020-09-09 09:30"),
				List.of(id(work3), "进度作品三", "专家乙", "", "", "", "", "", "", "未开始", "2020-09-09 10:00"),
				List.of(id(work3), "进度作品三", "专家丙", "1", "2", "3", "4", "10", "", "已完成", "2020-09-08 16:00"));
		assertThat(exportAudits()).containsExactly("导出" + song.name() + "初评评分表（6行）");

		byte[] expertFile = mvc
			.perform(get("/admin/review/rounds/{id}/experts/{expert}/sheets.xlsx", round.id(), e1.id())
				.with(user(hostAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> mine = Spreadsheets.rows(expertFile);
		assertThat(mine.getFirst()).containsExactly("作品编号", "作品名称", "思想性（30分）", "艺术性（30分）", "创新性（20分）", "传播力（20分）",
				"总分（100分）", "评语", "评分状态", "最近修改");
		assertThat(mine.subList(1, mine.size())).containsExactly(
				List.of(id(work1), "进度作品一", "25", "26", "15", "18", "84", "立意鲜明", "已完成", "2020-09-10 10:15"),
				List.of(id(work2), "进度作品二", "20", "", "", "", "20", "", "部分评分", "2020-09-10 11:00"));

		// An expert without works in the round has no sheets to export.
		mvc.perform(get("/admin/review/rounds/{id}/experts/{expert}/sheets.xlsx", round.id(), e4.id())
			.with(user(hostAdmin))).andExpect(status().isNotFound());
	}

	@Test
	void anyoneButTheCampaignsAdminsGetsNotFoundEverywhere() throws Exception {
		SignedInUser expert = accounts.signedIn(e1);
		for (SignedInUser outsider : List.of(cityAdmin, expert)) {
			mvc.perform(get("/admin/review/rounds/{id}/progress", round.id()).with(user(outsider)))
				.andExpect(status().isNotFound());
			mvc.perform(get("/admin/campaigns/{code}/review/progress", campaign.code()).with(user(outsider)))
				.andExpect(status().isNotFound());
			mvc.perform(get("/admin/review/rounds/{id}/sheets.xlsx", round.id()).with(user(outsider)))
				.andExpect(status().isNotFound());
			mvc.perform(get("/admin/review/rounds/{id}/experts/{expert}/sheets.xlsx", round.id(), e1.id())
				.with(user(outsider))).andExpect(status().isNotFound());
			mvc.perform(post("/admin/review/rounds/{id}/reminders", round.id()).with(user(outsider))
				.with(csrf())
				.param("expert", String.valueOf(e1.id()))).andExpect(status().isNotFound());
		}
		assertThatThrownBy(() -> progress.round(cityAdmin, round.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> reminders.remind(cityAdmin, round.id(), List.of(e1.id())))
			.isInstanceOf(NotFoundException.class);
		// An account that is no expert of the round cannot be reminded through it.
		assertThatThrownBy(() -> reminders.remind(hostAdmin, round.id(), List.of(cityAdmin.accountId())))
			.isInstanceOf(NotFoundException.class);
		assertThat(reminderRows()).isZero();
		assertThat(notices(e1)).isEmpty();
	}

	@Test
	void theProgressPagesSendAsManyStatementsForManyExpertsAsForFew() throws Exception {
		String roundPage = "/admin/review/rounds/" + round.id() + "/progress";
		String campaignPage = "/admin/campaigns/" + campaign.code() + "/review/progress";
		QueryCounter.Statements roundFew = statements(roundPage);
		QueryCounter.Statements campaignFew = statements(campaignPage);
		for (int i = 0; i < 6; i++) {
			TestAccount expert = accounts.staff(Role.EXPERT, province).displayName("计数专家" + i).create();
			pools.add(hostAdmin, round.id(), expert.id());
			sheet(expert, work1, Instant.parse("2020-09-11T00:00:00Z"), null, 1, 1, 1, 1);
			sheet(expert, work2, Instant.parse("2020-09-11T00:00:00Z"), "计数", 1);
		}
		assertThat(progress.round(hostAdmin, round.id()).experts()).hasSize(10);
		QueryCounter.Statements roundMany = statements(roundPage);
		QueryCounter.Statements campaignMany = statements(campaignPage);
		assertThat(roundMany.count()).as("%s against %s", roundMany, roundFew).isEqualTo(roundFew.count());
		assertThat(campaignMany.count()).as("%s against %s", campaignMany, campaignFew).isEqualTo(campaignFew.count());
		// The figures of every round in one statement; the round's experts in one more.
		assertThat(reviewStatements(roundFew)).as("%s", roundFew).isEqualTo(2);
		assertThat(reviewStatements(campaignFew)).as("%s", campaignFew).isEqualTo(1);
	}

	private QueryCounter.Statements statements(String url) throws Exception {
		return queries.statementsOf(() -> mvc.perform(get(url).with(user(hostAdmin))).andExpect(status().isOk()));
	}

	private static long reviewStatements(QueryCounter.Statements statements) {
		return statements.sql().stream().filter((sql) -> sql.contains("review_assignment")).count();
	}

	private static String id(long id) {
		return Long.toString(id);
	}

	private List<String> notices(TestAccount expert) {
		return jdbc.sql("""
				select title || '|' || body || '|' || link from notice
				where account_id = ? and kind = 'REVIEW_REMINDER' order by id desc
				""").param(expert.id()).query(String.class).list();
	}

	private int reminderRows() {
		return jdbc.sql("select count(*) from review_reminder where round_id = ?")
			.param(round.id())
			.query(Integer.class)
			.single();
	}

	private List<String> auditSummaries() {
		return jdbc.sql("""
				select summary from audit_event where target_type = 'review_reminder' and target_id = ? order by id
				""").param(String.valueOf(round.id())).query(String.class).list();
	}

	private List<String> exportAudits() {
		return jdbc.sql("""
				select summary from audit_event where target_type = 'review-sheet-list'
				and after_state -> 'filter' ->> 'round' = ? order by id
				""").param(String.valueOf(round.id())).query(String.class).list();
	}

}
