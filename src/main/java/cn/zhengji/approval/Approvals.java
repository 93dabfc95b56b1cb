package cn.zhengji.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhengji.infrastructure.Texts;
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
import cn.zhengji.infrastructure.web.NotVisibleException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.Entry;
import cn.zhengji.submission.EntryConflict;
import cn.zhengji.infrastructure.text.CharacterCount;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.EntryLifecycle.LevelDecision;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned;
import cn.zhengji.submission.EntryView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-APR-1 The decisions of the levels of the approval chain. Each method acts for the
 * admin of the organisation at which the entry waits (anyone else gets a 404), in one
 * transaction with the entry's row locked: it applies the chain's own rules (judgement
 * items, quota places, the length of an opinion), lets the entry's owner module apply the
 * transition ({@link EntryLifecycle#decide}: the entry, its history, the nomination
 * form's opinion, the event) and audits the decision with what the chain added (quota,
 * judgements).
 *
 * <p>
 * The levels and where approving is a recommendation come from {@link ChainOfLevels}. A
 * recommendation takes a place of the unit's quota where the category has one.
 */
@Service
public class Approvals {

	/** The longest opinion or reason, in characters (line breaks count once). */
	public static final int MAX_OPINION = 500;

	private final EntryLifecycle lifecycle;

	private final ChainOfLevels chain;

	private final ApprovalRecords records;

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final AuditLog auditLog;

	private final Texts texts;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	Approvals(EntryLifecycle lifecycle, ChainOfLevels chain, ApprovalRecords records, Campaigns campaigns,
			Organisations organisations, AuditLog auditLog, Texts texts, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.lifecycle = lifecycle;
		this.chain = chain;
		this.records = records;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.auditLog = auditLog;
		this.texts = texts;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Approves at the actor's level with an opinion; at a recommending level of the
	 * category this is a recommendation and takes a place of the unit's quota. The first
	 * level must answer every judgement item of the category.
	 */
	@Transactional
	public Decision approve(SignedInUser actor, long entryId, int version, String opinion,
			List<JudgementAnswer> answers) {
		return approveLocked(actor, load(actor, entryId), version, opinion, answers);
	}

	/**
	 * Sends the entry back to its submitter with a reason; only before the submission
	 * deadline.
	 */
	@Transactional
	public Decision returnToSubmitter(SignedInUser actor, long entryId, int version, String reason) {
		Context context = load(actor, entryId);
		String clean = opinion(reason, "approval.rejected.reasonMissing");
		return record(actor, context, version, LevelDecision.RETURN, clean, Map.of());
	}

	/** Refuses the entry with a reason; final. */
	@Transactional
	public Decision reject(SignedInUser actor, long entryId, int version, String reason) {
		Context context = load(actor, entryId);
		String clean = opinion(reason, "approval.rejected.reasonMissing");
		return record(actor, context, version, LevelDecision.REJECT, clean, Map.of());
	}

	/**
	 * Approves several entries waiting at the actor's level with one opinion, each in its
	 * own transaction and each at the version the admin saw in the queue (an entry
	 * changed since is refused as a conflict, not approved unseen); entries with open
	 * judgement items (or anything else in the way) are refused with a message and the
	 * rest go through.
	 * @param versionsSeen entry id → the version shown to the admin, in the order of the
	 * queue
	 */
	public BatchOutcome approveAll(SignedInUser actor, Map<Long, Integer> versionsSeen, String opinion) {
		String clean = opinion(opinion, "approval.rejected.opinionMissing");
		List<Long> approved = new ArrayList<>();
		Map<Long, String> refused = new LinkedHashMap<>();
		versionsSeen.forEach((entryId, version) -> {
			try {
				ownTransaction.executeWithoutResult(status -> {
					Context context = load(actor, entryId);
					if (!records.withOpenJudgements(List.of(entryId)).isEmpty()) {
						throw new ApprovalRejected(null, "approval.rejected.openJudgements");
					}
					approveLocked(actor, context, version, clean, List.of());
				});
				approved.add(entryId);
			}
			catch (ChangeRejected rejected) {
				refused.put(entryId, texts.text(rejected.messageCode(), rejected.arguments()));
			}
			catch (NotFoundException missing) {
				refused.put(entryId, texts.text("approval.batch.notFound"));
			}
			catch (EntryConflict conflict) {
				refused.put(entryId, texts.text("approval.conflict"));
			}
		});
		return new BatchOutcome(List.copyOf(approved), Collections.unmodifiableMap(refused));
	}

	/**
	 * Whether the entry's category has judgement items the first level has not all
	 * answered yet.
	 */
	@Transactional(readOnly = true)
	public boolean hasOpenJudgements(long entryId) {
		return !records.withOpenJudgements(List.of(entryId)).isEmpty();
	}

	/**
	 * Of the given entries, those with open judgement items (for a queue of many entries:
	 * one query).
	 */
	@Transactional(readOnly = true)
	public Set<Long> withOpenJudgements(Collection<Long> entryIds) {
		return records.withOpenJudgements(entryIds);
	}

	/**
	 * An opinion or reason as every form of the chain takes it (the decision panel and
	 * the batch form alike): required, stored and counted with LF line breaks, at most
	 * {@link #MAX_OPINION} characters as {@link CharacterCount} counts them.
	 * @throws ApprovalRejected naming the field {@code opinion}
	 */
	public static String opinion(String text, String missingCode) {
		if (text == null || text.isBlank()) {
			throw new ApprovalRejected("opinion", missingCode);
		}
		String clean = text.strip().replace("\r\n", "\n");
		if (CharacterCount.exceeds(clean, MAX_OPINION)) {
			throw new ApprovalRejected("opinion", "approval.rejected.opinionTooLong", MAX_OPINION);
		}
		return clean;
	}

	/**
	 * The decision panel of the admin entry page: only for an organisation admin of the
	 * level where the entry waits.
	 */
	@Transactional(readOnly = true)
	public Optional<DecisionPanel> panel(SignedInUser viewer, EntryView view) {
		Entry entry = view.entry();
		if (viewer.role() != Role.ORG_ADMIN || !entry.waitsAt(viewer.organisationId())) {
			return Optional.empty();
		}
		List<Organisation> levels = chain.organisations(entry, view.campaign());
		int at = indexOf(levels, viewer.organisationId());
		if (at < 0) {
			return Optional.empty();
		}
		Organisation level = levels.get(at);
		Organisation next = at + 1 < levels.size() ? levels.get(at + 1) : null;
		CategoryRules rules = view.category().rules();
		boolean recommends = chain.levels(entry, view.category()).get(at).recommends();
		Optional<QuotaUse> quota = recommends ? quotaOf(view.campaign(), view.category(), level) : Optional.empty();
		Instant deadline = view.campaign().submissionDeadline().orElse(null);
		return Optional.of(new DecisionPanel(entry.id(), entry.version(), level.name(), recommends, next == null,
				next == null ? null : next.name(), entry.atFirstLevel() ? rules.judgements() : List.of(),
				entry.atFirstLevel() ? List.of() : records.judgements(entry.id()), quota,
				deadline == null || clock.instant().isBefore(deadline), view.fileFlags()));
	}

	/**
	 * The quota of a category for one unit, where the category's rule gives its kind a
	 * maximum.
	 */
	Optional<QuotaUse> quotaOf(Campaign campaign, Category category, Organisation unit) {
		Optional<Quota> rule = category.rules().quotaFor(unit.kind()).filter(quota -> quota.max() != null);
		return rule.map(quota -> {
			QuotaCount stored = records.quota(category.id(), unit.id()).orElse(new QuotaCount(0, quota.max()));
			return new QuotaUse(campaign.id(), campaign.title(), category.id(), category.name(), unit.id(), unit.name(),
					stored.used(), Math.max(stored.used(), quota.max()), quota.min());
		});
	}

	// --- the decisions
	// ------------------------------------------------------------------------------

	private Decision approveLocked(SignedInUser actor, Context context, int version, String opinion,
			List<JudgementAnswer> answers) {
		String clean = opinion(opinion, "approval.rejected.opinionMissing");
		Entry entry = context.entry();
		CategoryRules rules = context.category().rules();
		boolean firstLevel = entry.atFirstLevel();
		List<JudgementAnswer> judged = firstLevel ? judged(rules, answers) : List.of();
		Instant now = clock.instant();
		Map<String, Object> details = new LinkedHashMap<>();
		if (context.recommends()) {
			takePlace(actor, context, now).ifPresent(quota -> details.put("quota", quota));
		}
		Decision decision = record(actor, context, version, LevelDecision.APPROVE, clean, details);
		if (firstLevel) {
			records.saveJudgements(entry.id(), judged, actor.accountId(), now);
		}
		return decision;
	}

	/**
	 * Takes a place of the unit's quota, if the category gives one to units of this kind.
	 */
	private Optional<String> takePlace(SignedInUser actor, Context context, Instant now) {
		Organisation level = context.level();
		Category category = context.category();
		Optional<Quota> rule = category.rules().quotaFor(level.kind()).filter(quota -> quota.max() != null);
		if (rule.isEmpty() || records.holdsPlace(context.entry().id())) {
			return Optional.empty();
		}
		records.ensureQuota(category.id(), level.id(), rule.get().max());
		if (!records.takePlace(category.id(), level.id())) {
			QuotaCount quota = records.quota(category.id(), level.id()).orElse(new QuotaCount(0, rule.get().max()));
			throw new ApprovalRejected(null, "approval.rejected.quotaFull", quota.used(), quota.allowed());
		}
		records.insertRecommendation(context.entry().id(), category.id(), level.id(), actor.accountId(), now);
		QuotaCount quota = records.quota(category.id(), level.id()).orElseThrow();
		return Optional.of(quota.used() + "/" + quota.allowed());
	}

	/**
	 * Lets the entry's module apply the decision, then audits it with the chain's
	 * details; on approval the judgements answered are among the details.
	 */
	private Decision record(SignedInUser actor, Context context, int version, LevelDecision decision, String remark,
			Map<String, Object> details) {
		Entry before = context.entry();
		EntryTransitioned step = lifecycle.decide(actor, before, version, decision, remark);
		Map<String, Object> beforeState = new LinkedHashMap<>();
		beforeState.put("state", before.state().name());
		beforeState.put("pendingOrganisation", before.pendingOrganisationId());
		Map<String, Object> afterState = new LinkedHashMap<>();
		afterState.put("state", step.to().name());
		afterState.put("pendingOrganisation", step.nextOrganisationId());
		afterState.put("decision", step.step().name());
		afterState.put("level", context.level().id());
		afterState.put("opinion", remark);
		afterState.putAll(details);
		auditLog.recordChange(AuditAction.UPDATED, "entry", before.id(), before.organisationPath(),
				texts.text("approval.audit." + step.step().name(), context.level().name(), before.title()), beforeState,
				afterState);
		return new Decision(before.id(), step.step(), step.to(),
				step.to() == EntryState.SUBMITTED ? step.nextOrganisationId() : null);
	}

	/**
	 * The answers of the first level: every item of the category, none of the mandatory
	 * ones NOT_MET.
	 */
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
			if (note != null && CharacterCount.exceeds(note, MAX_OPINION)) {
				throw new ApprovalRejected("judgements", "approval.rejected.noteTooLong", MAX_OPINION);
			}
			judged.add(new JudgementAnswer(item.kind(), answer.met(), note));
		}
		return judged;
	}

	private String labels(List<Judgement> items) {
		return items.stream()
			.map(item -> texts.text("campaign.judgement." + item.kind().name()))
			.collect(Collectors.joining(texts.text("common.listSeparator")));
	}

	// --- where the entry stands
	// ---------------------------------------------------------------------

	/**
	 * @param recommends whether approving at this level is a recommendation
	 * ({@link ChainOfLevels})
	 */
	private record Context(Entry entry, Campaign campaign, Category category, Organisation level, boolean recommends) {
	}

	/**
	 * The entry with its row locked, for an actor who may act on it now. An entry the
	 * actor may not read is not found; one it may read but that does not wait at its
	 * organisation is refused with where it stands.
	 */
	private Context load(SignedInUser actor, long entryId) {
		Entry entry = NotVisibleException.visible(lifecycle.lock(entryId),
				found -> actor.isAdmin() && actor.administers(found.organisationPath()), "entry", entryId);
		if (actor.role() != Role.ORG_ADMIN || !entry.waitsAt(actor.organisationId())) {
			if (entry.state() == EntryState.SUBMITTED) {
				throw new ApprovalRejected(null, "approval.rejected.notYourTurn",
						organisations.findById(entry.pendingOrganisationId()).map(Organisation::name).orElse(""));
			}
			throw new ApprovalRejected(null, "approval.rejected.notInChain",
					texts.text("submission.state." + entry.state().name()));
		}
		Campaign campaign = campaigns.findById(entry.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + entry.campaignId()));
		Category category = campaigns.categories(campaign)
			.stream()
			.filter(candidate -> candidate.id() == entry.categoryId())
			.findFirst()
			.orElseThrow(() -> new NotFoundException("category " + entry.categoryId()));
		List<Organisation> levels = chain.organisations(entry, campaign);
		int at = indexOf(levels, actor.organisationId());
		if (at < 0) {
			throw new ApprovalRejected(null, "approval.rejected.notInChain",
					texts.text("submission.state." + entry.state().name()));
		}
		return new Context(entry, campaign, category, levels.get(at),
				chain.levels(entry, category).get(at).recommends());
	}

	private static int indexOf(List<Organisation> chain, long organisationId) {
		for (int i = 0; i < chain.size(); i++) {
			if (chain.get(i).id() == organisationId) {
				return i;
			}
		}
		return -1;
	}

}
