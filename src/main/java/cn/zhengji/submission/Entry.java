package cn.zhengji.submission;

import java.time.Instant;

import cn.zhengji.campaign.CategoryRules.SubmitterKind;

/**
 * R-SUB-1 An entry (作品/申报) in one category of a campaign, as the aggregate that owns its
 * transitions. Each transition method checks the state and the deadline and returns the entry as
 * it is afterwards; it throws {@link EntryChangeRejected} and changes nothing otherwise.
 *
 * <p>The deadline is the end of the last day of the campaign's SUBMISSION phase in the campaign's
 * time zone (R-CAM-2), read from the injected clock by the caller; null when the phase never ends.
 * Until the deadline an entry may be edited and withdrawn; afterwards nothing about it changes.
 *
 * @param ownerKey {@code account:<id>} for an individual's entry, {@code organisation:<id>} for a
 * union organisation's entry (every admin of that organisation works on it)
 * @param organisationPath the path of the submitting organisation: admins above it see the entry
 */
public record Entry(long id, long campaignId, long categoryId, long createdBy, SubmitterKind submitterKind,
		String ownerKey, long organisationId, String organisationPath, String organisationName, String title,
		EntryState state, EntryTexts texts, Instant createdAt, Instant updatedAt, Instant submittedAt, int version) {

	public boolean byOrganisation() {
		return submitterKind == SubmitterKind.UNION_ORGANISATION;
	}

	/** Whether the owner could change something at this instant. */
	public boolean isChangeable(Instant now, Instant deadline) {
		return state.isChangeable() && beforeDeadline(now, deadline);
	}

	/**
	 * An edit of the texts, the nomination form or the files. A draft stays a draft. A submitted entry
	 * is edited in place and goes back to DRAFT: what is submitted has always passed every check and
	 * carries fresh declarations, so the owner must submit it again before the deadline (the page
	 * says so). A withdrawn entry is final.
	 */
	public Entry edited(Instant now, Instant deadline) {
		requireChangeable(now, deadline);
		return with(EntryState.DRAFT, now, state == EntryState.SUBMITTED ? null : submittedAt);
	}

	/** Hands the entry in; the caller has run every check of {@link EntryChecks} first. */
	public Entry submitted(Instant now, Instant deadline) {
		requireChangeable(now, deadline);
		if (state != EntryState.DRAFT) {
			throw new EntryChangeRejected(null, "submission.rejected.notDraft");
		}
		return with(EntryState.SUBMITTED, now, now);
	}

	/** Takes the entry back, from draft or submitted, until the deadline. Final. */
	public Entry withdrawn(Instant now, Instant deadline) {
		requireChangeable(now, deadline);
		return with(EntryState.WITHDRAWN, now, submittedAt);
	}

	private void requireChangeable(Instant now, Instant deadline) {
		if (!beforeDeadline(now, deadline)) {
			throw new EntryChangeRejected(null, "submission.rejected.deadline");
		}
		if (!state.isChangeable()) {
			throw new EntryChangeRejected(null, "submission.rejected.withdrawn");
		}
	}

	private static boolean beforeDeadline(Instant now, Instant deadline) {
		return deadline == null || now.isBefore(deadline);
	}

	private Entry with(EntryState newState, Instant now, Instant newSubmittedAt) {
		return new Entry(id, campaignId, categoryId, createdBy, submitterKind, ownerKey, organisationId,
				organisationPath, organisationName, title, newState, texts, createdAt, now, newSubmittedAt, version);
	}

	Entry withContent(String newTitle, EntryTexts newTexts) {
		return new Entry(id, campaignId, categoryId, createdBy, submitterKind, ownerKey, organisationId,
				organisationPath, organisationName, newTitle, state, newTexts, createdAt, updatedAt, submittedAt, version);
	}

	static String accountOwner(long accountId) {
		return "account:" + accountId;
	}

	static String organisationOwner(long organisationId) {
		return "organisation:" + organisationId;
	}
}
