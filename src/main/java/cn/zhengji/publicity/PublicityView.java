package cn.zhengji.publicity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published results list as everyone may read it: no personal data (no submitter, no
 * objector), no opinions or scores.
 *
 * @param open whether objections are taken now (today, in the campaign's time zone, is
 * within the period and the list is not final)
 * @param state NOT_STARTED, OPEN, ENDED (period over, not finalised yet) or FINAL
 */
public record PublicityView(long id, long campaignId, String campaignCode, String campaignTitle, long roundId,
		String title, LocalDate startsOn, LocalDate endsOn, String notice, Instant publishedAt, Instant finalisedAt,
		boolean open, String state, List<Work> works, List<Outcome> outcomes) {

	/** A work of the list: what is announced about it. */
	public record Work(long entryId, String title, String categoryName, String unitName, String levelName,
			int levelOrder, String status) {
	}

	/** The outcome of a handled objection as the public sees it (no objector). */
	public record Outcome(long objectionId, String workTitle, ObjectionStatus status, String outcomeReason,
			Instant handledAt) {
	}

}
