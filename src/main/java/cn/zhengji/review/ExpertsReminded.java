package cn.zhengji.review;

import java.time.LocalDate;
import java.util.List;

/**
 * Issue 12 item 6: an admin reminded experts of a round who have not handed in. Published
 * inside the transaction that claims the reminders (review_reminder), so that what a
 * listener writes (the notification module's notices) is committed with them, or not at
 * all; the same shape as {@code submission.EntryTransitioned}.
 *
 * @param endsOn the round's last day, null when it has none
 * @param daysLeft days from today (campaign time zone) to {@code endsOn}: 0 on the last
 * day, negative after it; null without an end
 * @param experts the experts reminded now, each once
 */
public record ExpertsReminded(long roundId, String campaignTitle, String categoryName, String roundName,
		LocalDate endsOn, Long daysLeft, List<Expert> experts) {

	public ExpertsReminded {
		experts = List.copyOf(experts);
	}

	/**
	 * One reminded expert and what it still has to do.
	 *
	 * @param assigned the works it was given in the round
	 * @param unfinished of these, the ones without points for every criterion
	 */
	public record Expert(long accountId, int assigned, int unfinished) {
	}

	/** Where the expert scores the round's works. */
	public String expertLink() {
		return "/expert/reviews/" + roundId;
	}

}
