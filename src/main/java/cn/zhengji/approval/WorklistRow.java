package cn.zhengji.approval;

import java.time.Instant;

import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryStatus;

/**
 * One line of an admin's list or queue of entries.
 *
 * @param waitingAtName the organisation at which a SUBMITTED entry waits in the chain
 * @param recommendedByName the level that recommended it in the current submission
 * @param decidedByName the level that took the last decision on it
 * @param openJudgements how many judgement items of the category have no answer of the
 * first level
 */
public record WorklistRow(long id, String campaignTitle, String categoryName, String title, EntryState state,
		String organisationName, String submitterName, String waitingAtName, String recommendedByName,
		String decidedByName, Instant submittedAt, Instant waitingSince, Instant updatedAt, int openJudgements,
		int version) {

	/** Where it stands, with the level reached. */
	public EntryStatus status() {
		return new EntryStatus(state, waitingAtName, recommendedByName, decidedByName);
	}

	/**
	 * Whether the entry waits in the chain with judgement items still to answer
	 * (meaningless for drafts).
	 */
	public boolean hasOpenJudgements() {
		return state == EntryState.SUBMITTED && openJudgements > 0;
	}
}
