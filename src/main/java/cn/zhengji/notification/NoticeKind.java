package cn.zhengji.notification;

/** What a notice is about. Stored by name (database CHECK notice_kind_ck). */
public enum NoticeKind {

	SUBMITTED, WITHDRAWN, APPROVED, RECOMMENDED, RETURNED, REJECTED,
	/**
	 * A phase of a campaign ends soon and entries still wait at the recipient's
	 * organisation.
	 */
	REMINDER,
	/** To the security administrators: a stored file no longer matches its SHA-256. */
	FILE_CORRUPTED,
	/** To an expert: an admin reminds it to score the works of a review round. */
	REVIEW_REMINDER,
	/**
	 * Issue 13: the results of the recipient's work are published (公示), changed or final.
	 */
	PUBLICITY;

	/**
	 * Whether a text goes out unless the recipient switched texts off, rather than only
	 * when it switched them on. An admin's reminder to an expert is a summons the expert
	 * was invited for by mobile; every other notice waits for the recipient's opt-in.
	 */
	public boolean textedUnlessSwitchedOff() {
		return this == REVIEW_REMINDER;
	}

}
