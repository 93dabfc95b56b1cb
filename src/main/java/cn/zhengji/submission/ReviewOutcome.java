package cn.zhengji.submission;

import cn.zhengji.submission.EntryTransitioned.Step;

/**
 * Issue 12: what a locked review round means for one of its works, as the review module
 * reports it to {@link EntryLifecycle#recordReviewOutcome}.
 */
public enum ReviewOutcome {

	/** Selected for the category's next round. */
	ADVANCED(Step.ADVANCED),
	/** Not selected for the next round: its review ends here. */
	NOT_ADVANCED(Step.NOT_ADVANCED),
	/** The last round gave it an award level. */
	AWARDED(Step.AWARDED),
	/** The last round gave it no award level. */
	NOT_AWARDED(Step.NOT_AWARDED);

	private final Step step;

	ReviewOutcome(Step step) {
		this.step = step;
	}

	/** The history step it is written as. */
	public Step step() {
		return step;
	}

}
