package cn.zhengji.review;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Properties of the results over random rounds (3–30 works, 2–12 experts, 1–5 experts per
 * work, some works unscored, totals on a 1000-point scale between 200 and 800, often from
 * a coarse grid so that ties happen, some vote columns), each drawn from its seed like
 * {@link ExpertAssignmentPropertyTest}.
 *
 * <p>
 * Bias removal is stated on the standing of each work (its mean z) and on each z value:
 * shifting or stretching one expert's scores leaves them unchanged up to 1e-9. The
 * normalised figure itself, {@code μ + σ · mean z}, moves with the round's {@code μ} and
 * {@code σ}, which include that expert's scores; so for it the property is that it stays
 * the same affine image of the standing: {@code (normalised − μ) / σ} is unchanged.
 */
class ReviewResultsPropertyTest {

	private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");

	private static final BigDecimal SCALE_MAXIMUM = BigDecimal.valueOf(1000);

	private static final Instant T0 = Instant.parse("2025-03-01T02:00:00Z");

	static LongStream seeds() {
		return LongStream.range(1, 301);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void shiftingOneExpertsScoresChangesNoStanding(long seed) {
		Request request = round(seed);
		Random random = new Random(seed * 31);
		long expert = someExpert(request, random);
		BigDecimal shift = BigDecimal.valueOf(random.nextInt(-150, 151));

		assertSameStanding(request, changeExpert(request, expert, (total) -> total.add(shift)));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void stretchingOneExpertsScoresChangesNoStanding(long seed) {
		Request request = round(seed);
		Random random = new Random(seed * 37);
		long expert = someExpert(request, random);
		BigDecimal factor = List
			.of(new BigDecimal("0.3"), new BigDecimal("0.75"), new BigDecimal("1.1"), new BigDecimal("1.25"))
			.get(random.nextInt(4));

		assertSameStanding(request, changeExpert(request, expert, (total) -> total.multiply(factor)));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theRankingListsEachScoredWorkOnceAndTheOthersAsUnscored(long seed) {
		Request request = round(seed);
		Result result = ReviewResults.compute(request);

		Set<Long> scored = new TreeSet<>();
		request.scores().forEach((score) -> scored.add(score.workId()));
		List<Long> ranked = result.ranking().stream().map(Row::workId).toList();
		assertThat(ranked).doesNotHaveDuplicates();
		assertThat(new TreeSet<>(ranked)).isEqualTo(scored);
		List<Long> unscored = request.works()
			.stream()
			.map(Work::workId)
			.filter((id) -> !scored.contains(id))
			.sorted()
			.toList();
		assertThat(result.unscored()).isEqualTo(unscored);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void ranksFollowTheShownFiguresAndTheTieBreaks(long seed) {
		Request request = round(seed);
		Result result = ReviewResults.compute(request);
		List<Row> rows = result.ranking();
		if (rows.isEmpty()) {
			return;
		}

		assertThat(rows.get(0).rank()).isEqualTo(1);
		assertThat(rows.get(0).decidedBy()).isNull();
		for (int i = 1; i < rows.size(); i++) {
			Row above = rows.get(i - 1);
			Row row = rows.get(i);
			assertThat(row.rank()).isGreaterThanOrEqualTo(above.rank());
			int figures = above.figures().shown().compareTo(row.figures().shown());
			assertThat(figures).as("row %d shown no higher than the row above", i).isGreaterThanOrEqualTo(0);
			boolean equalKeys = figures == 0
					&& request.tieBreaks().stream().allMatch((t) -> t.compare(above.figures(), row.figures()) == 0);
			if (row.rank() == above.rank()) {
				assertThat(equalKeys).as("tied rows have equal figures and keys").isTrue();
				assertThat(row.tied()).isTrue();
				assertThat(above.tied()).isTrue();
				assertThat(row.decidedBy()).isNull();
			}
			else {
				assertThat(row.rank()).as("competition ranking").isEqualTo(i + 1);
				assertThat(equalKeys).isFalse();
				if (figures == 0) {
					TieBreak first = request.tieBreaks()
						.stream()
						.filter((t) -> t.compare(above.figures(), row.figures()) != 0)
						.findFirst()
						.orElseThrow();
					assertThat(first.compare(above.figures(), row.figures())).isNegative();
					assertThat(row.decidedBy()).isEqualTo(first);
				}
				else {
					assertThat(row.decidedBy()).isNull();
				}
			}
		}
		Map<Integer, Integer> sizes = new HashMap<>();
		rows.forEach((row) -> sizes.merge(row.rank(), 1, Integer::sum));
		rows.forEach((row) -> assertThat(row.tied()).isEqualTo(sizes.get(row.rank()) > 1));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void rawMeansAndOutliersMatchAStraightforwardComputation(long seed) {
		Request request = round(seed);
		Result result = ReviewResults.compute(request);

		Map<Long, List<BigDecimal>> totals = new HashMap<>();
		request.scores()
			.forEach((score) -> totals.computeIfAbsent(score.workId(), (w) -> new ArrayList<>()).add(score.total()));
		totals.forEach((work, values) -> {
			BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal mean = sum.divide(BigDecimal.valueOf(values.size()), 20, RoundingMode.HALF_UP);
			assertThat(result.row(work).figures().rawMean()).isCloseTo(mean, within(TOLERANCE));
			assertThat(result.row(work).figures().scoreCount()).isEqualTo(values.size());
			double[] sorted = values.stream().mapToDouble(BigDecimal::doubleValue).sorted().toArray();
			double median = (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
					: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
			for (Score score : request.scores()) {
				if (score.workId() == work) {
					double gap = Math.abs(score.total().doubleValue() - median);
					ScoreFigures figures = result.score(work, score.expertId());
					assertThat(figures.gap().doubleValue()).isCloseTo(gap, within(1e-9));
					assertThat(figures.outlier()).isEqualTo(gap > request.outlierThreshold().doubleValue());
				}
			}
		});
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theSameRoundInAnyOrderGivesTheSameResult(long seed) {
		Request request = round(seed);
		List<Score> shuffled = new ArrayList<>(request.scores());
		Collections.shuffle(shuffled, new Random(seed));
		List<Work> works = new ArrayList<>(request.works());
		Collections.shuffle(works, new Random(seed + 1));

		Request reordered = new Request(works, shuffled, request.scaleMaximum(), request.outlierThreshold(),
				request.basis(), request.tieBreaks(), request.votes());

		assertThat(ReviewResults.compute(reordered)).isEqualTo(ReviewResults.compute(request));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void votesAreScaledToTheMostVotedWork(long seed) {
		Request request = round(seed);
		if (request.votes() == null) {
			return;
		}
		Result result = ReviewResults.compute(request);
		long max = result.ranking().stream().mapToLong((row) -> row.figures().votes()).max().orElse(0);

		for (Row row : result.ranking()) {
			BigDecimal voteScore = row.figures().voteScore();
			assertThat(voteScore).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
			assertThat(voteScore.compareTo(BigDecimal.valueOf(100)) == 0)
				.isEqualTo(max > 0 && row.figures().votes() == max);
			BigDecimal expected = row.figures()
				.expertScore100()
				.multiply(BigDecimal.valueOf(request.votes().expertPercent()))
				.add(voteScore.multiply(BigDecimal.valueOf(request.votes().votePercent())))
				.divide(BigDecimal.valueOf(100));
			assertThat(row.figures().figure()).isCloseTo(expected, within(TOLERANCE));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void awardsNeverSplitATieNorExceedALevelsPlaces(long seed) {
		Request request = round(seed);
		Result result = ReviewResults.compute(request);
		Random random = new Random(seed * 41);
		List<AwardLevel> levels = List.of(new AwardLevel("FIRST", random.nextInt(0, 3)),
				new AwardLevel("SECOND", random.nextInt(0, 5)), new AwardLevel("THIRD", random.nextInt(0, 7)));

		AwardProposal proposal = ReviewResults.proposeAwards(result, levels);

		Map<Integer, Set<String>> outcomeByRank = new HashMap<>();
		Set<Long> seen = new HashSet<>();
		for (Award award : proposal.awards()) {
			assertThat(seen.add(award.workId())).isTrue();
			assertThat(award.rank()).isEqualTo(result.row(award.workId()).rank());
			outcomeByRank.computeIfAbsent(award.rank(), (r) -> new HashSet<>()).add(award.level());
		}
		for (BoundaryConflict conflict : proposal.conflicts()) {
			assertThat(conflict.upperLevel()).isNotEqualTo(conflict.lowerLevel());
			List<Long> group = result.ranking()
				.stream()
				.filter((row) -> row.rank() == conflict.rank())
				.map(Row::workId)
				.toList();
			assertThat(conflict.workIds()).isEqualTo(group);
			conflict.workIds().forEach((work) -> assertThat(seen.add(work)).isTrue());
			outcomeByRank.computeIfAbsent(conflict.rank(), (r) -> new HashSet<>()).add("CONFLICT");
		}
		for (Row row : result.ranking()) {
			if (!seen.contains(row.workId())) {
				outcomeByRank.computeIfAbsent(row.rank(), (r) -> new HashSet<>()).add("NONE");
			}
		}
		outcomeByRank.forEach((rank, outcomes) -> assertThat(outcomes).as("rank %d", rank).hasSize(1));
		for (AwardLevel level : levels) {
			long awarded = proposal.awards().stream().filter((award) -> award.level().equals(level.code())).count();
			assertThat(awarded).isLessThanOrEqualTo(level.count());
		}
	}

	/**
	 * The random rounds do reach the cases the properties are about: shared ranks, rows
	 * placed by a tie-break, outliers, ties across an award boundary.
	 */
	@Test
	void theRoundsExerciseTiesOutliersAndBoundaries() {
		int shared = 0;
		int decided = 0;
		int outliers = 0;
		int conflicts = 0;
		for (long seed : seeds().toArray()) {
			Result result = ReviewResults.compute(round(seed));
			shared += (int) result.ranking().stream().filter(Row::tied).count();
			decided += (int) result.ranking().stream().filter((row) -> row.decidedBy() != null).count();
			outliers += result.outliers().size();
			conflicts += ReviewResults
				.proposeAwards(result,
						List.of(new AwardLevel("FIRST", 1), new AwardLevel("SECOND", 3), new AwardLevel("THIRD", 5)))
				.conflicts()
				.size();
		}
		assertThat(shared).isGreaterThan(100);
		assertThat(decided).isGreaterThan(100);
		assertThat(outliers).isGreaterThan(100);
		assertThat(conflicts).isGreaterThan(20);
	}

	private static void assertSameStanding(Request request, Request changed) {
		for (Basis basis : Basis.values()) {
			Result before = ReviewResults.compute(request.withBasis(basis));
			Result after = ReviewResults.compute(changed.withBasis(basis));
			for (Row row : before.ranking()) {
				Row moved = after.row(row.workId());
				assertThat(moved.figures().meanZ()).as("work %d", row.workId())
					.isCloseTo(row.figures().meanZ(), within(TOLERANCE));
				if (before.roundDeviation().signum() > 0 && after.roundDeviation().signum() > 0) {
					assertThat(standing(moved, after)).isCloseTo(standing(row, before), within(TOLERANCE));
				}
			}
			for (ScoreFigures score : before.scores()) {
				assertThat(after.score(score.workId(), score.expertId()).z()).isCloseTo(score.z(), within(TOLERANCE));
			}
		}
	}

	private static BigDecimal standing(Row row, Result result) {
		return row.figures()
			.normalised()
			.subtract(result.roundMean())
			.divide(result.roundDeviation(), MathContext.DECIMAL64);
	}

	private static long someExpert(Request request, Random random) {
		List<Long> experts = request.scores().stream().map(Score::expertId).distinct().sorted().toList();
		return experts.get(random.nextInt(experts.size()));
	}

	private static Request changeExpert(Request request, long expert, UnaryOperator<BigDecimal> change) {
		List<Score> scores = request.scores()
			.stream()
			.map((score) -> (score.expertId() != expert) ? score
					: new Score(score.workId(), score.expertId(), change.apply(score.total()),
							score.highestCriterion()))
			.toList();
		return request.withScores(scores);
	}

	/** A random round; seeds divisible by 3 have a vote column. */
	static Request round(long seed) {
		Random random = new Random(seed);
		int workCount = random.nextInt(3, 31);
		int expertCount = random.nextInt(2, 13);
		int k = random.nextInt(1, Math.min(5, expertCount) + 1);
		boolean coarse = random.nextBoolean();
		List<Work> works = new ArrayList<>();
		List<Score> scores = new ArrayList<>();
		Map<Long, Long> votes = new HashMap<>();
		List<Long> experts = new ArrayList<>();
		for (long e = 1; e <= expertCount; e++) {
			experts.add(100 + e);
		}
		for (long w = 1; w <= workCount; w++) {
			works.add(new Work(w, T0.plus(Duration.ofMinutes(random.nextInt(0, 4)))));
			if (random.nextInt(10) == 0) {
				continue;
			}
			Collections.shuffle(experts, random);
			for (long expert : experts.subList(0, k)) {
				BigDecimal total = coarse ? BigDecimal.valueOf(random.nextInt(60, 66) * 10L)
						: BigDecimal.valueOf(random.nextInt(20_000, 80_001), 2);
				BigDecimal share = BigDecimal.valueOf(random.nextInt(coarse ? 8 : 0, 11), 1);
				scores.add(new Score(w, expert, total, share));
			}
			if (random.nextInt(4) != 0) {
				votes.put(w, (long) random.nextInt(0, coarse ? 3 : 5000));
			}
		}
		List<TieBreak> tieBreaks = new ArrayList<>(List.of(TieBreak.values()));
		Collections.shuffle(tieBreaks, random);
		Request request = new Request(works, scores, SCALE_MAXIMUM, BigDecimal.valueOf(random.nextInt(20, 200)),
				random.nextBoolean() ? Basis.RAW_MEAN : Basis.NORMALISED,
				tieBreaks.subList(0, random.nextInt(tieBreaks.size() + 1)), null);
		return (seed % 3 == 0) ? request.withVotes(new Votes(votes, 60, 40)) : request;
	}

}
