package cn.zhengji.review;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.RubricCriterion;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12 item 5 through the real services and database: the song category of a fresh
 * copy of fujian-2024 (first round, K = 3, its days moved to include today), two works
 * approved by the host from city A and four experts of city B in the pool.
 */
@ZhengjiTest
class ScoreSheetsIntegrationTest {

	@Autowired
	ScoreSheets sheets;

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

	@Autowired
	DataSource dataSource;

	SignedInUser hostAdmin;

	long roundId;

	long work1;

	long work2;

	List<RubricCriterion> rubric;

	List<SignedInUser> experts = new ArrayList<>();

	Organisation cityA;

	@BeforeEach
	void round() {
		Organisation province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		String code = "scores-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "评分表测试活动", 2020);
		Campaign campaign = campaigns.getByCode(code);
		Category song = campaigns.category(campaign, "song").orElseThrow();
		roundId = campaigns.reviewRounds(song.id()).getFirst().id();
		openToday();
		rubric = campaigns.rubric(song.id()).orElseThrow().criteria();
		assertThat(rubric).hasSizeGreaterThan(1);

		cityA = organisations.create(province, "评分测试甲市总工会", OrganisationKind.CITY);
		Organisation cityB = organisations.create(province, "评分测试乙市总工会", OrganisationKind.CITY);
		for (int i = 0; i < 4; i++) {
			long id = accounts.staff(Role.EXPERT, cityB).create().id();
			pools.add(hostAdmin, roundId, id);
			experts.add(accounts.signedIn(login(id)));
		}
		work1 = entries.draft(campaign, song.id(), cityA, null, hostAdmin.accountId(), "评分测试作品一");
		entries.approvedBy(work1, province);
		work2 = entries.draft(campaign, song.id(), cityA, null, hostAdmin.accountId(), "评分测试作品二");
		entries.approvedBy(work2, province);
		assignments.assign(hostAdmin, roundId);
	}

	@Test
	void aSaveIsIdempotentAndASecondTabThatSawAnOlderValueIsRefusedWithTheStoredValueKept() {
		SignedInUser expert = expertOf(work1);
		long criterion = rubric.getFirst().id();

		ScoreSheet first = sheets.savePoints(expert, roundId, work1, criterion, "8.5", "");
		assertThat(first.criteria().getFirst().points()).isEqualByComparingTo("8.5");
		int version = first.version();
		assertThat(version).isEqualTo(2);
		// The same value again (a repeated request): the same answer, nothing written.
		ScoreSheet again = sheets.savePoints(expert, roundId, work1, criterion, "8.50", "");
		assertThat(again.version()).isEqualTo(version);
		assertThat(again.criteria().getFirst().shown()).isEqualTo("8.5");

		// A second tab opened before the first save still thinks the field is empty.
		assertThatThrownBy(() -> sheets.savePoints(expert, roundId, work1, criterion, "7", ""))
			.isInstanceOfSatisfying(ScoreChangedElsewhere.class, (refused) -> {
				assertThat(refused.current()).isEqualTo("8.5");
				assertThat(refused.field()).isEqualTo("points-" + criterion);
				assertThat(refused.messageCode()).isEqualTo("review.score.changedElsewhere");
				assertThat(refused.arguments()).containsExactly("8.5", "7");
			});
		assertThat(storedPoints(work1, expert, criterion)).isEqualByComparingTo("8.5");
		// Told the stored value, the tab may deliberately replace it.
		assertThat(sheets.savePoints(expert, roundId, work1, criterion, "7", "8.5").criteria().getFirst().points())
			.isEqualByComparingTo("7");
		assertThat(sheets.sheet(expert, roundId, work1).version()).isEqualTo(version + 1);
		// Blank clears the criterion.
		assertThat(sheets.savePoints(expert, roundId, work1, criterion, " ", "7").criteria().getFirst().points())
			.isNull();
		assertThat(storedPoints(work1, expert, criterion)).isNull();
		// No keystroke save is an audit event.
		assertThat(jdbc
			.sql("select count(*) from audit_event where target_type like 'review_s%' and after_state ->> 'round' = ?")
			.param(Long.toString(roundId))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void pointsOutOfRangeOrTooPreciseAreRefusedWithTheirMessageAndFullWidthDigitsAreRead() {
		SignedInUser expert = expertOf(work1);
		RubricCriterion criterion = rubric.getFirst();
		int max = criterion.maxPoints();

		assertRefused(expert, criterion, "-1", "review.score.negative");
		assertRefused(expert, criterion, Integer.toString(max + 1), "review.score.aboveMax");
		assertRefused(expert, criterion, "8.125", "review.score.tooPrecise");
		assertRefused(expert, criterion, "八分", "review.score.notANumber");
		assertRefused(expert, criterion, "1e1", "review.score.notANumber");
		assertThat(storedPoints(work1, expert, criterion.id())).isNull();

		assertThat(sheets.savePoints(expert, roundId, work1, criterion.id(), "８．５", "").criteria().getFirst().points())
			.isEqualByComparingTo("8.5");
		assertThat(sheets.savePoints(expert, roundId, work1, criterion.id(), Integer.toString(max), "8.5")
			.criteria()
			.getFirst()
			.points()).isEqualByComparingTo(Integer.toString(max));
		assertThat(sheets.savePoints(expert, roundId, work1, criterion.id(), "0", Integer.toString(max))
			.criteria()
			.getFirst()
			.points()).isEqualByComparingTo("0");
	}

	@Test
	void theCommentIsKeptWithinItsLengthAndAStaleTabDoesNotOverwriteIt() {
		SignedInUser expert = expertOf(work1);

		assertThatThrownBy(() -> sheets.saveComment(expert, roundId, work1, "好".repeat(2001), ""))
			.isInstanceOfSatisfying(ReviewChangeRejected.class,
					(refused) -> assertThat(refused.messageCode()).isEqualTo("review.comment.tooLong"));
		assertThat(sheets.saveComment(expert, roundId, work1, "旋律流畅\r\n歌词贴近职工", "").comment())
			.isEqualTo("旋律流畅\n歌词贴近职工");
		assertThat(sheets.saveComment(expert, roundId, work1, "旋律流畅\r\n歌词贴近职工", "").version()).isEqualTo(2);
		assertThatThrownBy(() -> sheets.saveComment(expert, roundId, work1, "另一个页面的评语", "")).isInstanceOfSatisfying(
				ScoreChangedElsewhere.class, (refused) -> assertThat(refused.current()).isEqualTo("旋律流畅\n歌词贴近职工"));
		assertThat(sheets.sheet(expert, roundId, work1).comment()).isEqualTo("旋律流畅\n歌词贴近职工");
	}

	@Test
	void handingInNeedsEveryCriterionOfEveryWorkAndThenNothingChanges() {
		SignedInUser expert = expertOfBoth();
		fill(expert, work1);
		sheets.savePoints(expert, roundId, work2, rubric.getFirst().id(), "5", "");

		assertThatThrownBy(() -> sheets.submit(expert, roundId)).isInstanceOfSatisfying(ReviewChangeRejected.class,
				(refused) -> {
					assertThat(refused.messageCode()).isEqualTo("review.submit.incomplete");
					assertThat(refused.arguments()).containsExactly("1", "第 2 件《评分测试作品二》");
				});
		assertThat(sheets.round(expert, roundId).submitted()).isFalse();

		fill(expert, work2);
		assertThat(sheets.round(expert, roundId).mayHandIn()).isTrue();
		sheets.submit(expert, roundId);

		ExpertRound handedIn = sheets.round(expert, roundId);
		assertThat(handedIn.submitted()).isTrue();
		assertThat(handedIn.standing()).isEqualTo(SheetStanding.SUBMITTED);
		assertThat(sheets.sheet(expert, roundId, work1).submitted()).isTrue();
		assertThatThrownBy(() -> sheets.savePoints(expert, roundId, work1, rubric.getFirst().id(), "1", "1"))
			.isInstanceOfSatisfying(ReviewChangeRejected.class,
					(refused) -> assertThat(refused.messageCode()).isEqualTo("review.sheet.submitted"));
		assertThatThrownBy(() -> sheets.saveComment(expert, roundId, work1, "改", ""))
			.isInstanceOf(ReviewChangeRejected.class);
		assertThatThrownBy(() -> sheets.submit(expert, roundId)).isInstanceOf(ReviewChangeRejected.class);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where target_type = 'review_expert_submission'
				    and after_state ->> 'round' = ? and after_state ->> 'expert' = ?
				""").params(Long.toString(roundId), Long.toString(expert.accountId())).query(Long.class).single())
			.isEqualTo(1);
		assertThat(assignmentsAfterConflict(expert)).isInstanceOf(ReviewChangeRejected.class);
	}

	@Test
	void anEndedRoundAndARoundNotYetOpenRefuseEveryChange() {
		SignedInUser expert = expertOf(work1);
		jdbc.sql("update review_round set starts_on = current_date - 30, ends_on = current_date - 2 where id = ?")
			.param(roundId)
			.update();
		assertThat(sheets.sheet(expert, roundId, work1).closed()).isTrue();
		assertThatThrownBy(() -> sheets.savePoints(expert, roundId, work1, rubric.getFirst().id(), "1", ""))
			.isInstanceOfSatisfying(ReviewChangeRejected.class,
					(refused) -> assertThat(refused.messageCode()).isEqualTo("review.sheet.ended"));

		jdbc.sql("update review_round set starts_on = current_date + 2, ends_on = current_date + 30 where id = ?")
			.param(roundId)
			.update();
		assertThat(sheets.sheet(expert, roundId, work1).standing()).isEqualTo(SheetStanding.NOT_YET_OPEN);
		assertThatThrownBy(() -> sheets.saveComment(expert, roundId, work1, "提前", "")).isInstanceOfSatisfying(
				ReviewChangeRejected.class,
				(refused) -> assertThat(refused.messageCode()).isEqualTo("review.sheet.notYetOpen"));
		assertThat(sheets.sheet(expert, roundId, work1).version()).isZero();
	}

	@Test
	void aLockedRoundRefusesTheServiceAndEvenADirectUpdate() {
		SignedInUser expert = expertOf(work1);
		long criterion = rubric.getFirst().id();
		sheets.savePoints(expert, roundId, work1, criterion, "6", "");
		jdbc.sql("insert into review_round_lock (round_id, locked_by, locked_at) values (?, ?, now())")
			.params(roundId, hostAdmin.accountId())
			.update();

		assertThat(sheets.sheet(expert, roundId, work1).standing()).isEqualTo(SheetStanding.LOCKED);
		assertThatThrownBy(() -> sheets.savePoints(expert, roundId, work1, criterion, "9", "6")).isInstanceOfSatisfying(
				ReviewChangeRejected.class,
				(refused) -> assertThat(refused.messageCode()).isEqualTo("review.sheet.locked"));
		assertThatThrownBy(() -> jdbc.sql("""
				update review_score set points = 9 where criterion_id = ? and sheet_id =
				    (select id from review_sheet where round_id = ? and entry_id = ? and expert_id = ?)
				""").params(criterion, roundId, work1, expert.accountId()).update())
			.hasMessageContaining("review round " + roundId + " is locked");
		assertThat(storedPoints(work1, expert, criterion)).isEqualByComparingTo("6");
	}

	@Test
	void aSaveIsCommittedWhenItReturns() throws Exception {
		SignedInUser expert = expertOf(work1);
		long criterion = rubric.getFirst().id();
		// A connection of its own, open before the save: it sees only committed rows.
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(true);
			sheets.savePoints(expert, roundId, work1, criterion, "4.25", "");
			try (PreparedStatement query = other.prepareStatement("""
					select c.points from review_score c join review_sheet s on s.id = c.sheet_id
					where s.round_id = ? and s.entry_id = ? and s.expert_id = ? and c.criterion_id = ?
					""")) {
				query.setLong(1, roundId);
				query.setLong(2, work1);
				query.setLong(3, expert.accountId());
				query.setLong(4, criterion);
				try (ResultSet rows = query.executeQuery()) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("4.25");
				}
			}
		}
	}

	@Test
	void onlyTheAssignedExpertReachesASheet() {
		SignedInUser assigned = expertOf(work1);
		SignedInUser other = experts.stream()
			.filter((expert) -> !assignments.expertsByWork(hostAdmin, roundId).get(work1).contains(expert.accountId()))
			.findFirst()
			.orElseThrow();
		SignedInUser participant = accounts.signedIn(accounts.participant(cityA).create());

		assertThat(sheets.sheet(assigned, roundId, work1).criteria()).hasSize(rubric.size());
		for (SignedInUser stranger : List.of(other, participant, hostAdmin)) {
			assertThatThrownBy(() -> sheets.sheet(stranger, roundId, work1)).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> sheets.work(stranger, roundId, work1)).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> sheets.savePoints(stranger, roundId, work1, rubric.getFirst().id(), "1", ""))
				.isInstanceOf(NotFoundException.class);
		}
		assertThat(sheets.rounds(participant)).isEmpty();
		assertThat(sheets.rounds(assigned)).extracting(ExpertRound::roundId).containsExactly(roundId);
	}

	@Test
	void aConflictDeclaredAfterScoringDeletesTheSheetAndTheWorkIsNoLongerTheExperts() {
		SignedInUser expert = expertOf(work1);
		sheets.savePoints(expert, roundId, work1, rubric.getFirst().id(), "3", "");

		assignments.declareConflict(expert, roundId, work1, "作者是我的亲属");

		assertThat(jdbc.sql("select count(*) from review_sheet where round_id = ? and entry_id = ? and expert_id = ?")
			.params(roundId, work1, expert.accountId())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql(
				"select count(*) from audit_event where target_type = 'review_sheet' and action = 'DELETED' and before_state ->> 'round' = ?")
			.param(Long.toString(roundId))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThatThrownBy(() -> sheets.sheet(expert, roundId, work1)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void reAssigningKeepsEveryScoredPairAndAScoredPairCannotBeRemoved() {
		List<Long> before = assignments.expertsByWork(hostAdmin, roundId).get(work1);
		assertThat(before).hasSize(3);
		for (long expertId : before) {
			sheets.savePoints(expert(expertId), roundId, work1, rubric.getFirst().id(), "2", "");
		}
		// With two experts a work, a run would take one expert from each work, but not
		// from the work all three already scored.
		jdbc.sql("update review_round set experts_per_work = 2 where id = ?").param(roundId).update();
		assignments.assign(hostAdmin, roundId);

		Map<Long, List<Long>> after = assignments.expertsByWork(hostAdmin, roundId);
		assertThat(after.get(work1)).containsExactlyElementsOf(before);
		assertThat(after.get(work2)).hasSize(2);
		assertThat(jdbc
			.sql("select count(*) from review_score c join review_sheet s on s.id = c.sheet_id where s.round_id = ?")
			.param(roundId)
			.query(Long.class)
			.single()).isEqualTo(3);

		assertThatThrownBy(() -> assignments.removePair(hostAdmin, roundId, work1, before.getFirst()))
			.isInstanceOfSatisfying(ReviewChangeRejected.class,
					(refused) -> assertThat(refused.messageCode()).isEqualTo("review.assignment.pairScored"));
	}

	@Test
	void theResultsReadCountsOnlyCompleteSheetsWithTheirTotalAndBestShare() {
		SignedInUser expert = expertOf(work1);
		fill(expert, work1);
		SignedInUser partial = expertOf(work1, expert);
		sheets.savePoints(partial, roundId, work1, rubric.getFirst().id(), "1", "");

		List<ReviewResults.Score> scores = sheets.scores(roundId);

		assertThat(scores).hasSize(1);
		ReviewResults.Score score = scores.getFirst();
		assertThat(score.workId()).isEqualTo(work1);
		assertThat(score.expertId()).isEqualTo(expert.accountId());
		// fill() gives every criterion its maximum minus one.
		int maximum = rubric.stream().mapToInt(RubricCriterion::maxPoints).sum();
		assertThat(score.total()).isEqualByComparingTo(BigDecimal.valueOf(maximum - rubric.size()));
		BigDecimal best = rubric.stream()
			.map((criterion) -> BigDecimal.valueOf(criterion.maxPoints() - 1)
				.divide(BigDecimal.valueOf(criterion.maxPoints()), 4, java.math.RoundingMode.HALF_UP))
			.max(BigDecimal::compareTo)
			.orElseThrow();
		assertThat(score.highestCriterion()).isEqualByComparingTo(best);
	}

	private Object assignmentsAfterConflict(SignedInUser expert) {
		try {
			assignments.declareConflict(expert, roundId, work1, null);
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private void fill(SignedInUser expert, long work) {
		ScoreSheet sheet = sheets.sheet(expert, roundId, work);
		for (ScoreSheet.CriterionScore score : sheet.criteria()) {
			sheets.savePoints(expert, roundId, work, score.criterion().id(),
					Integer.toString(score.criterion().maxPoints() - 1), score.shown());
		}
	}

	private void assertRefused(SignedInUser expert, RubricCriterion criterion, String typed, String code) {
		assertThatThrownBy(() -> sheets.savePoints(expert, roundId, work1, criterion.id(), typed, ""))
			.isInstanceOfSatisfying(ReviewChangeRejected.class, (refused) -> {
				assertThat(refused.messageCode()).isEqualTo(code);
				assertThat(refused.field()).isEqualTo("points-" + criterion.id());
			});
	}

	private BigDecimal storedPoints(long work, SignedInUser expert, long criterion) {
		return jdbc.sql("""
				select c.points from review_score c join review_sheet s on s.id = c.sheet_id
				where s.round_id = ? and s.entry_id = ? and s.expert_id = ? and c.criterion_id = ?
				""")
			.params(roundId, work, expert.accountId(), criterion)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	private SignedInUser expertOf(long work, SignedInUser... except) {
		List<Long> ids = assignments.expertsByWork(hostAdmin, roundId).get(work);
		return ids.stream()
			.filter((id) -> java.util.Arrays.stream(except).noneMatch((other) -> other.accountId() == id))
			.map(this::expert)
			.findFirst()
			.orElseThrow();
	}

	private SignedInUser expertOfBoth() {
		Map<Long, List<Long>> byWork = assignments.expertsByWork(hostAdmin, roundId);
		return byWork.get(work1)
			.stream()
			.filter(byWork.get(work2)::contains)
			.map(this::expert)
			.findFirst()
			.orElseThrow();
	}

	private SignedInUser expert(long id) {
		return experts.stream().filter((expert) -> expert.accountId() == id).findFirst().orElseThrow();
	}

	/** The round's days around today, whatever the time zones. */
	private void openToday() {
		jdbc.sql("update review_round set starts_on = current_date - 3, ends_on = current_date + 10 where id = ?")
			.param(roundId)
			.update();
	}

	private String login(long accountId) {
		return jdbc.sql("select username from account where id = ?").param(accountId).query(String.class).single();
	}

}
