package cn.zhengji.submission;

import cn.zhengji.submission.EntryTransitioned.Step;

/**
 * Issue 13 (R-PUB-1): what the publicity module reports about an awarded entry to
 * {@link EntryLifecycle#recordPublicityStep}.
 */
public enum PublicityStep {

	/** Its award is published for the period: AWARDED → IN_PUBLICITY. */
	STARTED(Step.PUBLICITY_STARTED),
	/** An upheld objection changed its level; stays IN_PUBLICITY. */
	AWARD_CHANGED(Step.AWARD_CHANGED),
	/** An upheld objection took its award away: IN_PUBLICITY → NOT_AWARDED. */
	AWARD_WITHDRAWN(Step.AWARD_WITHDRAWN),
	/** The period ended: IN_PUBLICITY → AWARD_FINAL. */
	FINALISED(Step.AWARD_FINALISED);

	private final Step step;

	PublicityStep(Step step) {
		this.step = step;
	}

	/** The history step it is written as. */
	public Step step() {
		return step;
	}

}
