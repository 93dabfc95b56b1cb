package cn.zhengji.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhengji.review.ReviewResults.Award;
import cn.zhengji.review.ReviewResults.AwardLevel;
import cn.zhengji.review.ReviewResults.AwardProposal;
import cn.zhengji.review.ReviewResults.Basis;
import cn.zhengji.review.ReviewResults.BoundaryConflict;
import cn.zhengji.review.ReviewResults.Request;
import cn.zhengji.review.ReviewResults.Result;
import cn.zhengji.review.ReviewResults.Row;
import cn.zhengji.review.ReviewResults.Score;
import cn.zhengji.review.ReviewResults.ScoreFigures;
import cn.zhengji.review.ReviewResults.TieBreak;
import cn.zhengji.review.ReviewResults.Votes;
import cn.zhengji.review.ReviewResults.Work;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Hand-computed rounds.
 *
 * <p>
 * The calibration round: three experts score four works (K = 3), on a 100-point scale.
 *
 * <pre>
 *            W1   W2   W3   W4    μₑ   deviations        σₑ   z
 * expert 1   71   65   63   57    64   +7 +1 −1 −7        5   +1.4 +0.2 −0.2 −1.4   (harsh)
 * expert 2   83   99   87   71    85   −2 +14 +2 −14     10   −0.2 +1.4 +0.2 −1.4   (lenient)
 * expert 3   80   72   80   72    76   +4 −4 +4 −4        4   +1 −1 +1 −1
 * raw mean   78  78.6667 76.6667 66.6667   (234/3, 236/3, 230/3, 200/3)
 * mean z   2.2/3  0.6/3  1/3   −3.8/3
 * </pre>
 *
 * All twelve scores: μ = 900 / 12 = 75; the squared distances from 75 are 16+100+144+324
 * (expert 1) + 64+576+144+16 (expert 2) + 25+9+25+9 (expert 3) = 1452, and 1452 / 12 =
 * 121, so σ = 11. Normalised = 75 + 11 · mean z: W1 75 + 24.2/3 = 83.0667, W2 75 + 2.2 =
 * 77.2, W3 75 + 11/3 = 78.6667, W4 75 − 41.8/3 = 61.0667. The lenient expert's 99 lifts
 * W2 above W1 in the raw means; normalised, W1 (placed first by two of the three experts)
 * leads and W2 drops to third.
 */
class ReviewResultsTest {

	private static final Instant T0 = Instant.parse("2025-03-01T02:00:00Z");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final List<Work> FOUR_WORKS = List.of(new Work(1, T0), new Work(2, T0), new Work(3, T0),
			new Work(4, T0));

	private static final List<Score> CALIBRATION_ROUND = List.of(score(1, 1, "71"), score(2, 1, "65"),
			score(3, 1, "63"), score(4, 1, "57"), score(1, 2, "83"), score(2, 2, "99"), score(3, 2, "87"),
			score(4, 2, "71"), score(1, 3, "80"), score(2, 3, "72"), score(3, 3, "80"), score(4, 3, "72"));

	private static Request calibrationRound() {
		return Request.of(FOUR_WORKS, CALIBRATION_ROUND, HUNDRED, new BigDecimal("15"));
	}

	@Test
	void rawMeansAreTheMeansOfTheTotals() {
		Result result = ReviewResults.compute(calibrationRound());

		assertThat(four(result.row(1).figures().rawMean())).isEqualByComparingTo("78.0000");
		assertThat(four(result.row(2).figures().rawMean())).isEqualByComparingTo("78.6667");
		assertThat(four(result.row(3).figures().rawMean())).isEqualByComparingTo("76.6667");
		assertThat(four(result.row(4).figures().rawMean())).isEqualByComparingTo("66.6667");
		assertThat(result.ranking()).extracting(Row::workId).containsExactly(2L, 1L, 3L, 4L);
		assertThat(result.ranking()).extracting((row) -> row.figures().shown())
			.containsExactly(new BigDecimal("78.67"), new BigDecimal("78.00"), new BigDecimal("76.67"),
					new BigDecimal("66.67"));
		assertThat(result.row(2).figures().scoreCount()).isEqualTo(3);
	}

	@Test
	void eachExpertIsCalibratedByTheirOwnMeanAndPopulationDeviation() {
		Result result = ReviewResults.compute(calibrationRound());

		assertThat(result.expert(1).mean()).isEqualByComparingTo("64");
		assertThat(result.expert(1).deviation()).isEqualByComparingTo("5");
		assertThat(result.expert(2).mean()).isEqualByComparingTo("85");
		assertThat(result.expert(2).deviation()).isEqualByComparingTo("10");
		assertThat(result.expert(3).mean()).isEqualByComparingTo("76");
		assertThat(result.expert(3).deviation()).isEqualByComparingTo("4");
		assertThat(result.experts()).allMatch((expert) -> expert.calibrated() && expert.scoreCount() == 4);
		assertThat(result.roundMean()).isEqualByComparingTo("75");
		assertThat(result.roundDeviation()).isEqualByComparingTo("11");

		assertThat(result.score(1, 1).z()).isEqualByComparingTo("1.4");
		assertThat(result.score(2, 1).z()).isEqualByComparingTo("0.2");
		assertThat(result.score(3, 1).z()).isEqualByComparingTo("-0.2");
		assertThat(result.score(4, 1).z()).isEqualByComparingTo("-1.4");
		assertThat(result.score(1, 2).z()).isEqualByComparingTo("-0.2");
		assertThat(result.score(2, 2).z()).isEqualByComparingTo("1.4");
		assertThat(result.score(2, 3).z()).isEqualByComparingTo("-1");
		assertThat(result.score(3, 3).z()).isEqualByComparingTo("1");
	}

	@Test
	void normalisedFiguresReadOnTheRubricScaleAndUndoTheLenientExpert() {
		Result result = ReviewResults.compute(calibrationRound().withBasis(Basis.NORMALISED));

		assertThat(four(result.row(1).figures().meanZ())).isEqualByComparingTo("0.7333");
		assertThat(four(result.row(2).figures().meanZ())).isEqualByComparingTo("0.2000");
		assertThat(four(result.row(3).figures().meanZ())).isEqualByComparingTo("0.3333");
		assertThat(four(result.row(4).figures().meanZ())).isEqualByComparingTo("-1.2667");
		assertThat(four(result.row(1).figures().normalised())).isEqualByComparingTo("83.0667");
		assertThat(four(result.row(2).figures().normalised())).isEqualByComparingTo("77.2000");
		assertThat(four(result.row(3).figures().normalised())).isEqualByComparingTo("78.6667");
		assertThat(four(result.row(4).figures().normalised())).isEqualByComparingTo("61.0667");
		assertThat(result.ranking()).extracting(Row::workId).containsExactly(1L, 3L, 2L, 4L);
		assertThat(result.ranking()).extracting(Row::rank).containsExactly(1, 2, 3, 4);
		assertThat(result.row(1).figures().shown()).isEqualTo(new BigDecimal("83.07"));
		assertThat(result.row(1).figures().expertScore()).isEqualTo(result.row(1).figures().normalised());
		assertThat(result.row(1).figures().voteScore()).isNull();
	}

	@Test
	void anExpertWithOneScoreOrAllEqualScoresCountsAsZ0() {
		// Expert 1: 60, 80 → μ 70, σ 10, z −1 and +1. Expert 2 scored one work, expert 3
		// gave 75 twice: nothing to calibrate, z = 0. Mean z: W1 (−1 + 0 + 0) / 3, W2
		// (1 + 0) / 2. All five scores: μ = 360 / 5 = 72, squared distances 144 + 64 + 4
		// + 9 + 9 = 230, σ = √46 = 6.782330; W1 72 − 6.782330 / 3 = 69.7392, W2 72 +
		// 6.782330 / 2 = 75.3912.
		List<Work> works = List.of(new Work(1, T0), new Work(2, T0));
		List<Score> scores = List.of(score(1, 1, "60"), score(2, 1, "80"), score(1, 2, "70"), score(1, 3, "75"),
				score(2, 3, "75"));

		Result result = ReviewResults
			.compute(Request.of(works, scores, HUNDRED, BigDecimal.TEN).withBasis(Basis.NORMALISED));

		assertThat(result.expert(2).calibrated()).isFalse();
		assertThat(result.expert(3).calibrated()).isFalse();
		assertThat(result.expert(3).deviation()).isEqualByComparingTo("0");
		assertThat(result.score(1, 2).z()).isEqualByComparingTo("0");
		assertThat(result.score(2, 3).z()).isEqualByComparingTo("0");
		assertThat(four(result.row(1).figures().meanZ())).isEqualByComparingTo("-0.3333");
		assertThat(four(result.row(2).figures().meanZ())).isEqualByComparingTo("0.5000");
		assertThat(four(result.row(1).figures().normalised())).isEqualByComparingTo("69.7392");
		assertThat(four(result.row(2).figures().normalised())).isEqualByComparingTo("75.3912");
	}

	@Test
	void scoresFarFromTheWorksMedianAreFlagged() {
		// Medians: W1 (71, 80, 83) 80, W2 (65, 72, 99) 72, W3 (63, 80, 87) 80, W4 (57,
		// 71,
		// 72) 71. Gaps above 15: expert 2's 99 on W2 (27), expert 1's 63 on W3 (17);
		// expert
		// 1's 57 on W4 is 14 away and not flagged.
		Result result = ReviewResults.compute(calibrationRound());

		assertThat(result.outliers()).extracting(ScoreFigures::workId, ScoreFigures::expertId)
			.containsExactly(tuple(2L, 2L), tuple(3L, 1L));
		assertThat(result.score(2, 2).gap()).isEqualByComparingTo("27");
		assertThat(result.score(2, 2).median()).isEqualByComparingTo("72");
		assertThat(result.score(3, 1).gap()).isEqualByComparingTo("17");
		assertThat(result.score(4, 1).gap()).isEqualByComparingTo("14");
		assertThat(result.score(4, 1).outlier()).isFalse();
		assertThat(message(ScoreFigures.OUTLIER_KEY, result.score(2, 2).messageArguments(result.outlierThreshold())))
			.isEqualTo("此评分 99.00 与本作品评分的中位数 72.00 相差 27.00 分，超过 15 分，请核查");
	}

	@Test
	void withTwoScoresTheMedianIsTheirMeanAndBothOrNeitherAreFlagged() {
		List<Score> scores = List.of(score(1, 1, "90"), score(1, 2, "60"), score(2, 1, "80"), score(2, 2, "70"));

		Result result = ReviewResults.compute(Request.of(FOUR_WORKS, scores, HUNDRED, BigDecimal.TEN));

		assertThat(result.score(1, 1).median()).isEqualByComparingTo("75");
		assertThat(result.outliers()).extracting(ScoreFigures::workId).containsExactly(1L, 1L);
		assertThat(result.unscored()).containsExactly(3L, 4L);
	}

	@Test
	void theNationalRuleCombinesSixtyPercentExpertsWithFortyPercentVotes() {
		// Normalised basis (see the class comment); votes W1 120, W2 300, W3 200, W4
		// none,
		// so the most-voted W2 gets 100: vote scores 40, 100, 66.6667, 0.
		// W1 0.6 × 83.0667 + 0.4 × 40 = 49.84 + 16 = 65.84
		// W2 0.6 × 77.2 + 0.4 × 100 = 46.32 + 40 = 86.32
		// W3 0.6 × 78.6667 + 0.4 × 66.6667 = 47.2 + 26.6667 = 73.8667
		// W4 0.6 × 61.0667 + 0 = 36.64
		Votes votes = Votes.national(Map.of(1L, 120L, 2L, 300L, 3L, 200L));

		Result result = ReviewResults.compute(calibrationRound().withBasis(Basis.NORMALISED).withVotes(votes));

		assertThat(four(result.row(3).figures().voteScore())).isEqualByComparingTo("66.6667");
		assertThat(result.row(2).figures().voteScore()).isEqualByComparingTo("100");
		assertThat(result.row(4).figures().voteScore()).isEqualByComparingTo("0");
		assertThat(result.row(4).figures().votes()).isZero();
		assertThat(four(result.row(1).figures().expertScore100())).isEqualByComparingTo("83.0667");
		assertThat(four(result.row(1).figures().figure())).isEqualByComparingTo("65.8400");
		assertThat(four(result.row(2).figures().figure())).isEqualByComparingTo("86.3200");
		assertThat(four(result.row(3).figures().figure())).isEqualByComparingTo("73.8667");
		assertThat(four(result.row(4).figures().figure())).isEqualByComparingTo("36.6400");
		assertThat(result.ranking()).extracting(Row::workId).containsExactly(2L, 3L, 1L, 4L);
		assertThat(message(ReviewResults.VOTE_FORMULA_KEY, votes.messageArguments()))
			.startsWith("综合得分 = 专家得分 × 60% + 网络投票得分 × 40%");
	}

	@Test
	void theExpertsPartIsPutOnAHundredPointScaleAndNoVotesAtAllGiveZero() {
		// Scale 50: raw means 40 and 30 become 80 and 60; nobody got a vote, so the
		// vote scores are 0: combined 0.7 × 80 = 56, 0.7 × 60 = 42.
		List<Score> scores = List.of(score(1, 1, "40"), score(2, 1, "30"));

		Result result = ReviewResults.compute(Request.of(FOUR_WORKS, scores, BigDecimal.valueOf(50), BigDecimal.TEN)
			.withVotes(new Votes(Map.of(), 70, 30)));

		assertThat(result.row(1).figures().expertScore100()).isEqualByComparingTo("80");
		assertThat(result.row(1).figures().shown()).isEqualTo(new BigDecimal("56.00"));
		assertThat(result.row(2).figures().shown()).isEqualTo(new BigDecimal("42.00"));
	}

	/**
	 * The tie round: two experts per work, raw means, tie-breaks higher highest criterion
	 * then earlier submission.
	 *
	 * <pre>
	 * work  totals            mean     shown  best-criterion shares  submitted
	 * 10    90, 90            90       90.00  .9, .9                 T0
	 * 11    86, 84            85       85.00  .95, .9  → .925        T0
	 * 12    85, 85            85       85.00  .9, .9   → .9          T0
	 * 13    79.996, 79.996    79.996   80.00  .8, .8                 T0 + 1 h
	 * 14    80.005, 80.003    80.004   80.00  .8, .8                 T0 + 2 h
	 * 15    70, 70            70       70.00  .7, .7                 T0
	 * 16    72, 68            70       70.00  .6, .8   → .7          T0
	 * 17    60, 60            60       60.00  .5, .5                 T0
	 * 18    no score
	 * </pre>
	 *
	 * 11 goes before 12 by the highest criterion. 14 is higher than 13 underneath, but
	 * both show 80.00, so they are tied and 13, submitted earlier, goes first. 15 and 16
	 * are equal on everything and share rank 6; 17 is 8th.
	 */
	private static Request tieRound() {
		List<Work> works = new ArrayList<>();
		for (long id = 10; id <= 18; id++) {
			works.add(new Work(id,
					(id == 13) ? T0.plus(Duration.ofHours(1)) : (id == 14) ? T0.plus(Duration.ofHours(2)) : T0));
		}
		List<Score> scores = List.of(score(10, 1, "90", "0.9"), score(10, 2, "90", "0.9"), score(11, 1, "86", "0.95"),
				score(11, 2, "84", "0.9"), score(12, 1, "85", "0.9"), score(12, 2, "85", "0.9"),
				score(13, 1, "79.996", "0.8"), score(13, 2, "79.996", "0.8"), score(14, 1, "80.005", "0.8"),
				score(14, 2, "80.003", "0.8"), score(15, 1, "70", "0.7"), score(15, 2, "70", "0.7"),
				score(16, 1, "72", "0.6"), score(16, 2, "68", "0.8"), score(17, 1, "60", "0.5"),
				score(17, 2, "60", "0.5"));
		return Request.of(works, scores, HUNDRED, BigDecimal.TEN);
	}

	@Test
	void tiesAreDecidedByTheCampaignsTieBreaksInOrderAndTheRestShareARank() {
		Result result = ReviewResults.compute(tieRound());

		assertThat(result.ranking()).extracting(Row::workId).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L);
		assertThat(result.ranking()).extracting(Row::rank).containsExactly(1, 2, 3, 4, 5, 6, 6, 8);
		assertThat(result.ranking()).extracting(Row::tied)
			.containsExactly(false, false, false, false, false, true, true, false);
		assertThat(result.ranking()).extracting(Row::decidedBy)
			.containsExactly(null, null, TieBreak.HIGHER_HIGHEST_CRITERION, null, TieBreak.EARLIER_SUBMISSION, null,
					null, null);
		assertThat(result.row(11).figures().highestCriterion()).isEqualTo(new BigDecimal("0.9250"));
		assertThat(result.row(14).figures().rawMean()).isEqualByComparingTo("80.004");
		assertThat(result.row(14).figures().shown()).isEqualTo(new BigDecimal("80.00"));
		assertThat(result.unscored()).containsExactly(18L);
		assertThat(message(Row.DECIDED_BY_KEY,
				new Object[] { message(TieBreak.EARLIER_SUBMISSION.messageKey(), new Object[0]) }))
			.isEqualTo("与上一名得分相同，按“提交时间早者优先”排在其后");
	}

	@Test
	void withoutTieBreaksEqualShownFiguresShareTheirRank() {
		Result result = ReviewResults.compute(tieRound().withTieBreaks(List.of()));

		assertThat(result.ranking()).extracting(Row::rank).containsExactly(1, 2, 2, 4, 4, 6, 6, 8);
		assertThat(result.ranking()).extracting(Row::decidedBy).containsOnlyNulls();
	}

	@Test
	void theOrderOfTheTieBreaksCounts() {
		// Submission first: 13 (T0 + 1 h) still precedes 14; the criterion then decides
		// 11 against 12, all submitted at T0.
		Result result = ReviewResults
			.compute(tieRound().withTieBreaks(List.of(TieBreak.EARLIER_SUBMISSION, TieBreak.HIGHER_HIGHEST_CRITERION)));

		assertThat(result.row(12).decidedBy()).isEqualTo(TieBreak.HIGHER_HIGHEST_CRITERION);
		assertThat(result.row(14).decidedBy()).isEqualTo(TieBreak.EARLIER_SUBMISSION);
		assertThat(result.ranking()).extracting(Row::rank).containsExactly(1, 2, 3, 4, 5, 6, 6, 8);
	}

	@Test
	void levelsGoByPlaceAndATieAcrossABoundaryIsLeftToTheAdmin() {
		// FIRST 2, SECOND 4, THIRD 2: places 1–2 FIRST (10, 11), 3–6 SECOND (12, 13, 14,
		// and place 6 …), but 15 and 16 share rank 6 and take places 6 and 7, across
		// SECOND and THIRD: left to the admin. 17 takes place 8, THIRD.
		Result result = ReviewResults.compute(tieRound());

		AwardProposal proposal = ReviewResults.proposeAwards(result,
				List.of(new AwardLevel("FIRST", 2), new AwardLevel("SECOND", 4), new AwardLevel("THIRD", 2)));

		assertThat(proposal.awards()).containsExactly(new Award(10, 1, "FIRST"), new Award(11, 2, "FIRST"),
				new Award(12, 3, "SECOND"), new Award(13, 4, "SECOND"), new Award(14, 5, "SECOND"),
				new Award(17, 8, "THIRD"));
		assertThat(proposal.conflicts())
			.containsExactly(new BoundaryConflict(List.of(15L, 16L), 6, "SECOND", "THIRD", 1));
		assertThat(proposal.levelOf(15)).isNull();
		BoundaryConflict conflict = proposal.conflicts().get(0);
		assertThat(message(conflict.messageKey(), conflict.messageArguments(Map.of("SECOND", "二等奖", "THIRD", "三等奖"))))
			.isEqualTo("第 6 名有 2 件作品并列，而“二等奖”只剩 1 个名额，其余名额属于“三等奖”：请管理员决定这些作品的奖项");
	}

	@Test
	void aTieAcrossTheLastPlaceOfTheLastLevelIsLeftToTheAdminToo() {
		Result result = ReviewResults.compute(tieRound());

		AwardProposal proposal = ReviewResults.proposeAwards(result,
				List.of(new AwardLevel("FIRST", 1), new AwardLevel("SECOND", 2), new AwardLevel("THIRD", 3)));

		assertThat(proposal.awards()).extracting(Award::workId).containsExactly(10L, 11L, 12L, 13L, 14L);
		assertThat(proposal.levelOf(14)).isEqualTo("THIRD");
		assertThat(proposal.levelOf(17)).isNull();
		BoundaryConflict conflict = proposal.conflicts().get(0);
		assertThat(conflict).isEqualTo(new BoundaryConflict(List.of(15L, 16L), 6, "THIRD", null, 1));
		assertThat(message(conflict.messageKey(), conflict.messageArguments(Map.of("THIRD", "三等奖"))))
			.isEqualTo("第 6 名有 2 件作品并列，而“三等奖”只剩 1 个名额，之后不再设奖：请管理员决定这些作品是否获奖");
	}

	@Test
	void aTieInsideOneLevelGetsItAndALevelWithoutPlacesIsSkipped() {
		Result result = ReviewResults.compute(tieRound());

		AwardProposal proposal = ReviewResults.proposeAwards(result,
				List.of(new AwardLevel("FIRST", 1), new AwardLevel("SECOND", 0), new AwardLevel("EXCELLENT", 6)));

		assertThat(proposal.conflicts()).isEmpty();
		assertThat(proposal.awards()).extracting(Award::level)
			.containsExactly("FIRST", "EXCELLENT", "EXCELLENT", "EXCELLENT", "EXCELLENT", "EXCELLENT", "EXCELLENT");
		assertThat(proposal.levelOf(16)).isEqualTo("EXCELLENT");
		assertThat(proposal.levelOf(17)).isNull();
	}

	@Test
	void theFormulaAndTheRankingRuleAreStatedFromTheMessagesFile() {
		assertThat(message(ReviewResults.FORMULA_KEY, new Object[0])).startsWith("标准化得分 = μ + σ × 平均(z)");
		assertThat(message(ReviewResults.RANKING_RULE_KEY, new Object[0])).contains("四舍五入保留两位小数");
		assertThat(message(Row.TIED_KEY, new Object[0])).isEqualTo("并列");
		for (TieBreak tieBreak : TieBreak.values()) {
			assertThat(message(tieBreak.messageKey(), new Object[0])).endsWith("优先");
		}
	}

	@Test
	void refusesBadScores() {
		assertThatIllegalArgumentException().isThrownBy(() -> score(1, 1, "-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> score(1, 1, "80", "1.01"));
		assertThatIllegalArgumentException().isThrownBy(() -> score(1, 1, "80", "-0.1"));
		assertThatIllegalArgumentException().isThrownBy(() -> ReviewResults
			.compute(Request.of(FOUR_WORKS, List.of(score(1, 1, "100.01")), HUNDRED, BigDecimal.TEN)));
		assertThatIllegalArgumentException().isThrownBy(() -> ReviewResults
			.compute(Request.of(FOUR_WORKS, List.of(score(1, 1, "80"), score(1, 1, "70")), HUNDRED, BigDecimal.TEN)));
		assertThatIllegalArgumentException().isThrownBy(() -> ReviewResults
			.compute(Request.of(FOUR_WORKS, List.of(score(9, 1, "80")), HUNDRED, BigDecimal.TEN)));
		assertThatIllegalArgumentException().isThrownBy(() -> ReviewResults
			.compute(Request.of(List.of(new Work(1, T0), new Work(1, T0)), List.of(), HUNDRED, BigDecimal.TEN)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Work(1, null));
	}

	@Test
	void refusesBadSettings() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Request.of(FOUR_WORKS, CALIBRATION_ROUND, BigDecimal.ZERO, BigDecimal.TEN));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Request.of(FOUR_WORKS, CALIBRATION_ROUND, HUNDRED, new BigDecimal("-1")));
		assertThatIllegalArgumentException().isThrownBy(() -> calibrationRound()
			.withTieBreaks(List.of(TieBreak.EARLIER_SUBMISSION, TieBreak.EARLIER_SUBMISSION)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Votes(Map.of(), 60, 30));
		assertThatIllegalArgumentException().isThrownBy(() -> new Votes(Map.of(), 110, -10));
		assertThatIllegalArgumentException().isThrownBy(() -> Votes.national(Map.of(1L, -5L)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReviewResults.compute(calibrationRound().withVotes(Votes.national(Map.of(9L, 5L)))));
		Result result = ReviewResults.compute(calibrationRound());
		assertThatIllegalArgumentException().isThrownBy(() -> new AwardLevel("FIRST", -1));
		assertThatIllegalArgumentException().isThrownBy(() -> new AwardLevel(" ", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> ReviewResults.proposeAwards(result,
				List.of(new AwardLevel("FIRST", 1), new AwardLevel("FIRST", 2))));
	}

	static Score score(long work, long expert, String total) {
		return score(work, expert, total, "0.9");
	}

	static Score score(long work, long expert, String total, String highestCriterion) {
		return new Score(work, expert, new BigDecimal(total), new BigDecimal(highestCriterion));
	}

	private static BigDecimal four(BigDecimal value) {
		return value.setScale(4, RoundingMode.HALF_UP);
	}

	/** A text as users read it, through the real messages file. */
	static String message(String key, Object[] arguments) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages-review");
		messages.setDefaultEncoding("UTF-8");
		return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
	}

}
