package cn.zhengji.submission;

import java.time.Instant;

/**
 * One line of an admin's list or queue of entries.
 *
 * @param waitingAtName the organisation at which a SUBMITTED entry waits in the chain
 * @param openJudgements how many judgement items of the category the first level has still to answer
 */
public record EntryRow(long id, String campaignTitle, String categoryName, String title, EntryState state,
		String organisationName, String submitterName, String waitingAtName, Instant submittedAt, Instant waitingSince,
		Instant updatedAt, int openJudgements, int version) {

	public boolean hasOpenJudgements() {
		return openJudgements > 0;
	}
}
