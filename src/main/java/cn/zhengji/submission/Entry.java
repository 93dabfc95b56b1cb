package cn.zhengji.submission;

import java.time.Instant;
import java.util.Objects;

import cn.zhengji.campaign.CategoryRules.SubmitterKind;

/**
 * R-SUB-1 An entry (作品/申报) in one category of a campaign, as the aggregate that owns its
 * transitions. Only this module builds one (the constructor is package-private): from its
 * row, or as the result of a transition. Each transition method checks the state and the
 * deadline and returns the entry as it is afterwards; it throws
 * {@link EntryChangeRejected} and changes nothing otherwise. {@link EntryLifecycle} is
 * the one place that applies transitions and writes them.
 *
 * <p>
 * The deadline is the end of the last day of the campaign's SUBMISSION phase in the
 * campaign's time zone (R-CAM-2), read from the injected clock by the caller; null when
 * the phase never ends. Until the deadline the owner may change a draft or a returned
 * entry, recall a submitted one to a draft and withdraw it; afterwards nothing the owner
 * does changes it.
 *
 * <p>
 * Where it stands in the approval chain (R-APR-1) is part of the entry: the level where a
 * SUBMITTED entry waits ({@link #pendingOrganisationId}), the last level that decided
 * ({@link #decidedById}: the level reached) and the level that recommended it
 * ({@link #recommendedById}), so that every page says "待X审核", "已推荐（X）" or "审核通过（X）" from
 * the entry alone.
 */
public final class Entry {

	private final long id;

	private final long campaignId;

	private final long categoryId;

	private final long createdBy;

	private final SubmitterKind submitterKind;

	private final String ownerKey;

	private final long organisationId;

	private final String organisationPath;

	private final String organisationName;

	private final String title;

	private final EntryState state;

	private final EntryTexts texts;

	private final Instant createdAt;

	private final Instant updatedAt;

	private final Instant submittedAt;

	private final int version;

	private final Long pendingOrganisationId;

	private final Instant pendingSince;

	private final Long decidedById;

	private final Long recommendedById;

	/**
	 * @param ownerKey {@code account:<id>} for an individual's entry,
	 * {@code organisation:<id>} for a union organisation's entry (every admin of that
	 * organisation works on it)
	 * @param organisationPath the path of the submitting organisation: admins above it
	 * see the entry
	 * @param pendingOrganisationId where a SUBMITTED entry waits in the approval chain:
	 * first the submitting organisation itself, then each ancestor up to the campaign's
	 * host; null otherwise
	 * @param pendingSince since when it waits there
	 * @param decidedById the level of the chain that took the last decision on this
	 * submission (approved and passed it on, approved it at the top, returned or rejected
	 * it); null before any
	 * @param recommendedById the level that recommended this submission (took a quota
	 * place); null if none
	 */
	Entry(long id, long campaignId, long categoryId, long createdBy, SubmitterKind submitterKind, String ownerKey,
			long organisationId, String organisationPath, String organisationName, String title, EntryState state,
			EntryTexts texts, Instant createdAt, Instant updatedAt, Instant submittedAt, int version,
			Long pendingOrganisationId, Instant pendingSince, Long decidedById, Long recommendedById) {
		this.id = id;
		this.campaignId = campaignId;
		this.categoryId = categoryId;
		this.createdBy = createdBy;
		this.submitterKind = Objects.requireNonNull(submitterKind);
		this.ownerKey = Objects.requireNonNull(ownerKey);
		this.organisationId = organisationId;
		this.organisationPath = Objects.requireNonNull(organisationPath);
		this.organisationName = organisationName;
		this.title = title;
		this.state = Objects.requireNonNull(state);
		this.texts = Objects.requireNonNull(texts);
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.submittedAt = submittedAt;
		this.version = version;
		this.pendingOrganisationId = pendingOrganisationId;
		this.pendingSince = pendingSince;
		this.decidedById = decidedById;
		this.recommendedById = recommendedById;
	}

	// --- what the owner may do
	// ---------------------------------------------------------------------

	/**
	 * Whether the owner may change the content now: a draft or a returned entry, before
	 * the deadline.
	 */
	public boolean isEditable(Instant now, Instant deadline) {
		return state.isEditable() && beforeDeadline(now, deadline);
	}

	/**
	 * Whether the owner may take a submitted entry back to a draft now
	 * ({@link #recalled}).
	 */
	public boolean isRecallable(Instant now, Instant deadline) {
		return state == EntryState.SUBMITTED && beforeDeadline(now, deadline);
	}

	/** Whether the owner may still withdraw the entry for good now. */
	public boolean isWithdrawable(Instant now, Instant deadline) {
		return state.isOwnersToWithdraw() && beforeDeadline(now, deadline);
	}

	/**
	 * An edit of the texts, the nomination form or the files. Only a draft or a returned
	 * entry is changed in place: while an entry is in the approval chain what the levels
	 * judged must stay what they judged, so its owner first recalls it
	 * ({@link #recalled}) or waits for a return. A returned entry stays RETURNED while
	 * its owner works on it, so the reason stays in view.
	 */
	public Entry edited(Instant now, Instant deadline) {
		requireBeforeDeadline(now, deadline);
		if (!state.isEditable()) {
			throw new EntryChangeRejected(null, switch (state) {
				case SUBMITTED -> "submission.rejected.inReview";
				case WITHDRAWN -> "submission.rejected.withdrawn";
				default -> "submission.rejected.decided";
			});
		}
		return copy(state, now, submittedAt, null, null, null, null);
	}

	/**
	 * Hands the entry in, from a draft or after a return; the caller has run every check
	 * of {@link EntryChecks} first. The approval chain starts (again) at the submitting
	 * organisation.
	 */
	public Entry submitted(Instant now, Instant deadline) {
		requireBeforeDeadline(now, deadline);
		if (!state.isEditable()) {
			throw new EntryChangeRejected(null,
					state == EntryState.WITHDRAWN ? "submission.rejected.withdrawn" : "submission.rejected.notDraft");
		}
		return copy(EntryState.SUBMITTED, now, now, organisationId, now, null, null);
	}

	/**
	 * 撤回修改: the owner takes a submitted entry back to a draft to change it, before the
	 * deadline. What the levels decided on this submission no longer holds: the entry
	 * leaves the chain, the level reached and a recommendation are forgotten (the
	 * approval module gives the quota place back when it hears of it), and it must be
	 * submitted again.
	 */
	public Entry recalled(Instant now, Instant deadline) {
		requireBeforeDeadline(now, deadline);
		if (state != EntryState.SUBMITTED) {
			throw new EntryChangeRejected(null, "submission.rejected.notInReview");
		}
		return copy(EntryState.DRAFT, now, null, null, null, null, null);
	}

	/**
	 * Takes the entry back for good, from draft, submitted or returned, until the
	 * deadline. Final.
	 */
	public Entry withdrawn(Instant now, Instant deadline) {
		requireBeforeDeadline(now, deadline);
		if (!state.isOwnersToWithdraw()) {
			throw new EntryChangeRejected(null,
					state == EntryState.WITHDRAWN ? "submission.rejected.withdrawn" : "submission.rejected.decided");
		}
		return copy(EntryState.WITHDRAWN, now, submittedAt, null, null, decidedById, null);
	}

	// --- the levels of the approval chain
	// -----------------------------------------------------------

	/** Whether the entry waits in the approval chain at this organisation. */
	public boolean waitsAt(long organisationId) {
		return state == EntryState.SUBMITTED && pendingOrganisationId != null
				&& pendingOrganisationId == organisationId;
	}

	/**
	 * Whether it waits at the first level of its chain, the submitting organisation
	 * (工作单位).
	 */
	public boolean atFirstLevel() {
		return waitsAt(organisationId);
	}

	/**
	 * R-APR-1 The level where the entry waits approves it: it moves on to the next level
	 * of the chain, or, at the top (no next level), it is APPROVED. Approving is not
	 * bound to the submission deadline: the levels decide during the review that follows
	 * it.
	 * @param next the next level of the chain, null at the top
	 * @param recommends whether approving at this level is a recommendation (推荐)
	 */
	public Entry approvedAt(long level, Long next, boolean recommends, Instant now) {
		requireWaitingAt(level);
		Long recommendedBy = recommends ? Long.valueOf(level) : recommendedById;
		if (next == null) {
			return copy(EntryState.APPROVED, now, submittedAt, null, null, level, recommendedBy);
		}
		return copy(EntryState.SUBMITTED, now, submittedAt, next, now, level, recommendedBy);
	}

	/**
	 * The level where the entry waits sends it back to its submitter, who may change it
	 * and submit it again; only before the deadline, since afterwards the submitter could
	 * not.
	 */
	public Entry returnedBy(long level, Instant now, Instant deadline) {
		requireWaitingAt(level);
		if (!beforeDeadline(now, deadline)) {
			throw new EntryChangeRejected(null, "submission.rejected.returnAfterDeadline");
		}
		return copy(EntryState.RETURNED, now, submittedAt, null, null, level, null);
	}

	/** The level where the entry waits refuses it. Final. */
	public Entry rejectedBy(long level, Instant now) {
		requireWaitingAt(level);
		return copy(EntryState.REJECTED, now, submittedAt, null, null, level, null);
	}

	/**
	 * Issue 12: the outcome of a locked review round for an entry the host approved. The
	 * entry keeps the levels that approved and recommended it.
	 * @param outcome ADVANCED keeps it APPROVED, NOT_ADVANCED and NOT_AWARDED make it
	 * NOT_AWARDED, AWARDED makes it AWARDED
	 */
	public Entry reviewed(ReviewOutcome outcome, Instant now) {
		if (state != EntryState.APPROVED) {
			throw new EntryChangeRejected(null, "submission.rejected.notApprovedForReview");
		}
		EntryState next = switch (outcome) {
			case ADVANCED -> EntryState.APPROVED;
			case AWARDED -> EntryState.AWARDED;
			case NOT_ADVANCED, NOT_AWARDED -> EntryState.NOT_AWARDED;
		};
		return copy(next, now, submittedAt, null, null, decidedById, recommendedById);
	}

	/**
	 * Issue 13: a step of the publicity period (公示) of an awarded entry: STARTED moves
	 * AWARDED to IN_PUBLICITY, AWARD_CHANGED keeps IN_PUBLICITY, AWARD_WITHDRAWN makes it
	 * NOT_AWARDED and FINALISED makes it AWARD_FINAL.
	 */
	public Entry publicity(PublicityStep step, Instant now) {
		EntryState required = step == PublicityStep.STARTED ? EntryState.AWARDED : EntryState.IN_PUBLICITY;
		if (state != required) {
			throw new EntryChangeRejected(null, "submission.rejected.notInPublicity");
		}
		EntryState next = switch (step) {
			case STARTED, AWARD_CHANGED -> EntryState.IN_PUBLICITY;
			case AWARD_WITHDRAWN -> EntryState.NOT_AWARDED;
			case FINALISED -> EntryState.AWARD_FINAL;
		};
		return copy(next, now, submittedAt, null, null, decidedById, recommendedById);
	}

	/**
	 * Issue 14: recommended by the province to the national campaign (推荐至全国): an entry
	 * the host approved or one with an award; the state stays, only the time moves.
	 */
	public Entry nationallyRecommended(Instant now) {
		if (state != EntryState.APPROVED && state != EntryState.AWARDED && state != EntryState.IN_PUBLICITY
				&& state != EntryState.AWARD_FINAL) {
			throw new EntryChangeRejected(null, "submission.rejected.notRecommendable");
		}
		return copy(state, now, submittedAt, pendingOrganisationId, pendingSince, decidedById, recommendedById);
	}

	/**
	 * Issue 14: taken back out of the national recommendation (撤回全国推荐); whether it was
	 * recommended is the handoff module's record, the state stays, only the time moves.
	 */
	public Entry nationalRecommendationWithdrawn(Instant now) {
		return copy(state, now, submittedAt, pendingOrganisationId, pendingSince, decidedById, recommendedById);
	}

	private void requireWaitingAt(long level) {
		if (!waitsAt(level)) {
			throw new EntryChangeRejected(null, "submission.rejected.notWaitingHere");
		}
	}

	private static void requireBeforeDeadline(Instant now, Instant deadline) {
		if (!beforeDeadline(now, deadline)) {
			throw new EntryChangeRejected(null, "submission.rejected.deadline");
		}
	}

	private static boolean beforeDeadline(Instant now, Instant deadline) {
		return deadline == null || now.isBefore(deadline);
	}

	private Entry copy(EntryState newState, Instant now, Instant newSubmittedAt, Long pending, Instant since,
			Long decidedBy, Long recommendedBy) {
		return new Entry(id, campaignId, categoryId, createdBy, submitterKind, ownerKey, organisationId,
				organisationPath, organisationName, title, newState, texts, createdAt, now, newSubmittedAt, version,
				pending, since, decidedBy, recommendedBy);
	}

	Entry withContent(String newTitle, EntryTexts newTexts) {
		return new Entry(id, campaignId, categoryId, createdBy, submitterKind, ownerKey, organisationId,
				organisationPath, organisationName, newTitle, state, newTexts, createdAt, updatedAt, submittedAt,
				version, pendingOrganisationId, pendingSince, decidedById, recommendedById);
	}

	// --- reading
	// ------------------------------------------------------------------------------------

	public boolean byOrganisation() {
		return submitterKind == SubmitterKind.UNION_ORGANISATION;
	}

	/**
	 * The participant who owns an individual's entry; null for an organisation's entry.
	 */
	public Long ownerAccountId() {
		return ownerKey.startsWith("account:") ? Long.valueOf(ownerKey.substring("account:".length())) : null;
	}

	static String accountOwner(long accountId) {
		return "account:" + accountId;
	}

	static String organisationOwner(long organisationId) {
		return "organisation:" + organisationId;
	}

	public long id() {
		return id;
	}

	public long campaignId() {
		return campaignId;
	}

	public long categoryId() {
		return categoryId;
	}

	public long createdBy() {
		return createdBy;
	}

	public SubmitterKind submitterKind() {
		return submitterKind;
	}

	public String ownerKey() {
		return ownerKey;
	}

	public long organisationId() {
		return organisationId;
	}

	public String organisationPath() {
		return organisationPath;
	}

	public String organisationName() {
		return organisationName;
	}

	public String title() {
		return title;
	}

	public EntryState state() {
		return state;
	}

	public EntryTexts texts() {
		return texts;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	/** The optimistic-locking version the entry was read at. */
	public int version() {
		return version;
	}

	public Long pendingOrganisationId() {
		return pendingOrganisationId;
	}

	public Instant pendingSince() {
		return pendingSince;
	}

	public Long decidedById() {
		return decidedById;
	}

	public Long recommendedById() {
		return recommendedById;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Entry that && id == that.id && version == that.version && state == that.state
				&& Objects.equals(updatedAt, that.updatedAt)
				&& Objects.equals(pendingOrganisationId, that.pendingOrganisationId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(id, version, state);
	}

	@Override
	public String toString() {
		return "Entry[id=" + id + ", state=" + state + ", version=" + version + "]";
	}

}
