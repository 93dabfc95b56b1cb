package cn.zhengji.review;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Issue 12 items 6 and 7: the results of one round of one category — raw means,
 * per-expert z-score normalisation, outlier flags, the ranking with its tie-breaks, the
 * optional combination with a public vote — and a proposal of award levels down that
 * ranking. Plain Java like {@link ExpertAssignment}: the caller loads the scores and the
 * campaign's settings and stores or shows the result.
 *
 * <h2>Figures per work</h2>
 * <ul>
 * <li><b>Raw mean</b>: the arithmetic mean of the totals its experts gave.</li>
 * <li><b>Normalised</b>: each score becomes a z-score against the expert who gave it,
 * {@code z = (x − μₑ) / σₑ}, with {@code μₑ} and {@code σₑ} the mean and
 * <em>population</em> standard deviation of all totals that expert gave in the round. A
 * harsh expert (low {@code μₑ}) or one who hardly separates the works (small {@code σₑ})
 * then weighs like any other: what counts is where the expert placed a work among the
 * works they saw. The work's figure is {@code μ + σ · mean(z)}, {@code μ} and {@code σ}
 * the mean and population standard deviation of all scores of the round, so that it reads
 * on the rubric's scale like a raw score (it may, in extreme rounds, fall outside
 * 0..scale maximum). Shifting or stretching one expert's scores leaves every z and every
 * work's mean z unchanged; the figure itself moves with the round's μ and σ, which
 * include that expert's scores, but all works move alike (one increasing affine map), so
 * their order and relative distances stay. An expert with fewer than two scores, or who
 * gave every work the same total, has nothing to calibrate against: their scores count as
 * z = 0, an average opinion, rather than being dropped, so the work keeps its count of
 * experts. The formula is stated to users by {@link #FORMULA_KEY}.</li>
 * <li><b>Outliers</b>: a score is flagged when it differs from the median of that work's
 * scores by more than the campaign's threshold (points on the rubric scale). The median,
 * not the mean, because with three experts one wild score drags the mean towards itself
 * and would hide; with two scores the median is their mean and both or neither are
 * flagged. Flags only inform the admin; they change no figure.</li>
 * <li><b>Public vote</b> (only when {@link Request#votes()} is given):
 * {@code expertScore100 = 100 × basisScore / scaleMaximum},
 * {@code voteScore = 100 × votes / maxVotes} with {@code maxVotes} the largest count
 * among the ranked (scored) works — a work without a count has 0, and every vote score is
 * 0 when nobody got a vote — and
 * {@code combined = (expertPercent × expertScore100 + votePercent ×
 * voteScore) / 100}. The national rule is 60 % experts, 40 % votes
 * ({@link Votes#national(Map)}).</li>
 * </ul>
 *
 * <h2>Ranking</h2> Works are ranked by their figure (combined with a vote column, the
 * basis score otherwise) <em>as shown</em>: rounded half-up to two decimals. Two works
 * the page shows as 80.00 are tied even if one is 80.004 and the other 79.996 underneath;
 * otherwise the page would show two equal figures in an order nobody can explain. The
 * campaign's tie-breaks then decide in their order ({@link TieBreak}); each row says
 * which one placed it below the row above ({@link Row#decidedBy()}), so that the page can
 * state it. Works still equal after every tie-break share a rank, standard competition
 * ranking (1, 2, 2, 4), and are listed among themselves by work id, which means nothing
 * and is only there to make the listing stable. Works without any score are not ranked.
 *
 * <h2>Award proposal</h2> {@link #proposeAwards(Result, List)} hands out the campaign's
 * levels by <em>place</em>: with FIRST 2, SECOND 4, places 1–2 are FIRST and 3–6 SECOND,
 * and tied works occupy as many places as they are (a tie for 2nd takes places 2 and 3).
 * A tied group whose places straddle the end of a level is not split by work id or any
 * other silent rule: it is reported as a {@link BoundaryConflict} and left without a
 * proposal for the admin to decide (give all of them the higher level, or all the lower).
 * Because levels go by place, that decision does not move anyone else, so the proposal
 * carries on below the group.
 *
 * <h2>Arithmetic</h2> {@link BigDecimal} with {@link MathContext#DECIMAL64} for every
 * division, product and square root; sums of the input totals are exact. Rubric totals
 * are decimals, so raw means that end at the third decimal are exact and round half-up
 * the way a person rounds them by hand — with doubles, 80.125 would be 80.12499… and show
 * as 80.12. Scores are processed in (work, expert) order, so the same round gives the
 * same figures whatever the order of the input.
 */
public final class ReviewResults {

	/** The normalisation formula as the results page states it. */
	public static final String FORMULA_KEY = "review.results.formula";

	/**
	 * The combination with the public vote, with arguments expert percent and vote
	 * percent ({@link Votes#messageArguments()}).
	 */
	public static final String VOTE_FORMULA_KEY = "review.results.voteFormula";

	/** How figures are compared: rounded to two decimals, then the tie-breaks. */
	public static final String RANKING_RULE_KEY = "review.results.rankingRule";

	private static final MathContext MC = MathContext.DECIMAL64;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	/** Decimals of every figure as the page shows it, and as the ranking compares it. */
	public static final int SHOWN_SCALE = 2;

	/**
	 * Decimals of the highest-criterion share as shown (a percentage with 2 decimals).
	 */
	public static final int SHARE_SCALE = 4;

	private ReviewResults() {
	}

	/**
	 * Computes the figures and the ranking of one round of one category.
	 * @param request the works, their scores and the campaign's settings
	 * @return figures per work and per expert, the ranking, the outliers
	 * @throws IllegalArgumentException for a score outside 0..scale maximum, a duplicate
	 * (work, expert) pair, a score or vote for a work not in the request
	 */
	public static Result compute(Request request) {
		return new Computation(request).run();
	}

	/**
	 * Proposes award levels down the ranking, by place (see the class comment).
	 * @param result the ranking
	 * @param levels the campaign's levels, best first, with the number of works each
	 * @return the proposed level of each work that gets one, and the tied groups left to
	 * the admin
	 * @throws IllegalArgumentException for a negative count or a repeated code
	 */
	public static AwardProposal proposeAwards(Result result, List<AwardLevel> levels) {
		Set<String> codes = new HashSet<>();
		for (AwardLevel level : levels) {
			if (!codes.add(level.code())) {
				throw new IllegalArgumentException("award level " + level.code() + " is listed twice");
			}
		}
		// The level of each place, 1-based: places[p - 1], null past the last level.
		List<String> places = new ArrayList<>();
		levels.forEach((level) -> places.addAll(Collections.nCopies(level.count(), level.code())));
		List<Award> awards = new ArrayList<>();
		List<BoundaryConflict> conflicts = new ArrayList<>();
		List<Row> ranking = result.ranking();
		int start = 0;
		while (start < ranking.size()) {
			int end = start + 1;
			while (end < ranking.size() && ranking.get(end).rank() == ranking.get(start).rank()) {
				end++;
			}
			String first = levelAt(places, start);
			String last = levelAt(places, end - 1);
			List<Row> group = ranking.subList(start, end);
			if (Objects.equals(first, last)) {
				if (first != null) {
					group.forEach((row) -> awards.add(new Award(row.workId(), row.rank(), first)));
				}
			}
			else {
				int placesLeft = (int) places.subList(start, Math.min(end, places.size()))
					.stream()
					.filter(first::equals)
					.count();
				conflicts.add(new BoundaryConflict(group.stream().map(Row::workId).toList(), group.get(0).rank(), first,
						last, placesLeft));
			}
			start = end;
		}
		return new AwardProposal(awards, conflicts);
	}

	private static String levelAt(List<String> places, int index) {
		return (index < places.size()) ? places.get(index) : null;
	}

	/**
	 * A work of the category in this round.
	 *
	 * @param workId the work's id
	 * @param submittedAt when it was submitted (the earlier-submission tie-break)
	 */
	public record Work(long workId, Instant submittedAt) {

		public Work {
			if (submittedAt == null) {
				throw new IllegalArgumentException("work " + workId + " has no submission time");
			}
		}

	}

	/**
	 * One expert's score of one work.
	 *
	 * @param workId the work
	 * @param expertId the expert
	 * @param total the weighted rubric total, on the rubric's scale (0..scale maximum)
	 * @param highestCriterion the best single criterion this expert gave the work, as a
	 * share of that criterion's own maximum (0..1): criteria weigh differently (a
	 * 30-point criterion against a 10-point one), and only shares compare across them
	 */
	public record Score(long workId, long expertId, BigDecimal total, BigDecimal highestCriterion) {

		public Score {
			if (total == null || total.signum() < 0) {
				throw new IllegalArgumentException("score of expert " + expertId + " on work " + workId
						+ " must be a non-negative number: " + total);
			}
			if (highestCriterion == null || highestCriterion.signum() < 0
					|| highestCriterion.compareTo(BigDecimal.ONE) > 0) {
				throw new IllegalArgumentException("highest criterion of expert " + expertId + " on work " + workId
						+ " must be a share between 0 and 1: " + highestCriterion);
			}
		}

	}

	/** Which figure ranks the works (and, with votes, counts as the experts' part). */
	public enum Basis {

		/** The mean of the experts' totals as given. */
		RAW_MEAN,

		/** The z-score normalised figure (see the class comment). */
		NORMALISED

	}

	/**
	 * What decides between works whose figures are shown equal, in the campaign's order.
	 * Each names its message key, for the "并列时按…" text beside the ranking.
	 */
	public enum TieBreak {

		/**
		 * The higher mean, over the work's experts, of the best criterion share each gave
		 * (compared as shown, to {@link #SHARE_SCALE} decimals): the work that excels at
		 * something goes first.
		 */
		HIGHER_HIGHEST_CRITERION("review.results.tieBreak.highestCriterion"),

		/** The earlier submission. */
		EARLIER_SUBMISSION("review.results.tieBreak.earlierSubmission"),

		/**
		 * The higher experts' figure (the basis score, as shown); with a vote column this
		 * prefers the experts' judgement over popularity, without one it never decides.
		 */
		HIGHER_EXPERT_SCORE("review.results.tieBreak.expertScore"),

		/** More public votes; never decides without a vote column. */
		MORE_VOTES("review.results.tieBreak.moreVotes");

		private final String messageKey;

		TieBreak(String messageKey) {
			this.messageKey = messageKey;
		}

		/** Its name as users read it: this key in messages-review.properties. */
		public String messageKey() {
			return this.messageKey;
		}

		/** Negative when {@code a} goes first. */
		int compare(WorkFigures a, WorkFigures b) {
			return switch (this) {
				case HIGHER_HIGHEST_CRITERION -> b.highestCriterion().compareTo(a.highestCriterion());
				case EARLIER_SUBMISSION -> a.submittedAt().compareTo(b.submittedAt());
				case HIGHER_EXPERT_SCORE -> shown(b.expertScore()).compareTo(shown(a.expertScore()));
				case MORE_VOTES -> Long.compare(b.votes(), a.votes());
			};
		}

	}

	/**
	 * A public vote column and its weight.
	 *
	 * @param counts votes per work id; a work not in the map has none
	 * @param expertPercent the experts' weight in whole percent
	 * @param votePercent the vote's weight; the two add up to 100
	 */
	public record Votes(Map<Long, Long> counts, int expertPercent, int votePercent) {

		public Votes {
			if (expertPercent < 0 || votePercent < 0 || expertPercent + votePercent != 100) {
				throw new IllegalArgumentException("expert and vote percent must be non-negative and add up to 100: "
						+ expertPercent + " + " + votePercent);
			}
			counts.forEach((work, count) -> {
				if (count == null || count < 0) {
					throw new IllegalArgumentException("votes of work " + work + " must be non-negative: " + count);
				}
			});
			counts = Map.copyOf(counts);
		}

		/** The national rule: experts 60 %, online vote 40 %. */
		public static Votes national(Map<Long, Long> counts) {
			return new Votes(counts, 60, 40);
		}

		/** The arguments of {@link ReviewResults#VOTE_FORMULA_KEY}. */
		public Object[] messageArguments() {
			return new Object[] { this.expertPercent, this.votePercent };
		}

		long of(long workId) {
			return this.counts.getOrDefault(workId, 0L);
		}

	}

	/**
	 * One round of one category.
	 *
	 * @param works the works of the category
	 * @param scores every score given in the round
	 * @param scaleMaximum the rubric's maximum total, e.g. 100
	 * @param outlierThreshold how far, in points, a score may lie from the work's median
	 * before it is flagged
	 * @param basis which figure ranks
	 * @param tieBreaks the campaign's tie-breaks, in order, each at most once
	 * @param votes the public vote column, or {@code null} when the campaign has none
	 */
	public record Request(List<Work> works, List<Score> scores, BigDecimal scaleMaximum, BigDecimal outlierThreshold,
			Basis basis, List<TieBreak> tieBreaks, Votes votes) {

		public Request {
			if (scaleMaximum == null || scaleMaximum.signum() <= 0) {
				throw new IllegalArgumentException("scale maximum must be positive: " + scaleMaximum);
			}
			if (outlierThreshold == null || outlierThreshold.signum() < 0) {
				throw new IllegalArgumentException("outlier threshold must be non-negative: " + outlierThreshold);
			}
			if (basis == null) {
				throw new IllegalArgumentException("no basis");
			}
			works = List.copyOf(works);
			scores = List.copyOf(scores);
			tieBreaks = List.copyOf(tieBreaks);
			if (new HashSet<>(tieBreaks).size() != tieBreaks.size()) {
				throw new IllegalArgumentException("a tie-break is listed twice: " + tieBreaks);
			}
		}

		/**
		 * Ranks by the raw mean, then the higher highest criterion, then the earlier
		 * submission; no vote.
		 */
		public static Request of(Collection<Work> works, Collection<Score> scores, BigDecimal scaleMaximum,
				BigDecimal outlierThreshold) {
			return new Request(List.copyOf(works), List.copyOf(scores), scaleMaximum, outlierThreshold, Basis.RAW_MEAN,
					List.of(TieBreak.HIGHER_HIGHEST_CRITERION, TieBreak.EARLIER_SUBMISSION), null);
		}

		public Request withBasis(Basis basis) {
			return new Request(this.works, this.scores, this.scaleMaximum, this.outlierThreshold, basis, this.tieBreaks,
					this.votes);
		}

		public Request withTieBreaks(List<TieBreak> tieBreaks) {
			return new Request(this.works, this.scores, this.scaleMaximum, this.outlierThreshold, this.basis, tieBreaks,
					this.votes);
		}

		public Request withVotes(Votes votes) {
			return new Request(this.works, this.scores, this.scaleMaximum, this.outlierThreshold, this.basis,
					this.tieBreaks, votes);
		}

		public Request withScores(Collection<Score> scores) {
			return new Request(this.works, List.copyOf(scores), this.scaleMaximum, this.outlierThreshold, this.basis,
					this.tieBreaks, this.votes);
		}

	}

	/**
	 * The figures of one scored work, unrounded (DECIMAL64) except where said.
	 *
	 * @param workId the work
	 * @param submittedAt its submission time
	 * @param scoreCount how many experts scored it
	 * @param rawMean the mean of its totals
	 * @param meanZ the mean of its scores' z values: where the experts placed it
	 * @param normalised {@code μ + σ · meanZ}
	 * @param expertScore the basis score: {@code rawMean} or {@code normalised}
	 * @param highestCriterion the mean of the experts' best criterion shares, rounded to
	 * {@link #SHARE_SCALE} decimals
	 * @param votes its public votes (0 without a vote column)
	 * @param expertScore100 the basis score on a 0..100 scale, or {@code null} without a
	 * vote column
	 * @param voteScore {@code 100 × votes / maxVotes}, or {@code null} without a vote
	 * column
	 * @param figure what ranks: the combined score with a vote column, the basis score
	 * otherwise
	 * @param shown {@code figure} rounded half-up to {@link #SHOWN_SCALE} decimals: what
	 * the page shows and the ranking compares
	 */
	public record WorkFigures(long workId, Instant submittedAt, int scoreCount, BigDecimal rawMean, BigDecimal meanZ,
			BigDecimal normalised, BigDecimal expertScore, BigDecimal highestCriterion, long votes,
			BigDecimal expertScore100, BigDecimal voteScore, BigDecimal figure, BigDecimal shown) {
	}

	/**
	 * One line of the ranking.
	 *
	 * @param rank 1-based, shared by tied works (1, 2, 2, 4)
	 * @param tied whether another work has the same rank
	 * @param decidedBy the tie-break that placed this work below the row above, or
	 * {@code null} when the figures differ (or for the first row, or a tied row)
	 * @param figures the work's figures
	 */
	public record Row(int rank, boolean tied, TieBreak decidedBy, WorkFigures figures) {

		/**
		 * The note beside a row placed by a tie-break; its argument is the tie-break's
		 * name ({@link TieBreak#messageKey()}).
		 */
		public static final String DECIDED_BY_KEY = "review.results.decidedBy";

		/** The mark of a tied row. */
		public static final String TIED_KEY = "review.results.tied";

		public long workId() {
			return this.figures.workId();
		}

	}

	/**
	 * How one expert's scores were calibrated.
	 *
	 * @param expertId the expert
	 * @param scoreCount the scores they gave in the round
	 * @param mean {@code μₑ}
	 * @param deviation {@code σₑ}, the population standard deviation
	 * @param calibrated false when they gave fewer than two scores or all equal: then
	 * each of their scores counts as z = 0
	 */
	public record ExpertCalibration(long expertId, int scoreCount, BigDecimal mean, BigDecimal deviation,
			boolean calibrated) {
	}

	/**
	 * One score with its standing.
	 *
	 * @param workId the work
	 * @param expertId the expert
	 * @param total the total given
	 * @param z its z value against the expert's other scores
	 * @param median the median of the work's totals
	 * @param gap {@code |total − median|}
	 * @param outlier whether the gap exceeds the threshold
	 */
	public record ScoreFigures(long workId, long expertId, BigDecimal total, BigDecimal z, BigDecimal median,
			BigDecimal gap, boolean outlier) {

		/** The flag beside an outlier, as admins read it: this key … */
		public static final String OUTLIER_KEY = "review.results.outlier";

		/**
		 * … with these arguments: the total, the median and the gap as shown, the
		 * threshold.
		 */
		public Object[] messageArguments(BigDecimal threshold) {
			return new Object[] { shown(this.total).toPlainString(), shown(this.median).toPlainString(),
					shown(this.gap).toPlainString(), threshold.stripTrailingZeros().toPlainString() };
		}

	}

	/**
	 * The results of a round.
	 *
	 * @param ranking the scored works, best first
	 * @param unscored works without a score, by id: not ranked
	 * @param experts every expert who scored, by id
	 * @param scores every score, by work and expert
	 * @param roundMean {@code μ}, the mean of all scores
	 * @param roundDeviation {@code σ}, their population standard deviation
	 * @param outlierThreshold the threshold used
	 */
	public record Result(List<Row> ranking, List<Long> unscored, List<ExpertCalibration> experts,
			List<ScoreFigures> scores, BigDecimal roundMean, BigDecimal roundDeviation, BigDecimal outlierThreshold) {

		public Row row(long workId) {
			return this.ranking.stream()
				.filter((row) -> row.workId() == workId)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("work " + workId + " is not ranked"));
		}

		public ExpertCalibration expert(long expertId) {
			return this.experts.stream()
				.filter((expert) -> expert.expertId() == expertId)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("expert " + expertId + " gave no score"));
		}

		public ScoreFigures score(long workId, long expertId) {
			return this.scores.stream()
				.filter((score) -> score.workId() == workId && score.expertId() == expertId)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no score of " + expertId + " on " + workId));
		}

		/** The flagged scores, by work and expert. */
		public List<ScoreFigures> outliers() {
			return this.scores.stream().filter(ScoreFigures::outlier).toList();
		}

	}

	/**
	 * An award level of the campaign.
	 *
	 * @param code the level's code, e.g. FIRST (its name is campaign data)
	 * @param count how many works it goes to
	 */
	public record AwardLevel(String code, int count) {

		public AwardLevel {
			if (code == null || code.isBlank()) {
				throw new IllegalArgumentException("award level without a code");
			}
			if (count < 0) {
				throw new IllegalArgumentException("award level " + code + " has a negative count: " + count);
			}
		}

	}

	/** A proposed level for one work. */
	public record Award(long workId, int rank, String level) {
	}

	/**
	 * Tied works whose places straddle the end of a level: left to the admin.
	 *
	 * @param workIds the tied works, as listed in the ranking
	 * @param rank their shared rank
	 * @param upperLevel the level of their first place
	 * @param lowerLevel the level of their last place, or {@code null} when it is past
	 * the last level (no award)
	 * @param placesLeft how many places of {@code upperLevel} the group covers
	 */
	public record BoundaryConflict(List<Long> workIds, int rank, String upperLevel, String lowerLevel, int placesLeft) {

		/** The note for the admin when the lower side is another level … */
		public static final String MESSAGE_KEY = "review.results.award.boundary";

		/** … and when it is no award. */
		public static final String LAST_LEVEL_MESSAGE_KEY = "review.results.award.boundaryLast";

		public String messageKey() {
			return (this.lowerLevel != null) ? MESSAGE_KEY : LAST_LEVEL_MESSAGE_KEY;
		}

		/**
		 * The arguments: rank, number of works, upper level's name, places left, lower
		 * level's name (absent for the last level).
		 * @param levelNames the campaign's name of each level code
		 */
		public Object[] messageArguments(Map<String, String> levelNames) {
			String upper = levelNames.getOrDefault(this.upperLevel, this.upperLevel);
			if (this.lowerLevel == null) {
				return new Object[] { this.rank, this.workIds.size(), upper, this.placesLeft };
			}
			return new Object[] { this.rank, this.workIds.size(), upper, this.placesLeft,
					levelNames.getOrDefault(this.lowerLevel, this.lowerLevel) };
		}

	}

	/**
	 * The proposal.
	 *
	 * @param awards the works with a proposed level, in ranking order
	 * @param conflicts tied groups straddling a level boundary, left without a proposal
	 */
	public record AwardProposal(List<Award> awards, List<BoundaryConflict> conflicts) {

		public AwardProposal {
			awards = List.copyOf(awards);
			conflicts = List.copyOf(conflicts);
		}

		/**
		 * The proposed level of a work, or {@code null} for none or left to the admin.
		 */
		public String levelOf(long workId) {
			return this.awards.stream()
				.filter((award) -> award.workId() == workId)
				.map(Award::level)
				.findFirst()
				.orElse(null);
		}

	}

	static BigDecimal shown(BigDecimal value) {
		return value.setScale(SHOWN_SCALE, RoundingMode.HALF_UP);
	}

	private static BigDecimal mean(BigDecimal sum, int count) {
		return sum.divide(BigDecimal.valueOf(count), MC);
	}

	/** Population standard deviation of the values around their mean. */
	private static BigDecimal deviation(List<BigDecimal> values, BigDecimal mean) {
		BigDecimal squares = BigDecimal.ZERO;
		for (BigDecimal value : values) {
			BigDecimal difference = value.subtract(mean, MC);
			squares = squares.add(difference.multiply(difference, MC), MC);
		}
		return mean(squares, values.size()).sqrt(MC);
	}

	private static BigDecimal sum(List<BigDecimal> values) {
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal value : values) {
			sum = sum.add(value);
		}
		return sum;
	}

	private static BigDecimal median(List<BigDecimal> values) {
		List<BigDecimal> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle)
				: sorted.get(middle - 1).add(sorted.get(middle)).divide(TWO);
	}

	/** One run. */
	private static final class Computation {

		private final Request request;

		private final Map<Long, Work> works = new TreeMap<>();

		/** The scores in (work, expert) order, which fixes the order of every sum. */
		private final List<Score> scores;

		Computation(Request request) {
			this.request = request;
			for (Work work : request.works()) {
				if (this.works.put(work.workId(), work) != null) {
					throw new IllegalArgumentException("work " + work.workId() + " is listed twice");
				}
			}
			this.scores = request.scores()
				.stream()
				.sorted(Comparator.comparingLong(Score::workId).thenComparingLong(Score::expertId))
				.toList();
			Score previous = null;
			for (Score score : this.scores) {
				if (!this.works.containsKey(score.workId())) {
					throw new IllegalArgumentException(
							"score for work " + score.workId() + ", which is not in the round");
				}
				if (score.total().compareTo(request.scaleMaximum()) > 0) {
					throw new IllegalArgumentException("score " + score.total() + " of expert " + score.expertId()
							+ " on work " + score.workId() + " is above the maximum " + request.scaleMaximum());
				}
				if (previous != null && previous.workId() == score.workId()
						&& previous.expertId() == score.expertId()) {
					throw new IllegalArgumentException(
							"expert " + score.expertId() + " scored work " + score.workId() + " twice");
				}
				previous = score;
			}
			if (request.votes() != null) {
				for (Long work : request.votes().counts().keySet()) {
					if (!this.works.containsKey(work)) {
						throw new IllegalArgumentException("votes for work " + work + ", which is not in the round");
					}
				}
			}
		}

		Result run() {
			Map<Long, List<BigDecimal>> totalsByExpert = new TreeMap<>();
			Map<Long, List<Score>> scoresByWork = new LinkedHashMap<>();
			List<BigDecimal> all = new ArrayList<>();
			for (Score score : this.scores) {
				totalsByExpert.computeIfAbsent(score.expertId(), (e) -> new ArrayList<>()).add(score.total());
				scoresByWork.computeIfAbsent(score.workId(), (w) -> new ArrayList<>()).add(score);
				all.add(score.total());
			}
			Map<Long, ExpertCalibration> experts = new LinkedHashMap<>();
			totalsByExpert.forEach((expert, totals) -> {
				BigDecimal mean = mean(sum(totals), totals.size());
				BigDecimal deviation = deviation(totals, mean);
				experts.put(expert, new ExpertCalibration(expert, totals.size(), mean, deviation,
						totals.size() >= 2 && deviation.signum() > 0));
			});
			BigDecimal roundMean = all.isEmpty() ? BigDecimal.ZERO : mean(sum(all), all.size());
			BigDecimal roundDeviation = all.isEmpty() ? BigDecimal.ZERO : deviation(all, roundMean);

			List<ScoreFigures> scoreFigures = new ArrayList<>();
			List<WorkFigures> figures = new ArrayList<>();
			for (Map.Entry<Long, List<Score>> entry : scoresByWork.entrySet()) {
				List<Score> own = entry.getValue();
				List<BigDecimal> totals = own.stream().map(Score::total).toList();
				BigDecimal median = median(totals);
				BigDecimal zSum = BigDecimal.ZERO;
				BigDecimal shareSum = BigDecimal.ZERO;
				for (Score score : own) {
					ExpertCalibration expert = experts.get(score.expertId());
					BigDecimal z = expert.calibrated()
							? score.total().subtract(expert.mean(), MC).divide(expert.deviation(), MC)
							: BigDecimal.ZERO;
					BigDecimal gap = score.total().subtract(median).abs();
					scoreFigures.add(new ScoreFigures(score.workId(), score.expertId(), score.total(), z, median, gap,
							gap.compareTo(this.request.outlierThreshold()) > 0));
					zSum = zSum.add(z, MC);
					shareSum = shareSum.add(score.highestCriterion());
				}
				BigDecimal rawMean = mean(sum(totals), own.size());
				BigDecimal meanZ = mean(zSum, own.size());
				BigDecimal normalised = roundMean.add(roundDeviation.multiply(meanZ, MC), MC);
				BigDecimal highestCriterion = mean(shareSum, own.size()).setScale(SHARE_SCALE, RoundingMode.HALF_UP);
				Work work = this.works.get(entry.getKey());
				BigDecimal expertScore = (this.request.basis() == Basis.NORMALISED) ? normalised : rawMean;
				figures.add(new WorkFigures(work.workId(), work.submittedAt(), own.size(), rawMean, meanZ, normalised,
						expertScore, highestCriterion, 0, null, null, expertScore, shown(expertScore)));
			}
			if (this.request.votes() != null) {
				figures = combineWithVotes(figures, this.request.votes());
			}
			List<Long> unscored = this.works.keySet().stream().filter((id) -> !scoresByWork.containsKey(id)).toList();
			return new Result(rank(figures), unscored, List.copyOf(experts.values()), List.copyOf(scoreFigures),
					roundMean, roundDeviation, this.request.outlierThreshold());
		}

		private List<WorkFigures> combineWithVotes(List<WorkFigures> figures, Votes votes) {
			long maxVotes = figures.stream().mapToLong((work) -> votes.of(work.workId())).max().orElse(0);
			BigDecimal expertPercent = BigDecimal.valueOf(votes.expertPercent());
			BigDecimal votePercent = BigDecimal.valueOf(votes.votePercent());
			List<WorkFigures> combined = new ArrayList<>();
			for (WorkFigures work : figures) {
				long count = votes.of(work.workId());
				BigDecimal expertScore100 = HUNDRED.multiply(work.expertScore(), MC)
					.divide(this.request.scaleMaximum(), MC);
				BigDecimal voteScore = (maxVotes == 0) ? BigDecimal.ZERO
						: HUNDRED.multiply(BigDecimal.valueOf(count)).divide(BigDecimal.valueOf(maxVotes), MC);
				BigDecimal figure = expertPercent.multiply(expertScore100, MC)
					.add(votePercent.multiply(voteScore, MC), MC)
					.divide(HUNDRED, MC);
				combined.add(new WorkFigures(work.workId(), work.submittedAt(), work.scoreCount(), work.rawMean(),
						work.meanZ(), work.normalised(), work.expertScore(), work.highestCriterion(), count,
						expertScore100, voteScore, figure, shown(figure)));
			}
			return combined;
		}

		private List<Row> rank(List<WorkFigures> figures) {
			List<TieBreak> tieBreaks = this.request.tieBreaks();
			Comparator<WorkFigures> order = (a, b) -> b.shown().compareTo(a.shown());
			for (TieBreak tieBreak : tieBreaks) {
				order = order.thenComparing(tieBreak::compare);
			}
			List<WorkFigures> sorted = figures.stream().sorted(order.thenComparingLong(WorkFigures::workId)).toList();
			List<Row> rows = new ArrayList<>();
			int rank = 0;
			for (int i = 0; i < sorted.size(); i++) {
				WorkFigures work = sorted.get(i);
				TieBreak decidedBy = null;
				boolean sameAsAbove = false;
				if (i > 0) {
					WorkFigures above = sorted.get(i - 1);
					if (above.shown().compareTo(work.shown()) == 0) {
						decidedBy = tieBreaks.stream()
							.filter((t) -> t.compare(above, work) != 0)
							.findFirst()
							.orElse(null);
						sameAsAbove = decidedBy == null;
					}
				}
				if (!sameAsAbove) {
					rank = i + 1;
				}
				boolean sameAsBelow = i + 1 < sorted.size() && order.compare(work, sorted.get(i + 1)) == 0;
				rows.add(new Row(rank, sameAsAbove || sameAsBelow, decidedBy, work));
			}
			return List.copyOf(rows);
		}

	}

}
