package cn.zhengji.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules;
import cn.zhengji.campaign.CategoryRules.Judgement;
import cn.zhengji.campaign.CategoryRules.JudgementKind;
import cn.zhengji.campaign.CategoryRules.Quota;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.ChangeRejected;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.Entry;
import cn.zhengji.submission.EntryConflict;
import cn.zhengji.submission.EntryDecisions;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned.Step;
import cn.zhengji.submission.EntryView;
import cn.zhengji.submission.NominationOpinion;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-APR-1 The decisions of the levels of the approval chain. Each method acts for the admin of the
 * organisation at which the entry waits (anyone else gets a 404), in one transaction with the
 * entry's row locked, and records the step in the history and the audit log.
 *
 * <p>The chain of an entry is the organisations on its path from the submitting organisation up to
 * and including the campaign's host (基层 → 县 → 市 → 省; absent levels are simply not on it). At a
 * level whose kind recommends in the category (and that is not the top) approving is a
 * recommendation, which takes a place of the unit's quota where the category has one.
 */
@Service
public class Approvals {

	/** The longest opinion or reason, in characters (line breaks count once). */
	public static final int MAX_OPINION = 500;

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final EntryDecisions decisions;

	private final ApprovalRecords records;

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	Approvals(EntryDecisions decisions, ApprovalRecords records, Campaigns campaigns, Organisations organisations,
			AuditLog auditLog, MessageSource messages, Clock clock, PlatformTransactionManager transactionManager) {
		this.decisions = decisions;
		this.records = records;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.auditLog = auditLog;
		this.messages = messages;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Approves at the actor's level with an opinion; at a recommending level of the category this
	 * is a recommendation and takes a place of the unit's quota. The first level must answer every
	 * judgement item of the category.
	 */
	@Transactional
	public Decision approve(SignedInUser actor, long entryId, int version, String opinion,
			List<JudgementAnswer> answers) {
		return approveLocked(actor, load(actor, entryId), version, opinion, answers);
	}

	/** Sends the entry back to its submitter with a reason; only before the submission deadline. */
	@Transactional
	public Decision returnToSubmitter(SignedInUser actor, long entryId, int version, String reason) {
		Context context = load(actor, entryId);
		String clean = opinion(reason, "approval.rejected.reasonMissing");
		Instant now = clock.instant();
		Entry after = context.entry().returnedBy(context.level().id(), now,
				context.campaign().submissionDeadline().orElse(null));
		return record(actor, context, after, version, Step.RETURNED, clean, now, Map.of());
	}

	/** Refuses the entry with a reason; final. */
	@Transactional
	public Decision reject(SignedInUser actor, long entryId, int version, String reason) {
		Context context = load(actor, entryId);
		String clean = opinion(reason, "approval.rejected.reasonMissing");
		Instant now = clock.instant();
		Entry after = context.entry().rejectedBy(context.level().id(), now);
		return record(actor, context, after, version, Step.REJECTED, clean, now, Map.of());
	}

	/**
	 * Approves several entries waiting at the actor's level with one opinion, each in its own
	 * transaction and each at the version the admin saw in the queue (an entry changed since is
	 * refused as a conflict, not approved unseen); entries with open judgement items (or anything
	 * else in the way) are refused with a message and the rest go through.
	 * @param versionsSeen entry id → the version shown to the admin, in the order of the queue
	 */
	public BatchOutcome approveAll(SignedInUser actor, Map<Long, Integer> versionsSeen, String opinion) {
		List<Long> approved = new ArrayList<>();
		Map<Long, String> refused = new LinkedHashMap<>();
		versionsSeen.forEach((entryId, version) -> {
			try {
				ownTransaction.executeWithoutResult(status -> {
					Context context = load(actor, entryId);
					if (!records.withOpenJudgements(List.of(entryId)).isEmpty()) {
						throw new ApprovalRejected(null, "approval.rejected.openJudgements");
					}
					approveLocked(actor, context, version, opinion, List.of());
				});
				approved.add(entryId);
			}
			catch (ChangeRejected rejected) {
				refused.put(entryId, text(rejected.messageCode(), rejected.arguments()));
			}
			catch (NotFoundException missing) {
				refused.put(entryId, text("approval.batch.notFound"));
			}
			catch (EntryConflict conflict) {
				refused.put(entryId, text("approval.conflict"));
			}
		});
		return new BatchOutcome(List.copyOf(approved), Collections.unmodifiableMap(refused));
	}

	/** Whether the entry's category has judgement items the first level has not all answered yet. */
	@Transactional(readOnly = true)
	public boolean hasOpenJudgements(long entryId) {
		return !records.withOpenJudgements(List.of(entryId)).isEmpty();
	}

	/** Of the given entries, those with open judgement items (for a queue of many entries: one query). */
	@Transactional(readOnly = true)
	public Set<Long> withOpenJudgements(Collection<Long> entryIds) {
		return records.withOpenJudgements(entryIds);
	}

	/** What the first level confirmed about the judgement items of the entry. */
	@Transactional(readOnly = true)
	public List<ConfirmedJudgement> confirmedJudgements(long entryId) {
		return records.judgements(entryId);
	}

	/**
	 * The chain of levels of an entry, from the submitting organisation up to and including the
	 * campaign's host (the whole path up to the root when the host is not on it).
	 */
	public List<Organisation> chain(Entry entry, Campaign campaign) {
		Organisation submitting = organisations.findById(entry.organisationId())
			.orElseThrow(() -> new NotFoundException("organisation " + entry.organisationId()));
		List<Organisation> upwards = new ArrayList<>(organisations.ancestry(submitting).reversed());
		List<Organisation> chain = new ArrayList<>();
		for (Organisation level : upwards) {
			chain.add(level);
			if (level.id() == campaign.hostOrganisationId()) {
				break;
			}
		}
		return List.copyOf(chain);
	}

	/**
	 * The decision panel of the admin entry page: only for an organisation admin of the level where
	 * the entry waits.
	 */
	@Transactional(readOnly = true)
	public Optional<DecisionPanel> panel(SignedInUser viewer, EntryView view) {
		Entry entry = view.entry();
		if (viewer.role() != Role.ORG_ADMIN || !entry.waitsAt(viewer.organisationId())) {
			return Optional.empty();
		}
		List<Organisation> chain = chain(entry, view.campaign());
		int at = indexOf(chain, viewer.organisationId());
		if (at < 0) {
			return Optional.empty();
		}
		Organisation level = chain.get(at);
		Organisation next = at + 1 < chain.size() ? chain.get(at + 1) : null;
		CategoryRules rules = view.category().rules();
		boolean recommends = next != null && rules.recommendingOrganisationKinds().contains(level.kind());
		Optional<QuotaUse> quota = recommends ? quotaOf(view.campaign(), view.category(), level) : Optional.empty();
		Instant deadline = view.campaign().submissionDeadline().orElse(null);
		return Optional.of(new DecisionPanel(entry.id(), entry.version(), level.name(), recommends, next == null,
				next == null ? null : next.name(), entry.atFirstLevel() ? rules.judgements() : List.of(),
				entry.atFirstLevel() ? List.of() : records.judgements(entry.id()), quota,
				deadline == null || clock.instant().isBefore(deadline)));
	}

	/** The quota of a category for one unit, where the category's rule gives its kind a maximum. */
	Optional<QuotaUse> quotaOf(Campaign campaign, Category category, Organisation unit) {
		Optional<Quota> rule = category.rules().quotaFor(unit.kind()).filter(quota -> quota.max() != null);
		return rule.map(quota -> {
			int[] stored = records.quota(category.id(), unit.id()).orElse(new int[] { 0, quota.max() });
			return new QuotaUse(campaign.id(), campaign.title(), category.id(), category.name(), unit.id(),
					unit.name(), stored[0], Math.max(stored[0], quota.max()), quota.min());
		});
	}

	// --- the decisions ------------------------------------------------------------------------------

	private Decision approveLocked(SignedInUser actor, Context context, int version, String opinion,
			List<JudgementAnswer> answers) {
		String clean = opinion(opinion, "approval.rejected.opinionMissing");
		Entry entry = context.entry();
		CategoryRules rules = context.category().rules();
		boolean firstLevel = entry.atFirstLevel();
		List<JudgementAnswer> judged = firstLevel ? judged(rules, answers) : List.of();
		Organisation level = context.level();
		Organisation next = context.next();
		Step step = next != null && rules.recommendingOrganisationKinds().contains(level.kind()) ? Step.RECOMMENDED
				: Step.APPROVED;
		Instant now = clock.instant();
		Map<String, Object> details = new LinkedHashMap<>();
		if (step == Step.RECOMMENDED) {
			takePlace(actor, context, now).ifPresent(quota -> details.put("quota", quota));
		}
		Entry after = entry.approvedAt(level.id(), next == null ? null : next.id(), now);
		if (firstLevel) {
			records.saveJudgements(entry.id(), judged, actor.accountId(), now);
			details.put("judgements", judged.stream()
				.map(answer -> answer.kind().name() + (answer.met() ? ":MET" : ":NOT_MET"))
				.toList());
		}
		if (rules.nominationForm()) {
			if (firstLevel) {
				decisions.recordNominationOpinion(entry.id(), NominationOpinion.WORK_UNIT, clean);
			}
			if (step == Step.RECOMMENDED) {
				decisions.recordNominationOpinion(entry.id(), NominationOpinion.RECOMMENDING_UNIT, clean);
			}
			if (next == null) {
				decisions.recordNominationOpinion(entry.id(), NominationOpinion.PROVINCE, clean);
			}
		}
		return record(actor, context, after, version, step, clean, now, details);
	}

	/** Takes a place of the unit's quota, if the category gives one to units of this kind. */
	private Optional<String> takePlace(SignedInUser actor, Context context, Instant now) {
		Organisation level = context.level();
		Category category = context.category();
		Optional<Quota> rule = category.rules().quotaFor(level.kind()).filter(quota -> quota.max() != null);
		if (rule.isEmpty() || records.holdsPlace(context.entry().id())) {
			return Optional.empty();
		}
		records.ensureQuota(category.id(), level.id(), rule.get().max());
		if (!records.takePlace(category.id(), level.id())) {
			int[] quota = records.quota(category.id(), level.id()).orElse(new int[] { 0, rule.get().max() });
			throw new ApprovalRejected(null, "approval.rejected.quotaFull", quota[0], quota[1]);
		}
		records.insertRecommendation(context.entry().id(), category.id(), level.id(), actor.accountId(), now);
		int[] quota = records.quota(category.id(), level.id()).orElseThrow();
		return Optional.of(quota[0] + "/" + quota[1]);
	}

	private Decision record(SignedInUser actor, Context context, Entry after, int version, Step step, String remark,
			Instant now, Map<String, Object> details) {
		Entry before = context.entry();
		decisions.record(actor, before, after, version, step, context.level().id(), remark, now);
		Map<String, Object> beforeState = new LinkedHashMap<>();
		beforeState.put("state", before.state().name());
		beforeState.put("pendingOrganisation", before.pendingOrganisationId());
		Map<String, Object> afterState = new LinkedHashMap<>();
		afterState.put("state", after.state().name());
		afterState.put("pendingOrganisation", after.pendingOrganisationId());
		afterState.put("decision", step.name());
		afterState.put("level", context.level().id());
		afterState.put("opinion", remark);
		afterState.putAll(details);
		auditLog.recordChange(AuditAction.UPDATED, "entry", before.id(), before.organisationPath(),
				text("approval.audit." + step.name(), context.level().name(), before.title()), beforeState,
				afterState);
		return new Decision(before.id(), step, after.state(),
				after.state() == EntryState.SUBMITTED ? after.pendingOrganisationId() : null);
	}

	/** The answers of the first level: every item of the category, none of the mandatory ones NOT_MET. */
	private List<JudgementAnswer> judged(CategoryRules rules, List<JudgementAnswer> answers) {
		Map<JudgementKind, JudgementAnswer> byKind = new LinkedHashMap<>();
		for (JudgementAnswer answer : answers == null ? List.<JudgementAnswer>of() : answers) {
			if (answer != null && answer.kind() != null && rules.allowsJudgement(answer.kind())) {
				byKind.put(answer.kind(), answer);
			}
		}
		List<Judgement> missing = rules.judgements().stream().filter(item -> !byKind.containsKey(item.kind())).toList();
		if (!missing.isEmpty()) {
			throw new ApprovalRejected("judgements", "approval.rejected.judgementsMissing", labels(missing));
		}
		List<Judgement> notMet = rules.judgements()
			.stream()
			.filter(item -> item.mandatory() && !byKind.get(item.kind()).met())
			.toList();
		if (!notMet.isEmpty()) {
			throw new ApprovalRejected("judgements", "approval.rejected.judgementNotMet", labels(notMet));
		}
		List<JudgementAnswer> judged = new ArrayList<>();
		for (Judgement item : rules.judgements()) {
			JudgementAnswer answer = byKind.get(item.kind());
			String note = answer.note() == null || answer.note().isBlank() ? null
					: answer.note().strip().replace("\r\n", "\n");
			if (note != null && note.codePointCount(0, note.length()) > MAX_OPINION) {
				throw new ApprovalRejected("judgements", "approval.rejected.noteTooLong", MAX_OPINION);
			}
			judged.add(new JudgementAnswer(item.kind(), answer.met(), note));
		}
		return judged;
	}

	private String labels(List<Judgement> items) {
		return items.stream()
			.map(item -> text("campaign.judgement." + item.kind().name()))
			.collect(Collectors.joining("、"));
	}

	private static String opinion(String text, String missingCode) {
		if (text == null || text.isBlank()) {
			throw new ApprovalRejected("opinion", missingCode);
		}
		// Stored and counted with LF line breaks, as the textarea's maxlength counts them.
		String clean = text.strip().replace("\r\n", "\n");
		if (clean.codePointCount(0, clean.length()) > MAX_OPINION) {
			throw new ApprovalRejected("opinion", "approval.rejected.opinionTooLong", MAX_OPINION);
		}
		return clean;
	}

	// --- where the entry stands ---------------------------------------------------------------------

	private record Context(Entry entry, Campaign campaign, Category category, Organisation level,
			Organisation next) {
	}

	/**
	 * The entry with its row locked, for an actor who may act on it now. An entry the actor may not
	 * read is not found; one it may read but that does not wait at its organisation is refused with
	 * where it stands.
	 */
	private Context load(SignedInUser actor, long entryId) {
		Entry entry = decisions.lock(entryId)
			.filter(found -> actor.isAdmin() && actor.administers(found.organisationPath()))
			.orElseThrow(() -> new NotFoundException("entry " + entryId));
		if (actor.role() != Role.ORG_ADMIN || !entry.waitsAt(actor.organisationId())) {
			if (entry.state() == EntryState.SUBMITTED) {
				throw new ApprovalRejected(null, "approval.rejected.notYourTurn",
						organisations.findById(entry.pendingOrganisationId()).map(Organisation::name).orElse(""));
			}
			throw new ApprovalRejected(null, "approval.rejected.notInChain",
					text("submission.state." + entry.state().name()));
		}
		Campaign campaign = campaigns.findById(entry.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + entry.campaignId()));
		Category category = campaigns.categories(campaign)
			.stream()
			.filter(candidate -> candidate.id() == entry.categoryId())
			.findFirst()
			.orElseThrow(() -> new NotFoundException("category " + entry.categoryId()));
		List<Organisation> chain = chain(entry, campaign);
		int at = indexOf(chain, actor.organisationId());
		if (at < 0) {
			throw new ApprovalRejected(null, "approval.rejected.notInChain",
					text("submission.state." + entry.state().name()));
		}
		return new Context(entry, campaign, category, chain.get(at), at + 1 < chain.size() ? chain.get(at + 1) : null);
	}

	private static int indexOf(List<Organisation> chain, long organisationId) {
		for (int i = 0; i < chain.size(); i++) {
			if (chain.get(i).id() == organisationId) {
				return i;
			}
		}
		return -1;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, CHINESE);
	}
}
