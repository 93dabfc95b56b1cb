package cn.zhengji.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.campaign.CategoryRules.SubmitterKind;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.infrastructure.web.NotVisibleException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading entries, always for a viewer: the owner's own entries, and for admins the
 * entries of their subtree (read-only). Something the viewer may not read is a 404,
 * revealing nothing.
 */
@Service
@Transactional(readOnly = true)
public class Entries {

	private final EntryRecords records;

	private final EntryChecks checks;

	private final Campaigns campaigns;

	private final Accounts accounts;

	private final Organisations organisations;

	private final Texts texts;

	private final Clock clock;

	Entries(EntryRecords records, EntryChecks checks, Campaigns campaigns, Accounts accounts,
			Organisations organisations, Texts texts, Clock clock) {
		this.records = records;
		this.checks = checks;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.organisations = organisations;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * "我的作品": the actor's own entries and, for an organisation admin, its organisation's.
	 */
	public List<EntrySummary> mine(SignedInUser actor) {
		List<String> owners = new ArrayList<>(List.of(Entry.accountOwner(actor.accountId())));
		if (actor.role() == Role.ORG_ADMIN) {
			owners.add(Entry.organisationOwner(actor.organisationId()));
		}
		return records.summariesOwnedBy(owners);
	}

	/** Campaigns accepting entries now (their SUBMISSION phase is open). */
	public List<Campaign> openCampaigns() {
		Instant now = clock.instant();
		return campaigns.allVisible().stream().filter(campaign -> campaign.acceptsSubmissions(now)).toList();
	}

	/**
	 * A category of a campaign with whether, and as whom, the actor may enter it.
	 *
	 * @param whyNot when the actor may not: who may, and what the actor can do instead
	 */
	public record CategoryChoice(Category category, Optional<SubmitterKind> submitterKind, String whyNot) {

		public boolean allowed() {
			return submitterKind.isPresent();
		}
	}

	public List<CategoryChoice> categoryChoices(SignedInUser actor, Campaign campaign) {
		AccountProfile profile = profile(actor);
		Organisation organisation = organisation(profile.organisationId());
		return campaigns.categories(campaign).stream().map(category -> {
			Optional<SubmitterKind> kind = EntryPolicy.submitterKind(profile, organisation, category.rules());
			return new CategoryChoice(category, kind,
					kind.isPresent() ? null : whyNot(profile, organisation, category.rules()));
		}).toList();
	}

	/**
	 * Why the actor may not enter a category ({@link EntryPolicy#submitterKind} found no
	 * way): who may, and what to do instead.
	 */
	String whyNot(AccountProfile profile, Organisation organisation, CategoryRules rules) {
		String separator = texts.text("common.listSeparator");
		List<SubmitterKind> people = rules.submitters()
			.stream()
			.filter(kind -> kind != SubmitterKind.UNION_ORGANISATION)
			.toList();
		boolean byOrganisation = rules.submitters().contains(SubmitterKind.UNION_ORGANISATION);
		String who = String.join(separator,
				rules.submitters().stream().map(kind -> texts.text("campaign.submitter." + kind.name())).toList());
		if (profile.role() == Role.PARTICIPANT) {
			String yours = profile.participantKind() == null ? texts.text("submission.notAllowed.noKind")
					: texts.text("account.participantKind." + profile.participantKind().name());
			return texts.text("submission.notAllowed.participant", who, yours, texts.text(
					byOrganisation ? "submission.notAllowed.askOrganisation" : "submission.notAllowed.askCorrection"));
		}
		if (profile.role() == Role.ORG_ADMIN) {
			String individuals = String.join(separator,
					people.stream().map(kind -> texts.text("campaign.submitter." + kind.name())).toList());
			if (!byOrganisation) {
				return texts.text("submission.notAllowed.individualsOnly", individuals);
			}
			String kinds = String.join(separator,
					rules.submittingOrganisationKinds()
						.stream()
						.map(kind -> texts.text("organisation.kind." + kind.name()))
						.toList());
			return texts.text("submission.notAllowed.organisationKind", kinds,
					texts.text("organisation.kind." + organisation.kind().name()),
					people.isEmpty() ? "" : texts.text("submission.notAllowed.orIndividuals", individuals));
		}
		return texts.text("submission.notAllowed.platformAdmin", who);
	}

	/**
	 * For each of the given entries that has any, what a person must judge about its
	 * files, as short Chinese labels ("音质", "时长"), for an approver's worklist. One query
	 * whatever the number of entries. Callers list only entries the viewer may read.
	 */
	public Map<Long, List<String>> reviewFlags(Collection<Long> entryIds) {
		Map<Long, List<String>> flags = new HashMap<>();
		records.reviewRules(entryIds)
			.forEach((id, rules) -> flags.put(id,
					rules.stream().map(Entries::reviewFlagKey).distinct().map(texts::text).toList()));
		return flags;
	}

	/**
	 * Issue 12 item 3: the entries of a category that reached the end of their chain
	 * (APPROVED: the campaign's host approved them), by id, for the first review round.
	 * Not scoped to a viewer: the review module answers only the campaign's admins and
	 * the assigned experts.
	 */
	public List<ApprovedEntry> approvedByHost(long categoryId) {
		return records.approvedInCategory(categoryId);
	}

	/**
	 * Issue 12 item 4: the files of the given entries as the blind review shows them, in
	 * entry, slot and id order, with the slot's label. The 一寸彩照 of a nomination form is
	 * left out: it is personal data of the nominee, not the work, and would show an
	 * expert who the submitter is. Not scoped to a viewer: the review module answers only
	 * the experts assigned to a work. One query for the files, one per category for the
	 * labels.
	 */
	public List<ReviewFile> filesForReview(Collection<Long> entryIds) {
		Map<Long, Map<String, String>> labelsByCategory = new HashMap<>();
		Map<Long, Long> categoryOfEntry = new HashMap<>();
		List<ReviewFile> files = new ArrayList<>();
		for (Attachment attachment : records.attachments(entryIds)) {
			if (attachment.slotKey().equals(NominationForms.PHOTO_SLOT)) {
				continue;
			}
			long categoryId = categoryOfEntry.computeIfAbsent(attachment.entryId(),
					(id) -> records.find(id).orElseThrow(() -> new NotFoundException("entry " + id)).categoryId());
			Map<String, String> labels = labelsByCategory.computeIfAbsent(categoryId, this::slotLabels);
			files.add(new ReviewFile(attachment.id(), attachment.entryId(), attachment.slotKey(),
					labels.getOrDefault(attachment.slotKey(), attachment.slotKey()), attachment.fileId(),
					attachment.contentType()));
		}
		return files;
	}

	private Map<String, String> slotLabels(long categoryId) {
		Map<String, String> labels = new HashMap<>();
		campaigns.findCategory(categoryId)
			.ifPresent((category) -> category.rules()
				.attachments()
				.forEach((slot) -> labels.put(slot.key(), slot.label())));
		return labels;
	}

	/**
	 * Issue 12 items 6 and 8: how many entries of each category the host approved (the
	 * works of its first review round), in one query for a campaign's progress page;
	 * categories without any are missing. Not scoped, like {@link #approvedByHost}.
	 */
	public Map<Long, Integer> approvedByHostCounts(Collection<Long> categoryIds) {
		return records.approvedCounts(categoryIds);
	}

	/**
	 * Issue 12: the titles of the given entries by id, in one query, for the review
	 * admins' exports and pages and the expert's list of works (the title only: nothing
	 * of who sent them). Not scoped: the caller answers only the admins of the entries'
	 * campaign or the experts assigned to them.
	 */
	public Map<Long, String> titlesOf(Collection<Long> entryIds) {
		return records.titles(entryIds);
	}

	/**
	 * Issue 12: the entries of a review round as its results page and exports list them
	 * (title, submitting unit, submission time, state), by id; ids that are no entry are
	 * left out. Not scoped to a viewer: the review module answers only the campaign's
	 * admins.
	 */
	public List<ReviewedWork> reviewedWorks(Collection<Long> entryIds) {
		return records.reviewedWorks(entryIds);
	}

	/**
	 * Issue 12: the entry as an expert of a blind review sees it ({@link BlindEntry}: the
	 * title, category and typed texts; no owner, unit or personal data; its files are
	 * {@link #filesForReview}). Not scoped to a viewer: the review module answers only
	 * the experts assigned to the entry. A 404 for an entry that does not exist.
	 */
	public BlindEntry blindContent(long entryId) {
		Entry entry = records.find(entryId).orElseThrow(() -> new NotFoundException("entry " + entryId));
		Campaign campaign = campaigns.findById(entry.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + entry.campaignId()));
		Category category = category(campaign, entry.categoryId());
		List<BlindEntry.Text> typed = new ArrayList<>();
		for (CategoryRules.TextField field : category.rules().textFields()) {
			if (field.sections().isEmpty()) {
				String text = entry.texts().value(field);
				if (text != null && !text.isBlank()) {
					typed.add(new BlindEntry.Text(field.label(), null, text));
				}
			}
			else {
				for (String section : field.sections()) {
					String text = entry.texts().section(field, section);
					if (text != null && !text.isBlank()) {
						typed.add(new BlindEntry.Text(field.label(), section, text));
					}
				}
			}
		}
		return new BlindEntry(entry.id(), category.id(), category.name(), entry.title(), typed);
	}

	/**
	 * Issue 13: the states a work in a public vote may be in — reached the end of its
	 * approval chain, and not left the competition.
	 */
	static final java.util.Set<EntryState> APPROVED_STATES = java.util.EnumSet.of(EntryState.APPROVED,
			EntryState.AWARDED, EntryState.IN_PUBLICITY, EntryState.AWARD_FINAL);

	private static final List<EntryState> PUBLIC_WINNER_STATES = java.util.Arrays.stream(EntryState.values())
		.filter(EntryState::isPublicWinner)
		.toList();

	/**
	 * Issue 13 (showcase): the campaign's public works — its final winners
	 * ({@link EntryState#isPublicWinner()}) and those of {@code inVoting} that reached
	 * the end of their approval chain — whose title matches {@code titleQuery} (empty:
	 * all): contains it, or from three characters on is similar to it by trigrams; best
	 * match first, then by id. One query. Not scoped to a viewer: public by their state.
	 */
	public List<PublicWork> publicWorks(long campaignId, Collection<Long> inVoting, String titleQuery) {
		return records.publicWorks(campaignId, PUBLIC_WINNER_STATES, inVoting, APPROVED_STATES, titleQuery);
	}

	/**
	 * Issue 13: a work the showcase may present if it is public: an entry in an approved
	 * state (the caller decides whether it is a winner or in voting); empty otherwise.
	 */
	public Optional<PublicWork> approvedWork(long entryId) {
		return records.publicWork(entryId).filter((work) -> APPROVED_STATES.contains(work.state()));
	}

	/** Issue 13: the ids of the campaigns that have a final winner. */
	public java.util.Set<Long> campaignsWithPublicWinners() {
		return new java.util.HashSet<>(records.campaignsWithEntriesIn(PUBLIC_WINNER_STATES));
	}

	/**
	 * Issue 13: the files of the given works, but the nomination photo (personal data of
	 * the nominee), in one query; the caller leaves out the slots a category marks
	 * internal.
	 */
	public List<PublicFile> publicFiles(Collection<Long> entryIds) {
		return records.publicFiles(entryIds, NominationForms.PHOTO_SLOT);
	}

	/** The label of a finding's rule that asks for a person's judgement. */
	static String reviewFlagKey(String rule) {
		if (rule.startsWith("audio.")) {
			return "submission.reviewFlag.audio";
		}
		if (rule.startsWith("duration.")) {
			return "submission.reviewFlag.duration";
		}
		return "submission.reviewFlag.other";
	}

	/** The entry page for its owner. */
	public EntryView forOwner(SignedInUser actor, long id) {
		Entry entry = NotVisibleException.visible(records.find(id), found -> EntryPolicy.mayRead(actor, found), "entry",
				id);
		if (!EntryPolicy.owns(actor, entry)) {
			// An admin above reads it on its own page, not as the owner.
			throw new NotFoundException("entry " + id);
		}
		return view(actor, entry, true);
	}

	/** The read-only page for an admin above the submitting organisation. */
	public EntryView forAdmin(SignedInUser actor, long id) {
		Entry entry = NotVisibleException.visible(records.find(id), found -> EntryPolicy.mayRead(actor, found), "entry",
				id);
		if (!EntryPolicy.administers(actor, entry)) {
			// The owner works on it on its own page.
			throw new NotFoundException("entry " + id);
		}
		return view(actor, entry, false);
	}

	/** An attachment the actor may download: the owner's, or one below an admin. */
	public Attachment readableAttachment(SignedInUser actor, long entryId, long attachmentId) {
		Entry entry = NotVisibleException.visible(records.find(entryId), found -> EntryPolicy.mayRead(actor, found),
				"entry", entryId);
		return records.attachments(entry.id())
			.stream()
			.filter(file -> file.id() == attachmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
	}

	EntryView view(SignedInUser actor, Entry entry, boolean owner) {
		Campaign campaign = campaigns.findById(entry.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + entry.campaignId()));
		Category category = category(campaign, entry.categoryId());
		List<AttachmentSlot> slots = slots(category);
		List<Attachment> attachments = records.attachments(entry.id());
		if (attachments.stream().anyMatch(attached -> attached.slotKey().equals(ImportedEntries.SLOT))) {
			// Issue 14 item 3: the files of a work imported from a province's package
			slots.add(new AttachmentSlot(ImportedEntries.SLOT, texts.text("submission.slot.imported"), false, List.of(),
					0, null, null, null, true));
		}
		Optional<Nomination> nomination = category.rules().nominationForm() ? Optional
			.of(records.nomination(entry.id()).map(EntryRecords.NominationRow::shown).orElse(Nomination.empty()))
				: Optional.empty();
		List<String> problems = checks
			.problems(new EntryChecks.Subject(category.rules(), slots, entry.texts(), attachments, nomination));
		Instant deadline = campaign.submissionDeadline().orElse(null);
		boolean personal = nomination.isPresent()
				&& EntryPolicy.maySeePersonalData(actor, organisation(actor.organisationId()), entry);
		Instant now = clock.instant();
		return new EntryView(entry, campaign, category, slots, attachments, records.transitions(entry.id()),
				records.acceptances(entry.id()), nomination, problems, campaigns.declarations(campaign),
				category.rules().judgements(), deadline, owner && entry.isEditable(now, deadline),
				owner && entry.isRecallable(now, deadline), owner && entry.isWithdrawable(now, deadline), owner,
				personal, status(entry));
	}

	/** Where the entry stands, with the names of the levels it refers to. */
	EntryStatus status(Entry entry) {
		return new EntryStatus(entry.state(), name(entry.pendingOrganisationId()), name(entry.recommendedById()),
				name(entry.decidedById()));
	}

	private String name(Long organisationId) {
		return organisationId == null ? null
				: organisations.findById(organisationId).map(Organisation::name).orElse(null);
	}

	/** The category's slots, and the 一寸彩照 of a nomination form as one more slot. */
	List<AttachmentSlot> slots(Category category) {
		List<AttachmentSlot> slots = new ArrayList<>(category.rules().attachments());
		if (category.rules().nominationForm()) {
			slots.addFirst(new AttachmentSlot(NominationForms.PHOTO_SLOT, texts.text("submission.nomination.photo"),
					true, List.of(FileKind.JPG, FileKind.PNG), 1, 1, 10, null));
		}
		return slots;
	}

	static Category category(Campaigns campaigns, Campaign campaign, long categoryId) {
		return campaigns.categories(campaign)
			.stream()
			.filter(category -> category.id() == categoryId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("category " + categoryId));
	}

	private Category category(Campaign campaign, long categoryId) {
		return category(campaigns, campaign, categoryId);
	}

	AccountProfile profile(SignedInUser actor) {
		return accounts.profile(actor.accountId()).orElseThrow(() -> new NotFoundException("account"));
	}

	Organisation organisation(long id) {
		return organisations.findById(id).orElseThrow(() -> new NotFoundException("organisation " + id));
	}

}
