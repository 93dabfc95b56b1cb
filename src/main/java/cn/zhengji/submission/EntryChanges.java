package cn.zhengji.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.media.Finding;
import cn.zhengji.media.Inspection;
import cn.zhengji.media.MediaInspector;
import cn.zhengji.media.Verdict;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.submission.EntryTransitioned.Step;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of an entry (R-SUB-1). Each method runs in one transaction that locks the entry row,
 * checks that the actor owns it ({@link EntryPolicy#owns}, else 404), lets the {@link Entry} decide
 * the transition (deadline, state), writes the entry with its optimistic-locking version (a stale
 * version is an {@link EntryConflict}), records a state change in {@code entry_transition} and the
 * change in the audit log (target {@code entry}) — all committed together or not at all.
 */
@Service
@Transactional
public class EntryChanges {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final int MAX_TITLE = 100;

	private final EntryRecords records;

	private final Entries entries;

	private final NominationForms nominations;

	private final Campaigns campaigns;

	private final StoredFiles storedFiles;

	private final MediaInspector inspector;

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	EntryChanges(EntryRecords records, Entries entries, NominationForms nominations, Campaigns campaigns,
			StoredFiles storedFiles, MediaInspector inspector, AuditLog auditLog, MessageSource messages, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.records = records;
		this.entries = entries;
		this.nominations = nominations;
		this.campaigns = campaigns;
		this.storedFiles = storedFiles;
		this.inspector = inspector;
		this.auditLog = auditLog;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Creates a draft in a category of a campaign whose SUBMISSION phase is open, if the category's
	 * rule admits the actor (a participant of a listed kind, or an admin of an organisation of a listed
	 * kind). Writes the entry, its first history row and a CREATED audit event. A second entry of
	 * the same owner in a one-per-person category is refused by the unique index
	 * {@code entry_one_per_owner_uq}.
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
			.orElseThrow(() -> new EntryChangeRejected("category", "submission.rejected.notAllowed"));
		String cleanTitle = title(title);
		String owner = kind == SubmitterKind.UNION_ORGANISATION ? Entry.organisationOwner(organisation.id())
				: Entry.accountOwner(actor.accountId());
		long id;
		try {
			id = records.insert(campaign.id(), category.id(), actor.accountId(), kind, owner,
					!category.rules().multipleWorksPerPerson(), organisation.id(), organisation.path(), cleanTitle, now);
		}
		catch (DuplicateKeyException ex) {
			throw new EntryChangeRejected("category",
					kind == SubmitterKind.UNION_ORGANISATION ? "submission.rejected.onePerOrganisation"
							: "submission.rejected.onePerPerson",
					category.name());
		}
		records.insertTransition(id, null, EntryState.DRAFT, actor.accountId(), actor.displayName(), now, null);
		auditLog.recordChange(AuditAction.CREATED, "entry", id, organisation.path(),
				"新建作品：" + cleanTitle + "（" + category.name() + "）", null,
				Map.of("campaign", campaign.code(), "category", category.code(), "title", cleanTitle, "state", "DRAFT"));
		return id;
	}

	/**
	 * Saves the title, the texts (only the category's fields are kept) and, for a good-netizen entry,
	 * the nomination form. Editing a submitted entry puts it back to DRAFT ({@link Entry#edited}).
	 * Writes the entry (version checked), the nomination row, a history row if the state changed and
	 * an UPDATED audit event (texts by length, personal data never in the audit log).
	 */
	public void edit(SignedInUser actor, long id, int version, String title, Map<String, String> texts,
			NominationInput nomination) {
		Instant now = clock.instant();
		Entry entry = ownedLocked(actor, id);
		Campaign campaign = campaign(entry);
		Category category = Entries.category(campaigns, campaign, entry.categoryId());
		Entry edited = entry.edited(now, deadline(campaign))
			.withContent(title(title), EntryTexts.of(category.rules().textFields(), texts));
		NominationForms.Checked checked = category.rules().nominationForm() && nomination != null
				? nominations.check(id, nomination) : null;
		if (!records.update(edited, version)) {
			throw new EntryConflict(id);
		}
		if (checked != null) {
			nominations.save(id, checked);
		}
		recordStateChange(actor, entry, edited, now, text("submission.history.editedAfterSubmit"));
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(), "修改作品：" + edited.title(),
				describe(entry, category), describe(edited, category));
	}

	/**
	 * Attaches a completed upload of the actor to a slot (R-SUB-3): checks the file by its content
	 * ({@link MediaInspector}) and stores the inspection with the attachment. A file whose format the
	 * slot does not accept (a script, an SVG, a zip bomb, an MP3 for an MP4 slot) is not attached:
	 * only a FILE_REJECTED audit event records the attempt. A file of the right format that breaks a
	 * rule (720P, too long) is attached with its FAILED findings, which block submitting. A slot for
	 * one file gets the new file in place of the old one.
	 * @param section the section of the category's text the file belongs to, or null
	 * @throws NotFoundException for an unknown slot or an upload that is not the actor's completed upload
	 */
	public AttachOutcome attach(SignedInUser actor, long id, String slotKey, String section, UUID uploadId) {
		Instant now = clock.instant();
		Entry entry = ownedLocked(actor, id);
		Campaign campaign = campaign(entry);
		Category category = Entries.category(campaigns, campaign, entry.categoryId());
		AttachmentSlot slot = entries.slots(category)
			.stream()
			.filter(candidate -> candidate.key().equals(slotKey))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("slot " + slotKey));
		Entry edited = entry.edited(now, deadline(campaign));
		String cleanSection = section(category, section);
		StoredFile file = storedFiles.findCompleted(uploadId)
			.filter(found -> found.ownerAccountId() == actor.accountId())
			.orElseThrow(() -> new NotFoundException("upload " + uploadId));
		List<Attachment> current = records.attachments(id);
		if (current.stream().anyMatch(attached -> attached.fileId().equals(file.id()))) {
			throw new EntryChangeRejected("file", "submission.attach.duplicate", file.fileName());
		}
		Inspection inspection = inspector.inspect(storedFiles.localPath(file), slot);
		if (!acceptedFormat(inspection, slot)) {
			String reason = refusal(inspection, slot);
			auditLog.recordChange(AuditAction.FILE_REJECTED, "entry", id, entry.organisationPath(),
					"未接受的文件：" + file.fileName() + "（" + slot.label() + "）：" + reason, null,
					Map.of("file", file.id().toString(), "sha256", file.sha256(), "slot", slot.key(), "findings",
							inspection.findings()));
			return new AttachOutcome(false, text("submission.attach.refused", file.fileName(), reason),
					inspection.findings());
		}
		List<Attachment> inSlot = current.stream().filter(attached -> attached.slotKey().equals(slot.key())).toList();
		if (slot.maxCount() != null && slot.maxCount() == 1) {
			inSlot.forEach(old -> records.deleteAttachment(id, old.id()));
		}
		else if (slot.maxCount() != null && inSlot.size() >= slot.maxCount()) {
			throw new EntryChangeRejected("file", "submission.attach.full", slot.label(), slot.maxCount());
		}
		long attachmentId = records.insertAttachment(id, slot.key(), cleanSection, file.id(), file.fileName(),
				file.size(), file.sha256(), inspection, actor.accountId(), now);
		if (!records.update(edited, entry.version())) {
			throw new EntryConflict(id);
		}
		recordStateChange(actor, entry, edited, now, text("submission.history.editedAfterSubmit"));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("attachment", attachmentId);
		after.put("slot", slot.key());
		after.put("file", file.fileName());
		after.put("sha256", file.sha256());
		after.put("findings", inspection.findings());
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(),
				"添加文件：" + file.fileName() + "（" + slot.label() + "）" + (inspection.blocksSubmission() ? "，未通过检查" : ""),
				null, after);
		return new AttachOutcome(true,
				text(inspection.blocksSubmission() ? "submission.attach.attachedFailed" : "submission.attach.attached",
						file.fileName()),
				inspection.findings());
	}

	/** Removes a file from the entry (the stored file itself stays, unchanged). */
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
		if (!records.update(edited, entry.version())) {
			throw new EntryConflict(id);
		}
		recordStateChange(actor, entry, edited, now, text("submission.history.editedAfterSubmit"));
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(),
				"删除文件：" + attachment.fileName(), Map.of("attachment", attachmentId, "file", attachment.fileName(),
						"sha256", attachment.sha256()), null);
	}

	/**
	 * Submits a draft: every check of {@link EntryChecks} must pass and every declaration of the
	 * campaign (newest text version) must be accepted explicitly. Writes the state, one acceptance
	 * row per declaration (text version, account, time), the history row and the audit event.
	 */
	public void submit(SignedInUser actor, long id, int version, Set<Long> acceptedDeclarations) {
		Instant now = clock.instant();
		Entry entry = ownedLocked(actor, id);
		Campaign campaign = campaign(entry);
		Entry submitted = entry.submitted(now, deadline(campaign));
		EntryView view = entries.view(actor, entry, true);
		if (!view.problems().isEmpty()) {
			throw new EntryChangeRejected(null, "submission.rejected.incomplete", view.problems().size());
		}
		List<Declaration> declarations = campaigns.declarations(campaign);
		List<Declaration> missing = declarations.stream()
			.filter(declaration -> !acceptedDeclarations.contains(declaration.id()))
			.toList();
		if (!missing.isEmpty()) {
			throw new EntryChangeRejected("declarations", "submission.rejected.declarations",
					missing.stream().map(Declaration::title).collect(Collectors.joining("、")));
		}
		if (!records.update(submitted, version)) {
			throw new EntryConflict(id);
		}
		for (Declaration declaration : declarations) {
			records.insertAcceptance(id, declaration.id(), declaration.code(), declaration.textVersion(),
					actor.accountId(), now);
		}
		recordStateChange(actor, entry, submitted, now, null);
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(), "提交作品：" + entry.title(),
				Map.of("state", entry.state().name()),
				Map.of("state", submitted.state().name(), "declarations", declarations.stream()
					.map(declaration -> declaration.code() + "@" + declaration.textVersion())
					.toList()));
	}

	/** Withdraws the entry (final), with the owner's remark in the history. */
	public void withdraw(SignedInUser actor, long id, int version, String remark) {
		Instant now = clock.instant();
		Entry entry = ownedLocked(actor, id);
		Entry withdrawn = entry.withdrawn(now, deadline(campaign(entry)));
		if (!records.update(withdrawn, version)) {
			throw new EntryConflict(id);
		}
		recordStateChange(actor, entry, withdrawn, now, remark);
		auditLog.recordChange(AuditAction.UPDATED, "entry", id, entry.organisationPath(), "撤回作品：" + entry.title(),
				Map.of("state", entry.state().name()), Map.of("state", withdrawn.state().name()));
	}

	private Entry ownedLocked(SignedInUser actor, long id) {
		return records.lock(id).filter(entry -> EntryPolicy.owns(actor, entry))
			.orElseThrow(() -> new NotFoundException("entry " + id));
	}

	private Campaign campaign(Entry entry) {
		return campaigns.findById(entry.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + entry.campaignId()));
	}

	private static Instant deadline(Campaign campaign) {
		return campaign.submissionDeadline().orElse(null);
	}

	/**
	 * The history row of a change of state, and the {@link EntryTransitioned} event that listeners
	 * (the approval chain frees a quota place, notices) handle inside this transaction. A submitted
	 * entry edited back to a draft loses the opinions of its nomination form: it is judged again.
	 */
	private void recordStateChange(SignedInUser actor, Entry before, Entry after, Instant now, String remark) {
		if (before.state() == after.state()) {
			return;
		}
		records.insertTransition(before.id(), before.state(), after.state(), actor.accountId(), actor.displayName(),
				now, remark);
		Step step = switch (after.state()) {
			case SUBMITTED -> Step.SUBMITTED;
			case WITHDRAWN -> Step.WITHDRAWN;
			default -> Step.EDITED;
		};
		if (step == Step.EDITED) {
			records.clearOpinions(before.id());
		}
		events.publishEvent(new EntryTransitioned(after.id(), after.campaignId(), after.categoryId(), after.title(),
				before.state(), after.state(), step, null, after.pendingOrganisationId(), after.ownerAccountId(),
				after.organisationId(), actor.accountId(), actor.displayName(), remark, now));
	}

	/**
	 * Findings that mean the content is not a usable file of its kind at all (wrong or unknown format,
	 * cut short or damaged, an archive bomb or a path escaping the archive, a picture too large to
	 * decode safely): such a file is refused, not attached with a failure.
	 */
	private static final Set<String> REFUSING_RULES = Set.of("format", "integrity", "archive", "image.pixels");

	/** The format found in the content is one the slot takes, and nothing about the content is unsafe. */
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
			return String.join("；", failed);
		}
		return text("submission.attach.wrongFormat",
				inspection.detectedKind() == null ? text("submission.attach.unknownFormat") : inspection.detectedKind().name(),
				slot.accepted().stream().map(Enum::name).collect(Collectors.joining("、")));
	}

	private String section(Category category, String section) {
		if (section == null) {
			return null;
		}
		boolean known = category.rules().textFields().stream().map(TextField::sections).anyMatch(s -> s.contains(section));
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
		if (clean.codePointCount(0, clean.length()) > MAX_TITLE) {
			throw new EntryChangeRejected("title", "submission.rejected.titleTooLong", MAX_TITLE);
		}
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

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, CHINESE);
	}
}
