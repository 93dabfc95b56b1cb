package cn.zhengji.submission;

/**
 * R-SUB-1 Where an entry stands. Stored by name (database CHECK entry_state_ck). Issue 4 adds the
 * approval states (returned, approved at a level, recommended, ...).
 */
public enum EntryState {

	/** Being prepared; only its owner sees it complete. */
	DRAFT,
	/** Handed in: every check passed and the declarations were accepted. */
	SUBMITTED,
	/** Taken back by its owner; final. Frees the place of a one-per-person category. */
	WITHDRAWN;

	/** Whether the owner may still change the entry (before the deadline). */
	public boolean isChangeable() {
		return this != WITHDRAWN;
	}
}
