package cn.zhengji.submission;

/**
 * R-SUB-1 Where an entry stands. Stored by name (database CHECK entry_state_ck).
 */
public enum EntryState {

	/**
	 * Being prepared (or recalled by its owner to be changed); only its owner sees it
	 * complete.
	 */
	DRAFT,
	/**
	 * Handed in (every check passed, the declarations accepted) and waiting in the
	 * approval chain at the organisation named by the entry's pending organisation.
	 */
	SUBMITTED,
	/**
	 * Sent back to the submitter by a level of the chain with a reason; editable before
	 * the deadline.
	 */
	RETURNED,
	/** Approved by the top of the chain (the campaign's host organisation). */
	APPROVED,
	/**
	 * Refused by a level of the chain with a reason; final. Frees the place of a
	 * one-per-person category.
	 */
	REJECTED,
	/** Taken back by its owner; final. Frees the place of a one-per-person category. */
	WITHDRAWN,
	/**
	 * Issue 12: the last review round of its category was locked and gave it an award
	 * level (the level is named in the history step); final for the review.
	 */
	AWARDED,
	/**
	 * Issue 12: a locked review round ended its review without an award: it did not go on
	 * to the next round, or the last round gave it no level.
	 */
	NOT_AWARDED,
	/**
	 * Issue 13: its award is announced for the publicity period (公示) and may still change
	 * after an objection; the level is named in the history step.
	 */
	IN_PUBLICITY,
	/**
	 * Issue 13: the publicity period of its award ended; the award is final and the work
	 * is shown in the public showcase.
	 */
	AWARD_FINAL;

	/** Issue 13: whether the public showcase presents the work as a winner. */
	public boolean isPublicWinner() {
		return this == AWARD_FINAL;
	}

	/**
	 * Whether the owner may change the content in place (before the deadline): not while
	 * it is in review.
	 */
	public boolean isEditable() {
		return this == DRAFT || this == RETURNED;
	}

	/** Whether the owner may still withdraw it for good (before the deadline). */
	public boolean isOwnersToWithdraw() {
		return this == DRAFT || this == SUBMITTED || this == RETURNED;
	}

}
