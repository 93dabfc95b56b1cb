package cn.zhengji.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A round as its expert sees it: where it belongs, its days, the expert's works in it
 * (numbered 1..N, title and category only: nothing of who sent them) and how far the
 * expert got.
 *
 * @param submittedAt when the expert handed the round in (交卷), or null
 * @param timeZone the campaign's, in which its days and times are shown
 * @param works the expert's works in entry order; empty in the list of rounds
 */
public record ExpertRound(long roundId, String campaignTitle, String categoryName, String roundName, LocalDate startsOn,
		LocalDate endsOn, int workCount, int scoredCount, Instant submittedAt, SheetStanding standing, ZoneId timeZone,
		List<Work> works) {

	public ExpertRound {
		works = List.copyOf(works);
	}

	/**
	 * One work of the round for the expert.
	 *
	 * @param number its place in the expert's list, from 1
	 * @param scoredCriteria how many criteria of the rubric the expert scored
	 */
	public record Work(int number, long entryId, String title, String categoryName, int scoredCriteria, int criteria) {

		public boolean complete() {
			return scoredCriteria == criteria;
		}

		public boolean started() {
			return scoredCriteria > 0;
		}

	}

	public boolean submitted() {
		return submittedAt != null;
	}

	/** The works not scored in full: what stops 交卷. */
	public List<Work> missing() {
		return works.stream().filter((work) -> !work.complete()).toList();
	}

	public boolean mayHandIn() {
		return standing.editable() && workCount > 0 && scoredCount == workCount;
	}

}
