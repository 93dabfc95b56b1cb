package cn.zhengji.submission;

import java.time.Instant;

/**
 * R-SUB-1 Published (synchronously, inside the transaction of the change) whenever an
 * entry changes state or moves to another level of the approval chain. Notices (issue 4)
 * listen to it.
 *
 * @param step what happened
 * @param levelOrganisationId the level that decided (null for the owner's own steps)
 * @param nextOrganisationId the organisation whose admins act next (null unless the entry
 * waits in the chain)
 * @param ownerAccountId the participant who owns an individual's entry; null for an
 * organisation's entry, whose owners are the admins of {@code organisationId}
 * @param organisationId the submitting organisation
 * @param actorId who took the step; null for the platform itself (the job that ends a
 * publicity period)
 * @param remark the opinion or reason given, if any
 */
public record EntryTransitioned(long entryId, long campaignId, long categoryId, String title, EntryState from,
		EntryState to, Step step, Long levelOrganisationId, Long nextOrganisationId, Long ownerAccountId,
		long organisationId, Long actorId, String actorName, String remark, Instant occurredAt) {

	/**
	 * The steps of an entry's life, each a row of its history (stored by name, CHECK
	 * entry_transition_step_ck).
	 */
	public enum Step {

		/** The owner created the draft. */
		CREATED,
		/** The owner handed it in; it waits at its first level. */
		SUBMITTED,
		/** 撤回修改: the owner took a submitted entry back to a draft, leaving the chain. */
		RECALLED,
		/** The owner withdrew it for good. */
		WITHDRAWN,
		/** A level approved it: passed on to the next level, or APPROVED at the top. */
		APPROVED,
		/** A level that recommends in the category approved it, taking a quota place. */
		RECOMMENDED,
		/** A level sent it back to the submitter with a reason. */
		RETURNED,
		/** A level refused it; final. */
		REJECTED,
		/**
		 * Before 撤回修改 existed, an edit of a submitted entry silently made it a draft
		 * again; kept to read the history of that time, never taken any more.
		 */
		EDITED,
		/**
		 * Issue 12: a locked review round selected it for the next round (the remark
		 * names both rounds); the state stays APPROVED.
		 */
		ADVANCED,
		/** Issue 12: a locked review round did not select it for the next round. */
		NOT_ADVANCED,
		/** Issue 12: the last review round was locked with an award level for it. */
		AWARDED,
		/** Issue 12: the last review round was locked without an award for it. */
		NOT_AWARDED,
		/** Issue 13: its award was published for the publicity period (公示). */
		PUBLICITY_STARTED,
		/**
		 * Issue 13: an upheld objection changed its award to another level during the
		 * publicity period (the remark names it); the state stays IN_PUBLICITY.
		 */
		AWARD_CHANGED,
		/** Issue 13: an upheld objection took its award away: NOT_AWARDED. */
		AWARD_WITHDRAWN,
		/** Issue 13: the publicity period ended and the award is final: AWARD_FINAL. */
		AWARD_FINALISED,
		/**
		 * Issue 14: the province recommended it to the national campaign (推荐至全国; the
		 * remark names the sub-project and the note); the state stays.
		 */
		NATIONAL_RECOMMENDED,
		/**
		 * Issue 14 item 3: the national campaign received it from a province's hand-off
		 * package (the remark names the province, the package and the province's award);
		 * created SUBMITTED, waiting at the national campaign's host.
		 */
		NATIONAL_IMPORTED,
		/**
		 * Issue 14: the province took it back out of its national recommendation before
		 * the package was sent (撤回全国推荐; the remark names the sub-project and the reason);
		 * the state stays.
		 */
		NATIONAL_RECOMMENDATION_WITHDRAWN;

		/** Whether this step is a decision of a level of the approval chain. */
		public boolean byLevel() {
			return this == APPROVED || this == RECOMMENDED || this == RETURNED || this == REJECTED;
		}

	}
}
