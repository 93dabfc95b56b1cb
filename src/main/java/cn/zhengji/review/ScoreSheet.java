package cn.zhengji.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import cn.zhengji.campaign.RubricCriterion;

/**
 * One expert's sheet of one work in a round as the expert's page shows it: the category's
 * rubric with the points given so far (null where none), the comment and the version that
 * other open tabs compare against.
 *
 * @param version 0 while nothing was saved yet
 * @param updatedAt null while nothing was saved yet
 */
public record ScoreSheet(long roundId, long entryId, List<CriterionScore> criteria, String comment, int version,
		Instant updatedAt, SheetStanding standing) {

	public ScoreSheet {
		criteria = List.copyOf(criteria);
	}

	/** A criterion with the expert's points, or null while not scored. */
	public record CriterionScore(RubricCriterion criterion, BigDecimal points) {

		/** The points as typed back into the field: "8.5", "" when none. */
		public String shown() {
			return ScoreSheets.shown(points);
		}

	}

	public BigDecimal total() {
		return criteria.stream()
			.map(CriterionScore::points)
			.filter(Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.stripTrailingZeros();
	}

	public String totalShown() {
		return ScoreSheets.shown(total());
	}

	public int maximum() {
		return criteria.stream().mapToInt((score) -> score.criterion().maxPoints()).sum();
	}

	public long scoredCount() {
		return criteria.stream().filter((score) -> score.points() != null).count();
	}

	/** Every criterion scored: the sheet counts in the round's results. */
	public boolean complete() {
		return scoredCount() == criteria.size();
	}

	public boolean submitted() {
		return standing == SheetStanding.SUBMITTED;
	}

	public boolean closed() {
		return standing.closed();
	}

}
