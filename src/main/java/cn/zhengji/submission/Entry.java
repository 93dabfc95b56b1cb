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
 * @param pendingOrganisationId where a SUBMITTED entry waits in the approval chain (R-APR-1): first the
 * submitting organisation itself, then each ancestor up to the campaign's host; null in every other state
 * @param pendingSince since when it waits there
 */
public record Entry(long id, long campaignId, long categoryId, long createdBy, SubmitterKind submitterKind,
		String ownerKey, long organisationId, String organisationPath, String organisationName, String title,
		EntryState state, EntryTexts texts, Instant createdAt, Instant updatedAt, Instant submittedAt, int version,
		Long pendingOrganisationId, Instant pendingSince) {

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
		if (state == EntryState.SUBMITTED) {
			return with(EntryState.DRAFT, now, null, null);
		}
		// A returned entry stays RETURNED while its owner works on it, so the reason stays in view.
		return with(state, now, submittedAt, null);
	}

	/**
	 * Hands the entry in, from a draft or after a return; the caller has run every check of
	 * {@link EntryChecks} first. The approval chain starts (again) at the submitting organisation.
	 */
	public Entry submitted(Instant now, Instant deadline) {
		requireChangeable(now, deadline);
		if (state != EntryState.DRAFT && state != EntryState.RETURNED) {
			throw new EntryChangeRejected(null, "submission.rejected.notDraft");
		}
		return new Entry(id, campaignId, categoryId, createdBy, submitterKind, ownerKey, organisationId,
				organisationPath, organisationName, title, EntryState.SUBMITTED, texts, createdAt, now, now, version,
				organisationId, now);
	}

	/** Takes the entry back, from draft, submitted or returned, until the deadline. Final. */
	public Entry withdrawn(Instant now, Instant deadline) {
		requireChangeable(now, deadline);
		return with(EntryState.WITHDRAWN, now, submittedAt, null);
	}

	/** Whether the entry waits in the approval chain at this organisation. */
	public boolean waitsAt(long organisationId) {
		return state == EntryState.SUBMITTED && pendingOrganisationId != null && pendingOrganisationId == organisationId;
	}

	/** Whether it waits at the first level of its chain, the submitting organisation (工作单位). */
	public boolean atFirstLevel() {
		return waitsAt(organisationId);
	}

	/**
	 * R-APR-1 The level where the entry waits approves (or recommends) it: it moves on to the next
	 * level of the chain, or, at the top (no next level), it is APPROVED. Approving is not bound to
	 * the submission deadline: the levels decide during the review that follows it.
	 * @param next the next level of the chain, null at the top
	 */
	public Entry approvedAt(long level, Long next, Instant now) {
		requireWaitingAt(level);
		if (next == null) {
			return with(EntryState.APPROVED, now, submittedAt, null);
		}
		return new Entry(id, campaignId, categoryId, createdBy, submitterKind, ownerKey, organisationId,
				organisationPath, organisationName, title, EntryState.SUBMITTED, texts, createdAt, now, submittedAt,
				version, next, now);
	}

	/**
	 * The level where the entry waits sends it back to its submitter, who may change it and submit it
	 * again; only before the deadline, since afterwards the submitter could not.
	 */
	public Entry returnedBy(long level, Instant now, Instant deadline) {
		requireWaitingAt(level);
		if (!beforeDeadline(now, deadline)) {
			throw new EntryChangeRejected(null, "submission.rejected.returnAfterDeadline");
		}
		return with(EntryState.RETURNED, now, submittedAt, null);
	}

	/** The level where the entry waits refuses it. Final. */
	public Entry rejectedBy(long level, Instant now) {
		requireWaitingAt(level);
		return with(EntryState.REJECTED, now, submittedAt, null);
	}

	private void requireWaitingAt(long level) {
		if (!waitsAt(level)) {
			throw new EntryChangeRejected(null, "submission.rejected.notWaitingHere");
		}
	}

	private void requireChangeable(Instant now, Instant deadline) {
		if (!beforeDeadline(now, deadline)) {
			throw new EntryChangeRejected(null, "submission.rejected.deadline");
		}
		if (!state.isChangeable()) {
			throw new EntryChangeRejected(null, state == EntryState.WITHDRAWN ? "submission.rejected.withdrawn"
					: "submission.rejected.decided");
		}
	}

	private static boolean beforeDeadline(Instant now, Instant deadline) {
		return deadline == null || now.isBefore(deadline);
	}

	private Entry with(EntryState newState, Instant now, Instant newSubmittedAt, Long pending) {
		return new Entry(id, campaignId, categoryId, createdBy, submitterKind, ownerKey, organisationId,
				organisationPath, organisationName, title, newState, texts, createdAt, now, newSubmittedAt, version,
				pending, pending == null ? null : pendingSince);
	}

	Entry withContent(String newTitle, EntryTexts newTexts) {
		return new Entry(id, campaignId, categoryId, createdBy, submitterKind, ownerKey, organisationId,
				organisationPath, organisationName, newTitle, state, newTexts, createdAt, updatedAt, submittedAt, version,
				pendingOrganisationId, pendingSince);
	}

	/** The participant who owns an individual's entry; null for an organisation's entry. */
	public Long ownerAccountId() {
		return ownerKey.startsWith("account:") ? Long.valueOf(ownerKey.substring("account:".length())) : null;
	}

	static String accountOwner(long accountId) {
		return "account:" + accountId;
	}

	static String organisationOwner(long organisationId) {
		return "organisation:" + organisationId;
	}
}
