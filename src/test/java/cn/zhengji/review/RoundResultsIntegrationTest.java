package cn.zhengji.review;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewResultRules;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.campaign.RubricCriterion;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.review.ReviewResults.Row;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12 items 6 and 7 through the real database: the song category of a fresh copy of
 * fujian-2024 (初评 of the approved works, then 复评 of the best 30 %, 一等奖 3 …), the
 * calibration round of {@link ReviewResultsTest} stored as score sheets (three experts,
 * four works, totals split over the four criteria), a fifth work nobody scored, and an
 * incomplete sheet that must not count.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class RoundResultsIntegrationTest {

	@Autowired
	RoundResults results;

	@Autowired
	RoundResultExports exports;

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
	MockMvc mvc;

	SignedInUser hostAdmin;

	SignedInUser cityAdmin;

	Category song;

	long first;

	long second;

	long[] works = new long[5];

	long[] experts = new long[4];

	@BeforeEach
	void round() {
		Organisation province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		String code = "results-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "评审结果测试活动", 2020);
		Campaign campaign = campaigns.getByCode(code);
		song = campaigns.category(campaign, "song").orElseThrow();
		List<ReviewRound> rounds = campaigns.reviewRounds(song.id());
		first = rounds.get(0).id();
		second = rounds.get(1).id();
		Organisation city = organisations.create(province, "结果测试市总工会", OrganisationKind.CITY);
		cityAdmin = accounts.signedIn(accounts.admin(city).create()).withPasswordChanged();
		for (int i = 0; i < works.length; i++) {
			works[i] = entries.draft(campaign, song.id(), city, null, hostAdmin.accountId(), "结果测试作品" + (i + 1));
			entries.approvedBy(works[i], province);
		}
		for (int i = 0; i < experts.length; i++) {
			experts[i] = accounts.staff(Role.EXPERT, province).create().id();
		}
		// ReviewResultsTest's calibration round: rows are experts, columns W1..W4.
		int[][] totals = { { 71, 65, 63, 57 }, { 83, 99, 87, 71 }, { 80, 72, 80, 72 } };
		for (int e = 0; e < 3; e++) {
			for (int w = 0; w < 4; w++) {
				sheet(first, works[w], experts[e], totals[e][w], 4);
			}
		}
		// An incomplete sheet (one criterion of four) counts for nothing.
		sheet(first, works[3], experts[3], 100, 1);
	}

	@Autowired
	AwardedLevels awardedLevels;

	@Test
	void theCampaignDataCarriesTheRulesAndTheLevels() {
		assertThat(campaigns.reviewResultRules(song.campaignId()))
			.isEqualTo(new ReviewResultRules(List.of("HIGHER_HIGHEST_CRITERION", "EARLIER_SUBMISSION"), "NORMALISED",
					new BigDecimal("15.00"), null, null));
		assertThat(campaigns.awardLevels(first)).isEmpty();
		assertThat(campaigns.awardLevels(second)).extracting("code", "name", "count")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("FIRST", "一等奖", 3),
					org.assertj.core.groups.Tuple.tuple("SECOND", "二等奖", 5),
					org.assertj.core.groups.Tuple.tuple("THIRD", "三等奖", 8),
					org.assertj.core.groups.Tuple.tuple("EXCELLENT", "优秀奖", 15));
		assertThat(campaigns.reviewResultRules(campaigns.getByCode("national-2024").id()).votePercent()).isEqualTo(40);
		assertThat(ReviewResultRules.TIE_BREAKS).containsExactlyElementsOf(
				java.util.Arrays.stream(ReviewResults.TieBreak.values()).map(Enum::name).toList());
	}

	@Test
	void theStoredSheetsGiveTheHandComputedFigures() {
		RoundResultsView view = results.results(hostAdmin, first);

		// Normalised (Fujian ranks by it): W1 83.07, W3 78.67, W2 77.20, W4 61.07.
		assertThat(view.result().ranking()).extracting(Row::workId)
			.containsExactly(works[0], works[2], works[1], works[3]);
		assertThat(view.result().ranking())
			.extracting((row) -> ReviewResults.shown(row.figures().normalised()).toPlainString())
			.containsExactly("83.07", "78.67", "77.20", "61.07");
		assertThat(view.result().ranking())
			.extracting((row) -> ReviewResults.shown(row.figures().rawMean()).toPlainString())
			.containsExactly("78.00", "76.67", "78.67", "66.67");
		assertThat(view.result().ranking()).extracting((row) -> row.figures().scoreCount()).containsExactly(3, 3, 3, 3);
		assertThat(view.result().roundMean()).isEqualByComparingTo("75");
		assertThat(view.result().roundDeviation()).isEqualByComparingTo("11");
		assertThat(view.result().unscored()).containsExactly(works[4]);
		// 99 against the median 72 of W2 (65, 72, 99) is 27 points off, 63 against the
		// median 80 of W3 (63, 80, 87) 17: both beyond 15.
		assertThat(view.result().outliers()).extracting("workId", "expertId")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(works[1], experts[1]),
					org.assertj.core.groups.Tuple.tuple(works[2], experts[0]));
		// 复评 takes the best 30 %: ⌈0.3 × 4⌉ = 2.
		assertThat(view.advancing()).containsExactly(works[0], works[2]);
	}

	@Test
	void onlyTheCampaignsAdminsSeeTheResults() throws Exception {
		assertThatThrownBy(() -> results.results(cityAdmin, first)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> results.lock(cityAdmin, first)).isInstanceOf(NotFoundException.class);
		mvc.perform(get("/admin/review/rounds/" + first + "/results").with(user(cityAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/review/rounds/" + first + "/lock").with(csrf()).with(user(cityAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/review/rounds/" + first + "/results").with(user(hostAdmin)))
			.andExpect(status().isOk())
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString()).contains("结果测试作品1")
				.contains("z = (x − μₑ) / σₑ")
				.contains("单项最高得分率高者优先")
				.contains("未评分作品（1 件，不参与排名）"));
	}

	@Test
	void lockingTheFirstRoundSelectsTheNextRoundsWorksAndRecordsEachOutcome() {
		assertThatThrownBy(() -> assignments.assign(hostAdmin, second)).isInstanceOf(ReviewChangeRejected.class)
			.hasMessageContaining("review.assignment.previousRoundOpen");

		results.lock(hostAdmin, first);

		assertThat(jdbc.sql("select entry_id from review_round_entry where round_id = ? order by previous_rank")
			.param(second)
			.query(Long.class)
			.list()).containsExactly(works[0], works[2]);
		assertThat(state(works[0])).isEqualTo("APPROVED");
		assertThat(state(works[1])).isEqualTo("NOT_AWARDED");
		assertThat(state(works[4])).isEqualTo("NOT_AWARDED");
		assertThat(lastStep(works[0])).isEqualTo(List.of("ADVANCED", "初评：进入复评"));
		assertThat(lastStep(works[3])).isEqualTo(List.of("NOT_ADVANCED", "初评：未进入复评"));
		// The next round now takes exactly the selected works.
		pools.add(hostAdmin, second, experts[0]);
		assertThat(assignments.assign(hostAdmin, second).expertsByWork().keySet()).containsExactlyInAnyOrder(works[0],
				works[2]);

		// Nothing of the locked round changes any more: politely in the services …
		assertThatThrownBy(() -> results.lock(hostAdmin, first)).isInstanceOf(ReviewRoundLocked.class);
		assertThatThrownBy(() -> pools.add(hostAdmin, first, experts[3])).isInstanceOf(ReviewRoundLocked.class);
		assertThatThrownBy(() -> assignments.assign(hostAdmin, first)).isInstanceOf(ReviewRoundLocked.class);
		// … and by the database for whoever writes directly.
		assertThatThrownBy(() -> jdbc.sql("""
				update review_score set points = 0
				where sheet_id in (select id from review_sheet where round_id = ?)
				""").param(first).update()).satisfies(RoundResultsIntegrationTest::refusedByTheLock);
	}

	@Test
	void theLastRoundsAwardsAreAuditedAndTheLockMakesThemTheEntrysOutcome() throws Exception {
		results.lock(hostAdmin, first);
		sheet(second, works[0], experts[0], 90, 4);
		sheet(second, works[0], experts[1], 80, 4);
		sheet(second, works[2], experts[0], 70, 4);
		sheet(second, works[2], experts[1], 60, 4);

		assertThat(results.applyProposal(hostAdmin, second)).isEqualTo(2);
		assertThat(results.results(hostAdmin, second).awards()).containsExactly(Map.entry(works[0], "FIRST"),
				Map.entry(works[2], "FIRST"));
		mvc.perform(post("/admin/review/rounds/" + second + "/awards").with(csrf())
			.with(user(hostAdmin))
			.param("entryId", String.valueOf(works[2]))
			.param("level", "SECOND")).andExpect(status().is3xxRedirection());
		assertThat(results.results(hostAdmin, second).awardOf(works[2])).isEqualTo("SECOND");
		assertThat(jdbc.sql("""
				select action || ':' || (after_state ->> 'level') from audit_event
				where target_type = 'review_award' and target_id = ? order by id
				""").param(String.valueOf(works[2])).query(String.class).list()).containsExactly("CREATED:FIRST",
				"UPDATED:SECOND");

		mvc.perform(get("/admin/review/rounds/" + second + "/lock").with(user(hostAdmin)))
			.andExpect(status().isOk())
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString()).contains("已设定奖项 2 件"));
		mvc.perform(post("/admin/review/rounds/" + second + "/lock").with(csrf()).with(user(hostAdmin)))
			.andExpect(status().is3xxRedirection());

		assertThat(state(works[0])).isEqualTo("AWARDED");
		assertThat(lastStep(works[0])).isEqualTo(List.of("AWARDED", "复评：一等奖"));
		assertThat(lastStep(works[2])).isEqualTo(List.of("AWARDED", "复评：二等奖"));
		assertThat(awardedLevels.of(List.of(works[2], works[0], works[1])).values()).containsExactly(
				new AwardedLevels.AwardedLevel(works[0], second, "FIRST", "一等奖", 1),
				new AwardedLevels.AwardedLevel(works[2], second, "SECOND", "二等奖", 2));

		// Every award endpoint answers a locked round with its message, 409, not a 500.
		for (String path : List.of("/awards", "/awards/proposal", "/lock")) {
			mvc.perform(post("/admin/review/rounds/" + second + path).with(csrf())
				.with(user(hostAdmin))
				.param("entryId", String.valueOf(works[0]))
				.param("level", "THIRD"))
				.andExpect(status().isConflict())
				.andExpect((result) -> assertThat(result.getResponse().getContentAsString()).contains("评审结果已确定并锁定"));
		}
		assertThatThrownBy(() -> jdbc.sql("update review_award set level_code = 'THIRD' where round_id = ?")
			.param(second)
			.update()).satisfies(RoundResultsIntegrationTest::refusedByTheLock);
		assertThat(results.results(hostAdmin, second).awardOf(works[0])).isEqualTo("FIRST");
	}

	@Test
	void theExportsHoldTheRankingAndThePanelsSignatureLines() throws Exception {
		byte[] xlsx = mvc.perform(get("/admin/review/rounds/" + first + "/results.xlsx").with(user(hostAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名次");
			List<String> firstColumnTitles = new ArrayList<>();
			for (int r = 1; r <= 5; r++) {
				firstColumnTitles.add(sheet.getRow(r).getCell(3).getStringCellValue());
			}
			assertThat(firstColumnTitles).containsExactly("结果测试作品1", "结果测试作品3", "结果测试作品2", "结果测试作品4", "结果测试作品5");
			assertThat(sheet.getRow(1).getCell(7).toString()).isEqualTo("83.07");
			assertThat(sheet.getRow(3).getCell(8).getStringCellValue()).contains("99.00").contains("72.00");
			assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("未评分");
		}

		byte[] pdf = exports.pdf(hostAdmin, first);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("初评 评审结果")
				.contains("结果测试作品1")
				.contains("83.07")
				.contains("评审组长（签字）")
				.contains("评审专家（签字）")
				.contains("日期");
		}
		assertThatThrownBy(() -> exports.pdf(cityAdmin, first)).isInstanceOf(NotFoundException.class);
	}

	/**
	 * A sheet with the total split over the first {@code criteria} criteria, greedily.
	 */
	private void sheet(long roundId, long entryId, long expertId, int total, int criteria) {
		// Only the sheets of pairs still assigned count (ScoreSheets.scores).
		jdbc.sql("""
				insert into review_assignment (round_id, entry_id, expert_id, origin, created_at)
				values (?, ?, ?, 'MANUAL', now())
				on conflict on constraint review_assignment_uq do nothing
				""").params(roundId, entryId, expertId).update();
		long sheetId = jdbc
			.sql("""
					insert into review_sheet (round_id, entry_id, expert_id, updated_at) values (?, ?, ?, now()) returning id
					""")
			.params(roundId, entryId, expertId)
			.query(Long.class)
			.single();
		int left = total;
		List<RubricCriterion> rubric = campaigns.rubric(song.id()).orElseThrow().criteria();
		for (int i = 0; i < criteria; i++) {
			int points = Math.min(rubric.get(i).maxPoints(), left);
			left -= points;
			jdbc.sql("insert into review_score (sheet_id, criterion_id, points) values (?, ?, ?)")
				.params(sheetId, rubric.get(i).id(), points)
				.update();
		}
	}

	private static void refusedByTheLock(Throwable thrown) {
		assertThat(thrown).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
			.hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class);
		org.postgresql.util.PSQLException cause = (org.postgresql.util.PSQLException) thrown.getCause();
		assertThat(cause.getServerErrorMessage().getConstraint()).isEqualTo(ReviewRoundLocked.CONSTRAINT);
	}

	private String state(long entryId) {
		return jdbc.sql("select state from entry where id = ?").param(entryId).query(String.class).single();
	}

	private List<String> lastStep(long entryId) {
		return jdbc.sql("select step, remark from entry_transition where entry_id = ? order by id desc limit 1")
			.param(entryId)
			.query((rs, n) -> List.of(rs.getString("step"), rs.getString("remark")))
			.single();
	}

}
