package cn.zhengji.submission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.Judgement;
import cn.zhengji.campaign.Declaration;

/**
 * Everything the entry page shows, read in one go for one viewer.
 *
 * @param slots the category's attachment slots, plus the 一寸彩照 of a nomination form
 * @param problems what still stops submitting (empty: ready), as Chinese sentences
 * @param declarations the campaign's declarations in their newest text versions
 * @param deadline the first instant after the submission phase, null if it never ends
 * @param changeable whether the owner may change the content and submit now (a draft or a
 * returned entry before the deadline; a submitted one is recalled first)
 * @param recallable whether the owner may take the submitted entry back to a draft now
 * (撤回修改)
 * @param withdrawable whether the owner may withdraw it for good now
 * @param owner whether the viewer owns the entry (else an admin reading it)
 * @param personalDataAllowed whether the viewer may open the full ID number and mobile
 * @param status where it stands, with the level reached
 */
public record EntryView(Entry entry, Campaign campaign, Category category, List<AttachmentSlot> slots,
		List<Attachment> attachments, List<Transition> history, List<DeclarationAcceptance> acceptances,
		Optional<Nomination> nomination, List<String> problems, List<Declaration> declarations,
		List<Judgement> judgements, Instant deadline, boolean changeable, boolean recallable, boolean withdrawable,
		boolean owner, boolean personalDataAllowed, EntryStatus status) {

	/** Where a SUBMITTED entry waits in the approval chain, else null. */
	public String pendingOrganisationName() {
		return entry.state() == EntryState.SUBMITTED ? status.waitingAt() : null;
	}

	/**
	 * What 撤回修改 gives up, for the confirmation the owner reads first: the levels that
	 * approved this submission so far (their opinions no longer hold) and the level whose
	 * quota place it holds.
	 */
	public RecallCost recallCost() {
		List<String> approvedBy = new java.util.ArrayList<>();
		for (Transition step : history) {
			if (step.step() == EntryTransitioned.Step.SUBMITTED) {
				approvedBy.clear();
			}
			else if (step.step() == EntryTransitioned.Step.APPROVED
					|| step.step() == EntryTransitioned.Step.RECOMMENDED) {
				approvedBy.add(step.levelName());
			}
		}
		return new RecallCost(List.copyOf(approvedBy), status.recommendedBy());
	}

	/**
	 * @param approvedBy the levels that approved the current submission, in order
	 * @param quotaHeldBy the level whose recommendation (and quota place) the entry
	 * holds, or null
	 */
	public record RecallCost(List<String> approvedBy, String quotaHeldBy) {

		public boolean losesNothing() {
			return approvedBy.isEmpty() && quotaHeldBy == null;
		}
	}

	/**
	 * The return (level, reason) that sent the entry back to its owner, while it is
	 * RETURNED.
	 */
	public Optional<Transition> returnReason() {
		if (entry.state() != EntryState.RETURNED) {
			return Optional.empty();
		}
		return history.reversed().stream().filter(step -> step.step() == EntryTransitioned.Step.RETURNED).findFirst();
	}

	public List<Attachment> attachmentsIn(AttachmentSlot slot) {
		return attachments.stream().filter(file -> file.slotKey().equals(slot.key())).toList();
	}

	/**
	 * The sections a slot's files are filed under, or none. Where a category's only
	 * required material is a text in sections (the five dimensions 保障/基础/创新/效果/展示 of
	 * 数字赋能工会), its optional slots for several files are offered per section, so that
	 * images and files sit with their text. Counts and limits still apply to the slot as
	 * a whole.
	 */
	public List<String> sectionsFor(AttachmentSlot slot) {
		var rules = category.rules();
		boolean evidenceBySection = rules.attachments().stream().noneMatch(AttachmentSlot::required)
				&& rules.textFields()
					.stream()
					.filter(field -> field.required() && !field.sections().isEmpty())
					.count() == 1;
		if (!evidenceBySection || slot.required() || (slot.maxCount() != null && slot.maxCount() == 1)) {
			return List.of();
		}
		return rules.textFields()
			.stream()
			.filter(field -> field.required() && !field.sections().isEmpty())
			.findFirst()
			.orElseThrow()
			.sections();
	}

	public List<Attachment> attachmentsIn(AttachmentSlot slot, String section) {
		return attachmentsIn(slot).stream().filter(file -> java.util.Objects.equals(file.section(), section)).toList();
	}

	public boolean slotFull(AttachmentSlot slot) {
		return slot.maxCount() != null && slot.maxCount() > 1 && attachmentsIn(slot).size() >= slot.maxCount();
	}

	/**
	 * A finding of a file that a person must judge (NEEDS_REVIEW: sound below the
	 * reference, a duration over an advisory limit), for the approver.
	 */
	public record FileFlag(String slotLabel, String fileName, String message) {
	}

	/** Every finding of the entry's files that asks for a person's judgement. */
	public List<FileFlag> fileFlags() {
		List<FileFlag> flags = new java.util.ArrayList<>();
		for (AttachmentSlot slot : slots) {
			for (Attachment file : attachmentsIn(slot)) {
				file.inspection()
					.findings()
					.stream()
					.filter(finding -> finding.verdict() == cn.zhengji.media.Verdict.NEEDS_REVIEW)
					.forEach(finding -> flags.add(new FileFlag(slot.label(), file.fileName(), finding.message())));
			}
		}
		return flags;
	}

	/**
	 * What still stops submitting, the one rule {@link EntryLifecycle#submit} applies and
	 * the submit button shows.
	 *
	 * @param problems the checks not met ({@link #problems()})
	 * @param unaccepted the declarations not ticked
	 */
	public record SubmitBlockers(List<String> problems, List<Declaration> unaccepted) {

		public boolean none() {
			return problems.isEmpty() && unaccepted.isEmpty();
		}

		/** How many things are missing: each problem, and the declarations as one. */
		public int count() {
			return problems.size() + (unaccepted.isEmpty() ? 0 : 1);
		}

		public List<String> unacceptedTitles() {
			return unaccepted.stream().map(Declaration::title).toList();
		}
	}

	/** What stops submitting with the given declarations ticked. */
	public SubmitBlockers submitBlockers(java.util.Collection<Long> acceptedDeclarations) {
		return new SubmitBlockers(problems,
				declarations.stream().filter(declaration -> !acceptedDeclarations.contains(declaration.id())).toList());
	}

	/**
	 * What stops submitting before any declaration is ticked (the page as first shown).
	 */
	public SubmitBlockers submitBlockers() {
		return submitBlockers(List.of());
	}

	public boolean readyToSubmit() {
		return problems.isEmpty();
	}

	public Optional<Attachment> photo() {
		return attachments.stream().filter(file -> file.slotKey().equals(NominationForms.PHOTO_SLOT)).findFirst();
	}
}
