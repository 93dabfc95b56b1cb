package cn.zhengji.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.zhengji.infrastructure.text.ReadableText;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.account.AccountProfile;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.SubmitterKind;
import cn.zhengji.campaign.CategoryRules.TextField;
import cn.zhengji.campaign.Declaration;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.text.CharacterCount;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.infrastructure.web.NotVisibleException;
import cn.zhengji.media.Finding;
import cn.zhengji.media.Inspection;
import cn.zhengji.media.MediaInspector;
import cn.zhengji.media.Verdict;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.submission.EntryTransitioned.Step;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-SUB-1 The one owner of an entry's life: every command that changes an entry goes
 * through here — the owner's (create, edit, attach and detach files, submit, recall for
 * changes, withdraw) and the approval chain's levels' ({@link #decide}: approve or
 * recommend, return, reject); the review and award outcomes will join them. This class is
 * the only writer of the {@code entry} row, its history ({@code entry_transition}) and
 * the {@link EntryTransitioned} event.
 *
 * <p>
 * Each command runs in one transaction that locks the entry row, checks that the actor
 * may act (the owner: {@link EntryPolicy#owns}, else 404; a level: it is where the entry
 * waits), lets the {@link Entry} decide the transition (deadline, state), writes the
 * entry with its optimistic-locking version (a stale version is an
 * {@link EntryConflict}), writes one history row naming the step and who took it, and
 * publishes {@link EntryTransitioned} inside the transaction, where the approval module
 * gives back a quota place and forgets judgements, and the notification module writes its
 * notices — all committed together or not at all. Slow work (inspecting a file) runs
 * before the lock.
 */
@Service
@Transactional
public class EntryLifecycle {

	private static final int MAX_TITLE = 100;

	private final EntryRecords records;

	private final Entries entries;

	private final NominationForms nominations;

	private final Campaigns campaigns;

	private final StoredFiles storedFiles;

	private final MediaInspector inspector;

	private final AuditLog auditLog;

	private final Texts texts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ApprovalChain chain;

	private final TransactionTemplate transaction;

	private final EntryImportRecords importRecords;

	EntryLifecycle(EntryRecords records, Entries entries, NominationForms nominations, Campaigns campaigns,
			StoredFiles storedFiles, MediaInspector inspector, AuditLog auditLog, Texts texts, Clock clock,
			ApplicationEventPublisher events, ApprovalChain chain, PlatformTransactionManager transactionManager,
			EntryImportRecords importRecords) {
		this.importRecords = importRecords;
		this.events = events;
		this.chain = chain;
		this.transaction = new TransactionTemplate(transactionManager);
		this.records = records;
		this.entries = entries;
		this.nominations = nominations;
		this.campaigns = campaigns;
		this.storedFiles = storedFiles;
		this.inspector = inspector;
		this.auditLog = auditLog;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * Creates a draft in a category of a campaign whose SUBMISSION phase is open, if the
	 * category's rule admits the actor (a participant of a listed kind, or an admin of an
	 * organisation of a listed kind). Writes the entry, its first history row (CREATED)
	 * and a CREATED audit event. A second entry of the same owner in a one-per-person
	 * category is refused by the unique index {@code entry_one_per_owner_uq}.
	 * @return the new entry's id
	 */
	public long create(SignedInUser actor, String campaignCode, String categoryCode, String title) {
		Instant now = clock.instant();
		Campaign campaign = campaigns.findByCode(campaignCode)
			.orElseThrow(() -> new EntryChangeRejected("campaign", "submission.rejected.noCampaign"));
		if (!campaign.acceptsSubmissions(now)) {
			throw new EntryChangeRejected("campaign", "submission.rejected.notOpen");
		}
		Category category = campaigns.category(campaign, categoryCode)
			.orElseThrow(() -> new EntryChangeRejected("category", "submission.rejected.noCategory"));
		AccountProfile profile = entries.profile(actor);
		Organisation organisation = entries.organisation(profile.organisationId());
		SubmitterKind kind = EntryPolicy.submitterKind(profile, organisation, category.rules())
			.orElseThrow(() -> new EntryChangeRejected("category", "submission.rejected.notAllowed",
					entries.whyNot(profile, organisation, category.rules())));
		String cleanTitle = title(title);
		String owner = kind == SubmitterKind.UNION_ORGANISATION ? Entry.organisationOwner(organisation.id())
				: Entry.accountOwner(actor.accountId());
		long id;
		try {
			id = records.insert(campaign.id(), category.id(), actor.accountId(), kind, owner,
					!category.rules().multipleWorksPerPerson(), organisation.id(), organisation.path(), cleanTitle,
					now);
		}
		catch (DuplicateKeyException ex) {
			throw new EntryChangeRejected("category", kind == SubmitterKind.UNION_ORGANISATION
					? "submission.rejected.onePerOrganisation" : "submission.rejected.onePerPerson", category.name());
		}
		records.insertTransition(id, null, EntryState.DRAFT, Step.CREATED, actor.accountId(), actor.displayName(), now,
				null, null);
		auditLog.recordChange(AuditAction.CREATED, "entry", id, organisation.path(),
				texts.text("submission.audit.created", cleanTitle, category.name()), null, Map.of("campaign",
						campaign.code(), "category", category.code(), "title", cleanTitle, "state", "DRAFT"));
		return id;
	}

	/**
	 * Saves the title, the texts (only the category's fields are kept) and, for a
	 * good-netizen entry, the nomination form, of a draft or a returned entry
	 * ({@link Entry#edited}: a submitted entry is recalled first). Writes the entry
	 * (version checked), the nomination row and an UPDATED audit event (texts by length,
	 * personal data never in the audit log). No history row: the state stays.
	 */
	public void edit(SignedInUser actor, long id, int version, String title, Map<String, String> typedTexts,
			NominationInput nomination) {
		Instant now = clock.instant();
		Entry entry = ownedLocked(actor, id);
		Campaign campaign = campaign(entry);
		Category category = Entries.category(campaigns, campaign, entry.categoryId());
		Entry edited = entry.edited(now, deadline(campaign))
			.withContent(title(title), EntryTexts.of(category.rules().textFields(), typedTexts));
		NominationForms.Checked checked = category.rules().nominationForm() && nomination != null
				? nominations.check(id, nomination) : null;
		write(edited, version);
		if (checked != null) {
			nominations.save(id, checked);
		}
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(),
				texts.text("submission.audit.edited", edited.title()), describe(entry, category),
				describe(edited, category));
	}

	/**
	 * Attaches a completed upload of the actor to a slot (R-SUB-3): checks the file by
	 * its content ({@link MediaInspector}) and stores the inspection with the attachment.
	 * The inspection (which can read a large video) runs before the entry row is locked;
	 * the lock is then taken, the entry checked again and the result written, so a slow
	 * file never holds the entry or a connection. A file whose format the slot does not
	 * accept (a script, an SVG, a zip bomb, an MP3 for an MP4 slot) is not attached: only
	 * a FILE_REJECTED audit event records the attempt. A file of the right format that
	 * breaks a rule (720P, too long) is attached with its FAILED findings, which block
	 * submitting. A slot for one file gets the new file in place of the old one — unless
	 * the new file fails its checks and the old one passed them (R-X-4): then the old
	 * file stays and the new one is refused (FILE_REJECTED), so a bad file never replaces
	 * a good one. The old attachment is removed only in the transaction that writes its
	 * checked replacement.
	 * @param section the section of the category's text the file belongs to, or null
	 * @throws NotFoundException for an unknown slot or an upload that is not the actor's
	 * completed upload
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public AttachOutcome attach(SignedInUser actor, long id, String slotKey, String section, UUID uploadId) {
		Entry seen = owned(actor, id, records.find(id));
		Campaign campaign = campaign(seen);
		Category category = Entries.category(campaigns, campaign, seen.categoryId());
		AttachmentSlot slot = entries.slots(category)
			.stream()
			.filter(candidate -> candidate.key().equals(slotKey))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("slot " + slotKey));
		seen.edited(clock.instant(), deadline(campaign));
		String cleanSection = section(category, section);
		StoredFile file = storedFiles.findCompleted(uploadId)
			.filter(found -> found.ownerAccountId() == actor.accountId())
			.orElseThrow(() -> new NotFoundException("upload " + uploadId));
		requireNotAttached(records.attachments(id), file);
		Inspection inspection = inspector.inspect(storedFiles.localPath(file), slot);
		return transaction.execute(status -> attachInspected(actor, id, slot, cleanSection, file, inspection));
	}

	private AttachOutcome attachInspected(SignedInUser actor, long id, AttachmentSlot slot, String section,
			StoredFile file, Inspection inspection) {
		Instant now = clock.instant();
		Entry entry = ownedLocked(actor, id);
		Entry edited = entry.edited(now, deadline(campaign(entry)));
		List<Attachment> current = records.attachments(id);
		List<Attachment> inSlot = current.stream().filter(attached -> attached.slotKey().equals(slot.key())).toList();
		boolean oneFile = slot.maxCount() != null && slot.maxCount() == 1;
		Optional<Attachment> passing = inSlot.stream().filter(old -> !old.blocksSubmission()).findFirst();
		if (!acceptedFormat(inspection, slot)) {
			String reason = refusal(inspection, slot);
			refused(entry, slot, file, inspection, reason);
			return new AttachOutcome(false, texts.text("submission.attach.refused", file.fileName(), reason),
					inspection.findings(), file.fileName(),
					oneFile ? inSlot.stream().findFirst().map(Attachment::fileName).orElse(null) : null);
		}
		requireNotAttached(current, file);
		if (oneFile && inspection.blocksSubmission() && passing.isPresent()) {
			// R-X-4: a failing file never takes the place of a passing one.
			String reason = refusal(inspection, slot);
			refused(entry, slot, file, inspection, reason);
			return new AttachOutcome(false,
					texts.text("submission.attach.refusedKept", file.fileName(), passing.get().fileName(), reason),
					inspection.findings(), file.fileName(), passing.get().fileName());
		}
		if (oneFile) {
			inSlot.forEach(old -> records.deleteAttachment(id, old.id()));
		}
		else if (slot.maxCount() != null && inSlot.size() >= slot.maxCount()) {
			throw new EntryChangeRejected("file", "submission.attach.full", slot.label(), slot.maxCount());
		}
		long attachmentId = records.insertAttachment(id, slot.key(), section, file.id(), file.fileName(), file.size(),
				file.sha256(), inspection, actor.accountId(), now);
		write(edited, entry.version());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("attachment", attachmentId);
		after.put("slot", slot.key());
		after.put("file", file.fileName());
		after.put("sha256", file.sha256());
		after.put("findings", inspection.findings());
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(), texts.text(
				inspection.blocksSubmission() ? "submission.audit.fileAttachedFailed" : "submission.audit.fileAttached",
				file.fileName(), slot.label()), null, after);
		return new AttachOutcome(true, texts.text(
				inspection.blocksSubmission() ? "submission.attach.attachedFailed" : "submission.attach.attached",
				file.fileName()), inspection.findings(), file.fileName(), null);
	}

	/** The FILE_REJECTED audit event of a file not attached, with its reason. */
	private void refused(Entry entry, AttachmentSlot slot, StoredFile file, Inspection inspection, String reason) {
		auditLog.recordChange(AuditAction.FILE_REJECTED, "entry", entry.id(), entry.organisationPath(),
				texts.text("submission.audit.fileRefused", file.fileName(), slot.label(), reason), null,
				Map.of("file", file.id().toString(), "sha256", file.sha256(), "slot", slot.key(), "findings",
						inspection.findings()));
	}

	private static void requireNotAttached(List<Attachment> current, StoredFile file) {
		if (current.stream().anyMatch(attached -> attached.fileId().equals(file.id()))) {
			throw new EntryChangeRejected("file", "submission.attach.duplicate", file.fileName());
		}
	}

	/**
	 * Removes a file from a draft or returned entry (the stored file itself stays,
	 * unchanged).
	 */
	public void detach(SignedInUser actor, long id, long attachmentId) {
		Instant now = clock.instant();
		Entry entry = ownedLocked(actor, id);
		Entry edited = entry.edited(now, deadline(campaign(entry)));
		Attachment attachment = records.attachments(id)
			.stream()
			.filter(file -> file.id() == attachmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
		records.deleteAttachment(id, attachmentId);
		write(edited, entry.version());
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(),
				texts.text("submission.audit.fileRemoved", attachment.fileName()),
				Map.of("attachment", attachmentId, "file", attachment.fileName(), "sha256", attachment.sha256()), null);
	}

	/**
	 * Submits a draft or a returned entry: nothing of {@link EntryView#submitBlockers}
	 * may remain — every check of {@link EntryChecks} passes and every declaration of the
	 * campaign (newest text version) is accepted explicitly; the entry page's submit
	 * button shows the same list. Writes the state, one acceptance row per declaration
	 * (text version, account, time), the history row (SUBMITTED), the event (the first
	 * level is told) and the audit event.
	 */
	public void submit(SignedInUser actor, long id, int version, Set<Long> acceptedDeclarations) {
		Instant now = clock.instant();
		Entry entry = ownedLocked(actor, id);
		Campaign campaign = campaign(entry);
		Entry submitted = entry.submitted(now, deadline(campaign));
		EntryView view = entries.view(actor, entry, true);
		EntryView.SubmitBlockers blockers = view.submitBlockers(acceptedDeclarations);
		if (!blockers.problems().isEmpty()) {
			throw new EntryChangeRejected(null, "submission.rejected.incomplete", blockers.problems().size());
		}
		if (!blockers.unaccepted().isEmpty()) {
			throw new EntryChangeRejected("declarations", "submission.rejected.declarations",
					String.join(texts.text("common.listSeparator"), blockers.unacceptedTitles()));
		}
		List<Declaration> declarations = view.declarations();
		write(submitted, version);
		for (Declaration declaration : declarations) {
			records.insertAcceptance(id, declaration.id(), declaration.code(), declaration.textVersion(),
					actor.accountId(), now);
		}
		transitioned(actor, entry, submitted, Step.SUBMITTED, null, null, now);
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(),
				texts.text("submission.audit.submitted", entry.title()), Map.of("state", entry.state().name()),
				Map.of("state", submitted.state().name(), "declarations",
						declarations.stream()
							.map(declaration -> declaration.code() + "@" + declaration.textVersion())
							.toList()));
	}

	/**
	 * 撤回修改: the owner takes a submitted entry back to a draft to change it, before the
	 * deadline ({@link Entry#recalled}). Writes the entry, the history row (RECALLED),
	 * forgets the opinions of its nomination form, and publishes the event, on which the
	 * approval module gives back a quota place the entry held and forgets the first
	 * level's judgements; audited.
	 */
	public void recall(SignedInUser actor, long id, int version) {
		Instant now = clock.instant();
		Entry entry = ownedLocked(actor, id);
		Entry recalled = entry.recalled(now, deadline(campaign(entry)));
		write(recalled, version);
		records.clearOpinions(id);
		transitioned(actor, entry, recalled, Step.RECALLED, null, null, now);
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(),
				texts.text("submission.audit.recalled", entry.title()), status(entry), status(recalled));
	}

	/**
	 * Withdraws the entry for good, with the owner's remark in the history (WITHDRAWN);
	 * the event lets the approval module give back a quota place; audited.
	 */
	public void withdraw(SignedInUser actor, long id, int version, String remark) {
		Instant now = clock.instant();
		Entry entry = ownedLocked(actor, id);
		Entry withdrawn = entry.withdrawn(now, deadline(campaign(entry)));
		write(withdrawn, version);
		transitioned(actor, entry, withdrawn, Step.WITHDRAWN, null, remark, now);
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(),
				texts.text("submission.audit.withdrawn", entry.title()), status(entry), status(withdrawn));
	}

	// --- the levels of the approval chain (R-APR-1)
	// -------------------------------------------------

	/**
	 * The entry with its row locked until the end of the caller's transaction, for a
	 * level to decide on.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Entry> lock(long entryId) {
		return records.lock(entryId);
	}

	/** What a level of the approval chain decides about the entry waiting there. */
	public enum LevelDecision {

		/**
		 * Pass it on to the next level, or approve it at the top; a recommendation where
		 * the level recommends.
		 */
		APPROVE,
		/** Send it back to the submitter to change it (before the deadline only). */
		RETURN,
		/** Refuse it; final. */
		REJECT

	}

	/**
	 * R-APR-1 The decision of the level where the entry waits, taken by an admin of that
	 * level, inside the caller's transaction (the approval module authorises the actor,
	 * takes a quota place, keeps the judgements and audits). The levels come from
	 * {@link ApprovalChain}; approving at a level that recommends is the step
	 * RECOMMENDED, at the top the entry is APPROVED.
	 *
	 * <p>
	 * Writes the entry if nobody changed it since {@code expectedVersion} (else
	 * {@link EntryConflict}); writes the opinion into the nomination form's box of that
	 * level (R-NOM-1: 工作单位意见 at the first level, 推荐单位意见 when recommending, 省总工会意见 at the
	 * top); on a return forgets the form's opinions (it is judged again after
	 * resubmitting); writes the history row naming the level and the step; publishes
	 * {@link EntryTransitioned}.
	 * @param remark the opinion or reason, already checked by the caller
	 * @return the event as published: the step taken, the new state and where the entry
	 * waits next
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public EntryTransitioned decide(SignedInUser actor, Entry entry, int expectedVersion, LevelDecision decision,
			String remark) {
		Instant now = clock.instant();
		Campaign campaign = campaign(entry);
		Category category = Entries.category(campaigns, campaign, entry.categoryId());
		List<ApprovalChain.Level> levels = chain.levels(entry, category);
		int at = indexOf(levels, actor.organisationId());
		if (at < 0 || !entry.waitsAt(actor.organisationId())) {
			throw new EntryChangeRejected(null, "submission.rejected.notWaitingHere");
		}
		ApprovalChain.Level level = levels.get(at);
		ApprovalChain.Level next = at + 1 < levels.size() ? levels.get(at + 1) : null;
		boolean recommends = next != null && level.recommends();
		Entry after = switch (decision) {
			case APPROVE ->
				entry.approvedAt(level.organisationId(), next == null ? null : next.organisationId(), recommends, now);
			case RETURN -> entry.returnedBy(level.organisationId(), now, deadline(campaign));
			case REJECT -> entry.rejectedBy(level.organisationId(), now);
		};
		Step step = switch (decision) {
			case APPROVE -> recommends ? Step.RECOMMENDED : Step.APPROVED;
			case RETURN -> Step.RETURNED;
			case REJECT -> Step.REJECTED;
		};
		write(after, expectedVersion);
		if (category.rules().nominationForm() && decision == LevelDecision.APPROVE) {
			if (entry.atFirstLevel()) {
				records.saveOpinion(entry.id(), NominationOpinion.WORK_UNIT, remark);
			}
			if (recommends) {
				records.saveOpinion(entry.id(), NominationOpinion.RECOMMENDING_UNIT, remark);
			}
			if (next == null) {
				records.saveOpinion(entry.id(), NominationOpinion.PROVINCE, remark);
			}
		}
		if (decision == LevelDecision.RETURN) {
			records.clearOpinions(entry.id());
		}
		return transitioned(actor, entry, after, step, level.organisationId(), remark, now);
	}

	/**
	 * Issue 12: the outcome of a locked review round for one of its works (one writer per
	 * aggregate: the review module reports, this class changes the entry). Runs inside
	 * the caller's transaction (the round's lock), so that the lock and every work's
	 * outcome are committed together or not at all. Locks the entry row; moves an
	 * APPROVED entry ({@link Entry#reviewed}: ADVANCED stays APPROVED, AWARDED becomes
	 * AWARDED, the others NOT_AWARDED); writes a history row with the step and the remark
	 * (e.g. 初评：进入复评, 复评：一等奖), an UPDATED audit event, and publishes
	 * {@link EntryTransitioned}, which writes no notice: results reach the participants
	 * when they are published.
	 * @param remark what the history shows beside the step
	 * @throws EntryChangeRejected when the entry is no longer APPROVED (withdrawn, or its
	 * review already ended)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public EntryTransitioned recordReviewOutcome(SignedInUser actor, long entryId, ReviewOutcome outcome,
			String remark) {
		Instant now = clock.instant();
		Entry entry = records.lock(entryId).orElseThrow(() -> new NotFoundException("entry " + entryId));
		Entry after = entry.reviewed(outcome, now);
		write(after, entry.version());
		auditLog.recordChange(AuditAction.UPDATED, "entry", entryId, entry.organisationPath(),
				texts.plain("submission.audit.reviewOutcome", entry.title(), remark), status(entry),
				Map.of("state", after.state().name(), "step", outcome.step().name(), "remark", remark));
		return transitioned(actor, entry, after, outcome.step(), null, remark, now);
	}

	/**
	 * Issue 13 (R-PUB-1): a step of an awarded entry's publicity period, reported by the
	 * publicity module inside its transaction (one writer per aggregate). Locks the entry
	 * row; {@link Entry#publicity} checks the state (AWARDED to start, IN_PUBLICITY for
	 * the others); writes the entry, a history row with the step and the remark (e.g.
	 * "公示：复评 一等奖", "异议成立：改为二等奖"), an UPDATED audit event, and publishes
	 * {@link EntryTransitioned} (the notification module tells the owners).
	 * @param actor the admin who acts, or null for the platform itself (the job that ends
	 * the period; the history then names {@code submission.actor.system})
	 * @throws EntryChangeRejected when the entry is not in the state the step needs
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public EntryTransitioned recordPublicityStep(SignedInUser actor, long entryId, PublicityStep step, String remark) {
		Instant now = clock.instant();
		Entry entry = records.lock(entryId).orElseThrow(() -> new NotFoundException("entry " + entryId));
		Entry after = entry.publicity(step, now);
		write(after, entry.version());
		auditLog.recordChange(AuditAction.UPDATED, "entry", entryId, entry.organisationPath(),
				texts.plain("submission.audit.publicity", entry.title(), remark), status(entry),
				Map.of("state", after.state().name(), "step", step.step().name(), "remark", remark));
		if (actor == null) {
			return transitioned(null, texts.plain("submission.actor.system"), entry, after, step.step(), null, remark,
					now);
		}
		return transitioned(actor, entry, after, step.step(), null, remark, now);
	}

	/**
	 * Issue 14 (R-APR-2): the province recommends an entry to the national campaign
	 * (推荐至全国), reported by the handoff module inside its transaction (one writer per
	 * aggregate). Locks the entry row; {@link Entry#nationallyRecommended} checks the
	 * state (approved by the host, or awarded) and keeps it; writes the entry, a history
	 * row NATIONAL_RECOMMENDED with the remark (the sub-project and the note), an UPDATED
	 * audit event, and publishes {@link EntryTransitioned} (no notice is written).
	 * @throws EntryChangeRejected when the entry is in no state to be recommended
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public EntryTransitioned recordNationalRecommendation(SignedInUser actor, long entryId, String subProject,
			String remark) {
		Instant now = clock.instant();
		Entry entry = records.lock(entryId).orElseThrow(() -> new NotFoundException("entry " + entryId));
		Entry after = entry.nationallyRecommended(now);
		write(after, entry.version());
		auditLog.recordChange(AuditAction.UPDATED, "entry", entryId, entry.organisationPath(),
				texts.plain("submission.audit.nationalRecommendation", entry.title(), subProject), status(entry),
				Map.of("state", after.state().name(), "step", Step.NATIONAL_RECOMMENDED.name(), "remark", remark));
		return transitioned(actor, entry, after, Step.NATIONAL_RECOMMENDED, null, remark, now);
	}

	/**
	 * Issue 14 item 3 (R-CAM-5): creates in a (national) campaign the entry of a work
	 * received in a province's hand-off package, reported by the handoff module's import
	 * inside its transaction (one writer per aggregate). The entry belongs to the
	 * province's unit (a unit's entry), is SUBMITTED and waits at the campaign's host,
	 * decided and recommended by the province. Writes the entry, its {@code entry_import}
	 * row (the author, unit chain, province category, award and note as data;
	 * {@code entry_import_source_uq} refuses a second import of the same work:
	 * {@link DuplicateKeyException}, the caller's transaction is then rolled back), one
	 * attachment per stored file (slot {@link ImportedEntries#SLOT}, no inspection: the
	 * province checked the files, the SHA-256 proves they are the same), one history row
	 * NATIONAL_IMPORTED by the importing admin (remark: province, package, award), a
	 * CREATED audit event, and publishes {@link EntryTransitioned} (no notice is
	 * written).
	 * @return the new entry's id
	 * @throws EntryChangeRejected for a title that is missing, too long or unreadable
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long importFromProvince(long actorId, String actorName, Campaign campaign, Organisation province,
			ImportedEntries.ImportedWork work, String remark) {
		Instant now = clock.instant();
		Category category = Entries.category(campaigns, campaign, work.categoryId());
		String cleanTitle = title(work.title());
		long id = importRecords.insertEntry(campaign.id(), category.id(), actorId, province.id(), province.path(),
				campaign.hostOrganisationId(), cleanTitle, now);
		importRecords.insertImport(id, campaign.id(), work, now);
		Inspection none = new Inspection(null, "application/octet-stream", null, List.of());
		for (StoredFile file : work.files()) {
			records.insertAttachment(id, ImportedEntries.SLOT, null, file.id(), file.fileName(), file.size(),
					file.sha256(), none, actorId, now);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("campaign", campaign.code());
		after.put("category", category.code());
		after.put("title", cleanTitle);
		after.put("state", EntryState.SUBMITTED.name());
		after.put("source", work.sourceKey());
		after.put("package", work.packageName());
		auditLog.recordChange(AuditAction.CREATED, "entry", id, province.path(),
				texts.plain("submission.audit.nationalImport", cleanTitle, work.province(), work.packageName()), null,
				after);
		Entry entry = records.find(id).orElseThrow();
		records.insertTransition(id, null, EntryState.SUBMITTED, Step.NATIONAL_IMPORTED, actorId, actorName, now,
				remark, null);
		events.publishEvent(new EntryTransitioned(id, campaign.id(), category.id(), cleanTitle, null,
				EntryState.SUBMITTED, Step.NATIONAL_IMPORTED, null, entry.pendingOrganisationId(),
				entry.ownerAccountId(), province.id(), actorId, actorName, remark, now));
		return id;
	}

	/**
	 * Issue 14: the province takes an entry back out of its national recommendation
	 * (撤回全国推荐), reported by the handoff module inside its transaction after it removed
	 * the selection (one writer per aggregate). Locks the entry row; writes the entry
	 * (the state stays), a history row NATIONAL_RECOMMENDATION_WITHDRAWN with the remark
	 * (the sub-project and the reason), an UPDATED audit event, and publishes
	 * {@link EntryTransitioned} (no notice is written).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public EntryTransitioned recordNationalRecommendationWithdrawal(SignedInUser actor, long entryId, String subProject,
			String remark) {
		Instant now = clock.instant();
		Entry entry = records.lock(entryId).orElseThrow(() -> new NotFoundException("entry " + entryId));
		Entry after = entry.nationalRecommendationWithdrawn(now);
		write(after, entry.version());
		auditLog.recordChange(AuditAction.UPDATED, "entry", entryId, entry.organisationPath(),
				texts.plain("submission.audit.nationalRecommendationWithdrawn", entry.title(), subProject),
				status(entry), Map.of("state", after.state().name(), "step",
						Step.NATIONAL_RECOMMENDATION_WITHDRAWN.name(), "remark", remark));
		return transitioned(actor, entry, after, Step.NATIONAL_RECOMMENDATION_WITHDRAWN, null, remark, now);
	}

	private static int indexOf(List<ApprovalChain.Level> levels, long organisationId) {
		for (int i = 0; i < levels.size(); i++) {
			if (levels.get(i).organisationId() == organisationId) {
				return i;
			}
		}
		return -1;
	}

	// --- writing
	// ------------------------------------------------------------------------------------

	private void write(Entry after, int expectedVersion) {
		if (!records.update(after, expectedVersion)) {
			throw new EntryConflict(after.id());
		}
	}

	/**
	 * The history row of a step and the {@link EntryTransitioned} event listeners handle
	 * inside this transaction.
	 */
	private EntryTransitioned transitioned(SignedInUser actor, Entry before, Entry after, Step step, Long level,
			String remark, Instant now) {
		return transitioned(actor.accountId(), actor.displayName(), before, after, step, level, remark, now);
	}

	private EntryTransitioned transitioned(Long actorId, String actorName, Entry before, Entry after, Step step,
			Long level, String remark, Instant now) {
		records.insertTransition(before.id(), before.state(), after.state(), step, actorId, actorName, now, remark,
				level);
		EntryTransitioned event = new EntryTransitioned(after.id(), after.campaignId(), after.categoryId(),
				after.title(), before.state(), after.state(), step, level, after.pendingOrganisationId(),
				after.ownerAccountId(), after.organisationId(), actorId, actorName, remark, now);
		events.publishEvent(event);
		return event;
	}

	private Entry ownedLocked(SignedInUser actor, long id) {
		return owned(actor, id, records.lock(id));
	}

	/**
	 * The owner's entry: someone else's that the actor may not even read is refused (and
	 * audited); one it reads as an admin above is simply not found here.
	 */
	private static Entry owned(SignedInUser actor, long id, Optional<Entry> found) {
		Entry entry = NotVisibleException.visible(found, candidate -> EntryPolicy.mayRead(actor, candidate), "entry",
				id);
		if (!EntryPolicy.owns(actor, entry)) {
			throw new NotFoundException("entry " + id);
		}
		return entry;
	}

	private Campaign campaign(Entry entry) {
		return campaigns.findById(entry.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + entry.campaignId()));
	}

	private static Instant deadline(Campaign campaign) {
		return campaign.submissionDeadline().orElse(null);
	}

	private static Map<String, Object> status(Entry entry) {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("state", entry.state().name());
		status.put("pendingOrganisation", entry.pendingOrganisationId());
		status.put("recommendedBy", entry.recommendedById());
		return status;
	}

	/**
	 * Findings that mean the content is not a usable file of its kind at all (wrong or
	 * unknown format, cut short or damaged, an archive bomb or a path escaping the
	 * archive, a picture too large to decode safely): such a file is refused, not
	 * attached with a failure.
	 */
	private static final Set<String> REFUSING_RULES = Set.of("format", "integrity", "archive", "image.pixels");

	/**
	 * The format found in the content is one the slot takes, and nothing about the
	 * content is unsafe.
	 */
	static boolean acceptedFormat(Inspection inspection, AttachmentSlot slot) {
		if (inspection.detectedKind() == null || !slot.accepts(inspection.detectedKind())) {
			return false;
		}
		return inspection.findings()
			.stream()
			.noneMatch(finding -> finding.verdict() == Verdict.FAILED && REFUSING_RULES.contains(finding.rule()));
	}

	private String refusal(Inspection inspection, AttachmentSlot slot) {
		List<String> failed = inspection.findings()
			.stream()
			.filter(finding -> finding.verdict() == Verdict.FAILED)
			.map(Finding::message)
			.toList();
		if (!failed.isEmpty()) {
			return String.join(texts.text("common.clauseSeparator"), failed);
		}
		return texts.text("submission.attach.wrongFormat",
				inspection.detectedKind() == null ? texts.text("submission.attach.unknownFormat")
						: inspection.detectedKind().name(),
				slot.accepted()
					.stream()
					.map(Enum::name)
					.collect(Collectors.joining(texts.text("common.listSeparator"))));
	}

	private String section(Category category, String section) {
		if (section == null) {
			return null;
		}
		boolean known = category.rules()
			.textFields()
			.stream()
			.map(TextField::sections)
			.anyMatch(s -> s.contains(section));
		if (!known) {
			throw new NotFoundException("section " + section);
		}
		return section;
	}

	private static String title(String title) {
		if (title == null || title.isBlank()) {
			throw new EntryChangeRejected("title", "submission.rejected.titleMissing");
		}
		String clean = title.strip();
		if (CharacterCount.exceeds(clean, MAX_TITLE)) {
			throw new EntryChangeRejected("title", "submission.rejected.titleTooLong", MAX_TITLE);
		}
		ReadableText.problem(clean).ifPresent(problem -> {
			throw new EntryChangeRejected("title", problem.messageKey());
		});
		return clean;
	}

	private static Map<String, Object> describe(Entry entry, Category category) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", entry.title());
		state.put("state", entry.state().name());
		for (TextField field : category.rules().textFields()) {
			state.put("text:" + field.key() + ":characters", entry.texts().length(field));
		}
		return state;
	}

}
