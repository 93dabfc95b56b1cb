package cn.zhengji.media;

/** The outcome of one check. */
public enum Verdict {

	/** The rule is met; the finding still shows the measured value. */
	PASSED,
	/** A hard rule is broken: the entry cannot be submitted with this file. */
	FAILED,
	/**
	 * A person must judge (advisory limits, things a machine cannot see): shown to the
	 * approving admin.
	 */
	NEEDS_REVIEW

}
