package cn.zhengji.submission;

import java.time.Instant;

/**
 * R-SUB-1 Published (synchronously, inside the transaction of the change) whenever an entry
 * changes state or moves to another level of the approval chain. Notices (issue 4) listen to it.
 *
 * @param step what happened
 * @param levelOrganisationId the level that decided (null for the owner's own steps)
 * @param nextOrganisationId the organisation whose admins act next (null unless the entry waits in
 * the chain)
 * @param ownerAccountId the participant who owns an individual's entry; null for an organisation's
 * entry, whose owners are the admins of {@code organisationId}
 * @param organisationId the submitting organisation
 * @param remark the opinion or reason given, if any
 */
public record EntryTransitioned(long entryId, long campaignId, long categoryId, String title, EntryState from,
		EntryState to, Step step, Long levelOrganisationId, Long nextOrganisationId, Long ownerAccountId,
		long organisationId, long actorId, String actorName, String remark, Instant occurredAt) {

	public enum Step {
		SUBMITTED, WITHDRAWN, APPROVED, RECOMMENDED, RETURNED, REJECTED,
		/** The owner changed a submitted entry, which went back to DRAFT and left the approval chain. */
		EDITED
	}
}
