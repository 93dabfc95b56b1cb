package cn.zhengji.publicity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.zhengji.account.MobileNumber;
import cn.zhengji.account.MobileVerification;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.AwardLevel;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.media.Inspection;
import cn.zhengji.media.MediaInspector;
import cn.zhengji.publicity.PublicityRecords.ObjectionRow;
import cn.zhengji.publicity.PublicityRecords.Row;
import cn.zhengji.review.AwardChanges;
import cn.zhengji.review.AwardedLevels;
import cn.zhengji.review.AwardedLevels.AwardedLevel;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntrySummary;
import cn.zhengji.submission.PublicityStep;
import cn.zhengji.submission.ReviewedWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-PUB-1 (issue 13 item 1) The publicity period (公示) of a locked round's awards.
 *
 * <ul>
 * <li>{@link #publish}: an admin of the campaign (as for locking the round) announces the
 * round's awards for a period; each awarded entry becomes IN_PUBLICITY through
 * {@link EntryLifecycle#recordPublicityStep} (history, audit, a PUBLICITY notice to its
 * owners); the list keeps title, category, level and unit, nothing personal.</li>
 * <li>{@link #sendCode} / {@link #fileObjection}: anyone, within the period only (the
 * server's {@link Clock} in the campaign's time zone), proves a mobile by a one-time code
 * ({@link MobileVerification}, its per-number and per-address limits) and files an
 * objection with up to three evidence files (images, PDF, checked by content).</li>
 * <li>{@link #handle}: an admin upholds (the award changes to a lower level or is taken
 * away in review, {@link AwardChanges}; history AWARD_CHANGED / AWARD_WITHDRAWN) or
 * dismisses with a reason; audited.</li>
 * <li>{@link #finaliseDue}: after the last day, each listed work without a pending
 * objection becomes AWARD_FINAL; the list is final once none is left.</li>
 * </ul>
 */
@Service
public class Publicities {

	static final String TARGET = "publicity";

	private static final int MAX_EVIDENCE = 3;

	private static final int MAX_EVIDENCE_MB = 10;

	private final PublicityRecords records;

	private final Campaigns campaigns;

	private final CampaignAdministration administration;

	private final AwardedLevels awardedLevels;

	private final AwardChanges awardChanges;

	private final Entries entries;

	private final EntryLifecycle lifecycle;

	private final MobileVerification verification;

	private final StoredFiles storedFiles;

	private final MediaInspector inspector;

	private final PersonalDataCipher cipher;

	private final AuditLog auditLog;

	private final Texts texts;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Publicities(PublicityRecords records, Campaigns campaigns, CampaignAdministration administration,
			AwardedLevels awardedLevels, AwardChanges awardChanges, Entries entries, EntryLifecycle lifecycle,
			MobileVerification verification, StoredFiles storedFiles, MediaInspector inspector,
			PersonalDataCipher cipher, AuditLog auditLog, Texts texts, Clock clock, TransactionTemplate transactions) {
		this.records = records;
		this.campaigns = campaigns;
		this.administration = administration;
		this.awardedLevels = awardedLevels;
		this.awardChanges = awardChanges;
		this.entries = entries;
		this.lifecycle = lifecycle;
		this.verification = verification;
		this.storedFiles = storedFiles;
		this.inspector = inspector;
		this.cipher = cipher;
		this.auditLog = auditLog;
		this.texts = texts;
		this.clock = clock;
		this.transactions = transactions;
	}

	// --- admins -----------------------------------------------------------------------

	/** A locked round whose awards may be published (none published yet). */
	public record PublishableRound(long roundId, String categoryName, String roundName, int awards) {
	}

	/**
	 * The admin page of a campaign: its lists with their objections, rounds to publish.
	 */
	public record AdminPage(Campaign campaign, LocalDate today, List<PublishableRound> publishable,
			List<PublicityView> publicities, Map<Long, List<ObjectionView>> objections,
			Map<Long, List<AwardLevel>> levels, Map<Long, Set<Long>> blocked) {
	}

	/** The campaign's publicity page for one of its admins; a 404 for anyone else. */
	public AdminPage adminPage(SignedInUser admin, String campaignCode) {
		Campaign campaign = administered(admin, campaignCode);
		List<PublishableRound> publishable = new ArrayList<>();
		for (Category category : campaigns.categories(campaign)) {
			for (ReviewRound round : campaigns.reviewRounds(category.id())) {
				int awards = awardedLevels.inRound(round.id()).size();
				if (awards > 0 && !records.publishedFor(round.id())) {
					publishable.add(new PublishableRound(round.id(), category.name(), round.name(), awards));
				}
			}
		}
		List<PublicityView> views = new ArrayList<>();
		Map<Long, List<ObjectionView>> objections = new LinkedHashMap<>();
		Map<Long, List<AwardLevel>> levels = new LinkedHashMap<>();
		Map<Long, Set<Long>> blocked = new LinkedHashMap<>();
		for (Row row : records.ofCampaign(campaign.id())) {
			PublicityView view = view(row, campaign);
			views.add(view);
			objections.put(row.id(), objectionViews(records.objectionsOf(row.id()), view, true));
			levels.put(row.id(), campaigns.awardLevels(row.roundId()));
			blocked.put(row.id(), Set.copyOf(records.entriesWithPendingObjections(row.id())));
		}
		return new AdminPage(campaign, today(campaign), publishable, views, objections, levels, blocked);
	}

	/**
	 * Publishes the awards of a locked round for a period. In one transaction: the
	 * publicity and its works (title, category, level, unit as they are now), each
	 * AWARDED work IN_PUBLICITY through {@link EntryLifecycle#recordPublicityStep} (its
	 * history, audit and the PUBLICITY notice to its owners), and an audit event CREATED
	 * on the publicity.
	 * @return the new publicity's id
	 * @throws NotFoundException for anyone who does not administer the campaign, or a
	 * round of another campaign
	 * @throws PublicityChangeRejected for a missing title or notice, a period that ends
	 * before it starts or before today, a round without locked awards or published
	 * already
	 */
	public long publish(SignedInUser admin, String campaignCode, long roundId, PublicityInput input) {
		Campaign campaign = administered(admin, campaignCode);
		ReviewRound round = campaigns.reviewRound(roundId)
			.orElseThrow(() -> new NotFoundException("review round " + roundId));
		Category category = campaigns.findCategory(round.categoryId())
			.filter((candidate) -> candidate.campaignId() == campaign.id())
			.orElseThrow(() -> new NotFoundException("review round " + roundId));
		PublicityInput checked = checked(input, today(campaign));
		return transactions.execute((status) -> {
			if (records.publishedFor(roundId)) {
				throw new PublicityChangeRejected(null, "publicity.publish.already");
			}
			List<AwardedLevel> awards = awardedLevels.inRound(roundId);
			if (awards.isEmpty()) {
				throw new PublicityChangeRejected(null, "publicity.publish.noAwards");
			}
			Instant now = clock.instant();
			long id = records.insert(campaign.id(), roundId, checked, admin.accountId(), now);
			Map<Long, ReviewedWork> works = entries.reviewedWorks(awards.stream().map(AwardedLevel::entryId).toList())
				.stream()
				.collect(Collectors.toMap(ReviewedWork::id, Function.identity()));
			int published = 0;
			for (AwardedLevel award : awards) {
				ReviewedWork work = works.get(award.entryId());
				if (work == null || work.state() != EntryState.AWARDED) {
					continue;
				}
				records.insertEntry(id, new PublicityView.Work(work.id(), work.title(), category.name(),
						work.organisationName(), award.levelName(), award.levelOrder(), "LISTED"), award.levelCode());
				lifecycle.recordPublicityStep(admin, work.id(), PublicityStep.STARTED,
						texts.plain("publicity.step.started", round.name(), award.levelName(), checked.startsOn(),
								checked.endsOn()));
				published++;
			}
			if (published == 0) {
				throw new PublicityChangeRejected(null, "publicity.publish.noAwards");
			}
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("round", roundId);
			after.put("startsOn", checked.startsOn().toString());
			after.put("endsOn", checked.endsOn().toString());
			after.put("works", published);
			auditLog.recordChange(AuditAction.CREATED, TARGET, id, campaign.hostOrganisationPath(),
					texts.plain("publicity.audit.published", checked.title(), published), null, after);
			return id;
		});
	}

	/** What an admin decides about an objection. */
	public enum Decision {

		/** Upheld: the award goes down to {@code levelCode}, or away (null). */
		UPHOLD,
		/** Dismissed, with a reason. */
		DISMISS

	}

	/**
	 * Handles a pending objection (also after the period: until then the work cannot be
	 * final). UPHOLD changes the award in review ({@link AwardChanges}: a lower level, or
	 * none), updates the list, and writes the entry's AWARD_CHANGED or AWARD_WITHDRAWN
	 * step; DISMISS only records. Both need a reason; the objection's outcome and an
	 * audit event UPDATED on publicity_objection are written in the same transaction.
	 * @throws NotFoundException for anyone who does not administer the campaign
	 * @throws PublicityChangeRejected for a handled objection, a missing reason, a
	 * withdrawn award
	 */
	public void handle(SignedInUser admin, long objectionId, Decision decision, String levelCode, String reason) {
		transactions.executeWithoutResult((status) -> {
			ObjectionRow objection = records.lockObjection(objectionId)
				.orElseThrow(() -> new NotFoundException("objection " + objectionId));
			Row publicity = records.lock(objection.publicityId()).orElseThrow();
			Campaign campaign = campaigns.findById(publicity.campaignId()).orElseThrow();
			if (!administration.administers(admin, campaign)) {
				throw new NotFoundException("objection " + objectionId);
			}
			if (objection.status() != ObjectionStatus.PENDING) {
				throw new PublicityChangeRejected(null, "publicity.handle.already");
			}
			String why = reason == null ? "" : reason.strip();
			if (why.isEmpty() || why.length() > 2000) {
				throw new PublicityChangeRejected("reason", decision == Decision.DISMISS
						? "publicity.handle.reasonRequired" : "publicity.handle.upheldReasonRequired");
			}
			PublicityView.Work work = records.works(publicity.id())
				.stream()
				.filter((candidate) -> candidate.entryId() == objection.entryId())
				.findFirst()
				.orElseThrow();
			Instant now = clock.instant();
			String outcomeLevel = null;
			if (decision == Decision.UPHOLD) {
				if (!"LISTED".equals(work.status())) {
					throw new PublicityChangeRejected(null, "publicity.handle.notListed");
				}
				String level = (levelCode == null || levelCode.isBlank()) ? null : levelCode.strip();
				AwardedLevel after = awardChanges.changeAfterObjection(admin, publicity.roundId(), objection.entryId(),
						level, why);
				if (after == null) {
					records.setStatus(publicity.id(), objection.entryId(), "WITHDRAWN");
					lifecycle.recordPublicityStep(admin, objection.entryId(), PublicityStep.AWARD_WITHDRAWN,
							texts.plain("publicity.step.withdrawn", work.levelName(), why));
					outcomeLevel = texts.plain("publicity.outcome.withdrawnLevel");
				}
				else {
					records.changeLevel(publicity.id(), objection.entryId(), after.levelCode(), after.levelName(),
							after.levelOrder());
					lifecycle.recordPublicityStep(admin, objection.entryId(), PublicityStep.AWARD_CHANGED,
							texts.plain("publicity.step.changed", work.levelName(), after.levelName(), why));
					outcomeLevel = after.levelName();
				}
			}
			ObjectionStatus outcome = decision == Decision.UPHOLD ? ObjectionStatus.UPHELD : ObjectionStatus.DISMISSED;
			records.handle(objectionId, outcome, outcomeLevel, why, admin.accountId(), now);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("status", outcome.name());
			after.put("level", outcomeLevel);
			after.put("reason", why);
			auditLog.recordChange(AuditAction.UPDATED, "publicity_objection", objectionId,
					campaign.hostOrganisationPath(),
					texts.plain("publicity.audit.handled", work.title(),
							texts.plain(outcome == ObjectionStatus.UPHELD ? "publicity.status.UPHELD"
									: "publicity.status.DISMISSED")),
					Map.of("status", ObjectionStatus.PENDING.name()), after);
		});
	}

	/** An evidence file of an objection, for the campaign's admins only. */
	public StoredFile evidence(SignedInUser admin, long objectionId, int position) {
		ObjectionRow objection = records.findObjection(objectionId)
			.orElseThrow(() -> new NotFoundException("objection " + objectionId));
		Row publicity = records.find(objection.publicityId()).orElseThrow();
		Campaign campaign = campaigns.findById(publicity.campaignId()).orElseThrow();
		if (!administration.administers(admin, campaign)) {
			throw new NotFoundException("objection " + objectionId);
		}
		return records.evidence(List.of(objectionId))
			.stream()
			.filter((file) -> file.position() == position)
			.findFirst()
			.flatMap((file) -> storedFiles.findCompleted(file.storedFileId()))
			.orElseThrow(() -> new NotFoundException("evidence " + objectionId + "/" + position));
	}

	// --- the job ----------------------------------------------------------------------

	/**
	 * Ends the periods whose last day is over in their campaign's time zone: each listed
	 * work without a pending objection becomes AWARD_FINAL (history AWARD_FINALISED by
	 * the platform, a notice to its owners); a list with no listed work left is final.
	 * One transaction per list, its row locked, so that two nodes never finalise twice.
	 * @return how many works became final
	 */
	public int finaliseDue() {
		int finalised = 0;
		for (Row candidate : records.unfinalisedEndingBefore(LocalDate.now(clock).plusDays(1))) {
			Integer count = transactions.execute((status) -> finalise(candidate.id()));
			finalised += count == null ? 0 : count;
		}
		return finalised;
	}

	/** {@link #finaliseDue} for one list (tests: other lists of the database stay). */
	int finaliseIfDue(long publicityId) {
		Integer count = transactions.execute((status) -> finalise(publicityId));
		return count == null ? 0 : count;
	}

	private int finalise(long publicityId) {
		Row publicity = records.lock(publicityId).orElseThrow();
		Campaign campaign = campaigns.findById(publicity.campaignId()).orElseThrow();
		if (publicity.finalisedAt() != null || !today(campaign).isAfter(publicity.endsOn())) {
			return 0;
		}
		Set<Long> pending = Set.copyOf(records.entriesWithPendingObjections(publicityId));
		int count = 0;
		boolean left = false;
		for (PublicityView.Work work : records.works(publicityId)) {
			if (!"LISTED".equals(work.status())) {
				continue;
			}
			if (pending.contains(work.entryId())) {
				left = true;
				continue;
			}
			lifecycle.recordPublicityStep(null, work.entryId(), PublicityStep.FINALISED,
					texts.plain("publicity.step.final", work.levelName()));
			records.setStatus(publicityId, work.entryId(), "FINAL");
			count++;
		}
		if (!left) {
			records.markFinalised(publicityId, clock.instant());
			auditLog.recordChange(AuditAction.UPDATED, TARGET, publicityId, campaign.hostOrganisationPath(),
					texts.plain("publicity.audit.finalised", publicity.title(), count), Map.of("final", false),
					Map.of("final", true));
		}
		return count;
	}

	// --- the public -------------------------------------------------------------------

	/** Every published list, the latest first. */
	public List<PublicityView> all() {
		Map<Long, Campaign> byId = new LinkedHashMap<>();
		return records.all()
			.stream()
			.map((row) -> view(row,
					byId.computeIfAbsent(row.campaignId(), (id) -> campaigns.findById(id).orElseThrow())))
			.toList();
	}

	/** One list for everyone; a 404 for an unknown id. */
	public PublicityView find(long id) {
		Row row = records.find(id).orElseThrow(() -> new NotFoundException("publicity " + id));
		return view(row, campaigns.findById(row.campaignId()).orElseThrow());
	}

	/**
	 * Sends a one-time code for an objection to the number, within the period only.
	 * @throws PublicityChangeRejected outside the period
	 * @throws cn.zhengji.account.InvalidAccountInput for a malformed number or a limit
	 */
	public void sendCode(long publicityId, String mobile, String from) {
		requireOpen(find(publicityId));
		verification.sendCode(mobile, MobileVerification.Purpose.OBJECTION, from);
	}

	/**
	 * Files an objection within the period. The evidence is checked by content (JPG, PNG
	 * or PDF, at most 10 MB each, three files) before the code is used up; the code is
	 * checked ({@link MobileVerification#verify}); the files are stored (owned by the
	 * admin who published, under the host), then the objection (mobile encrypted) and an
	 * audit event CREATED in one transaction.
	 * @return the objection's id
	 * @throws PublicityChangeRejected outside the period, for a work not listed, missing
	 * name or reason, or refused files
	 * @throws cn.zhengji.account.InvalidAccountInput for the mobile or the code
	 */
	public long fileObjection(long publicityId, ObjectionInput input, String from) {
		PublicityView view = find(publicityId);
		requireOpen(view);
		PublicityView.Work work = view.works()
			.stream()
			.filter((candidate) -> candidate.entryId() == input.entryId() && "LISTED".equals(candidate.status()))
			.findFirst()
			.orElseThrow(() -> new PublicityChangeRejected("entryId", "publicity.objection.work"));
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > 50) {
			throw new PublicityChangeRejected("name", "publicity.objection.name");
		}
		String reason = input.reason() == null ? "" : input.reason().strip();
		if (reason.isEmpty() || reason.length() > 2000) {
			throw new PublicityChangeRejected("reason", "publicity.objection.reason");
		}
		if (input.evidence().size() > MAX_EVIDENCE) {
			throw new PublicityChangeRejected("evidence", "publicity.objection.tooManyFiles", MAX_EVIDENCE);
		}
		List<String> contentTypes = new ArrayList<>();
		AttachmentSlot slot = new AttachmentSlot("evidence", texts.plain("publicity.objection.evidence"), false,
				List.of(FileKind.JPG, FileKind.PNG, FileKind.PDF), 0, MAX_EVIDENCE, MAX_EVIDENCE_MB, null);
		for (ObjectionInput.Evidence evidence : input.evidence()) {
			Inspection inspection = inspector.inspect(evidence.content(), slot);
			if (inspection.detectedKind() == null || !slot.accepts(inspection.detectedKind())
					|| inspection.blocksSubmission() || size(evidence.content()) > MAX_EVIDENCE_MB * 1024L * 1024L) {
				throw new PublicityChangeRejected("evidence", "publicity.objection.badFile",
						safeName(evidence.fileName()), MAX_EVIDENCE_MB);
			}
			contentTypes.add(inspection.contentType());
		}
		MobileNumber mobile = verification.verify(input.mobile(), MobileVerification.Purpose.OBJECTION, input.code());
		Row row = records.find(publicityId).orElseThrow();
		Campaign campaign = campaigns.findById(row.campaignId()).orElseThrow();
		List<StoredFile> stored = new ArrayList<>();
		for (ObjectionInput.Evidence evidence : input.evidence()) {
			stored.add(storedFiles.storeImported(evidence.content(), safeName(evidence.fileName()), row.publishedBy(),
					campaign.hostOrganisationPath()));
		}
		return transactions.execute((status) -> {
			long id = records.insertObjection(publicityId, work.entryId(), name, cipher.encrypt(mobile.value()),
					mobile.masked(), reason, clock.instant(), from);
			for (int i = 0; i < stored.size(); i++) {
				records.insertEvidence(id, i + 1, stored.get(i).id(), safeName(input.evidence().get(i).fileName()),
						contentTypes.get(i));
			}
			auditLog.recordChange(AuditAction.CREATED, "publicity_objection", id, campaign.hostOrganisationPath(),
					texts.plain("publicity.audit.filed", work.title(), stored.size()), null,
					Map.of("entry", work.entryId(), "files", stored.size()));
			return id;
		});
	}

	// --- participants -----------------------------------------------------------------

	/** A participant's work as announced, with the objections about it (no objector). */
	public record OwnWork(long entryId, String title, String levelName, String status, String publicityTitle,
			long publicityId, LocalDate startsOn, LocalDate endsOn, List<ObjectionView> objections) {
	}

	/** The actor's own works in any publicity list, with the objections about them. */
	public List<OwnWork> ownWorks(SignedInUser actor) {
		List<Long> ids = entries.mine(actor).stream().map(EntrySummary::id).toList();
		Map<Long, List<ObjectionView>> byEntry = objectionViews(records.objectionsAbout(ids), null, false).stream()
			.collect(Collectors.groupingBy(ObjectionView::entryId, LinkedHashMap::new, Collectors.toList()));
		return records.listings(ids)
			.stream()
			.map((listing) -> new OwnWork(listing.entryId(), listing.title(), listing.levelName(), listing.status(),
					listing.publicityTitle(), listing.publicityId(), listing.startsOn(), listing.endsOn(),
					byEntry.getOrDefault(listing.entryId(), List.of())))
			.toList();
	}

	// --- helpers ----------------------------------------------------------------------

	/** Test and demonstration support: moves a list's period (the module's own rows). */
	void movePeriod(long publicityId, LocalDate startsOn, LocalDate endsOn) {
		records.setDates(publicityId, startsOn, endsOn);
	}

	private List<ObjectionView> objectionViews(List<ObjectionRow> rows, PublicityView view, boolean forAdmin) {
		Map<Long, List<ObjectionView.EvidenceFile>> files = forAdmin ? records
			.evidence(rows.stream().map(ObjectionRow::id).toList())
			.stream()
			.collect(Collectors.groupingBy(PublicityRecords.EvidenceRow::objectionId, Collectors.mapping(
					(file) -> new ObjectionView.EvidenceFile(file.position(), file.fileName(), file.contentType()),
					Collectors.toList())))
				: Map.of();
		Map<Long, PublicityView.Work> works = new LinkedHashMap<>();
		if (view != null) {
			view.works().forEach((work) -> works.put(work.entryId(), work));
		}
		else {
			rows.stream()
				.map(ObjectionRow::publicityId)
				.distinct()
				.forEach((id) -> records.works(id).forEach((work) -> works.put(work.entryId(), work)));
		}
		return rows.stream().map((row) -> {
			PublicityView.Work work = works.get(row.entryId());
			return new ObjectionView(row.id(), row.publicityId(), row.entryId(), work == null ? "" : work.title(),
					work == null ? "" : work.levelName(), forAdmin ? row.objectorName() : null,
					forAdmin ? row.mobileMasked() : null, row.reason(), row.filedAt(), row.status(), row.outcomeLevel(),
					row.outcomeReason(), row.handledAt(), files.getOrDefault(row.id(), List.of()));
		}).toList();
	}

	private PublicityView view(Row row, Campaign campaign) {
		LocalDate today = today(campaign);
		String state = row.finalisedAt() != null ? "FINAL"
				: today.isBefore(row.startsOn()) ? "NOT_STARTED" : today.isAfter(row.endsOn()) ? "ENDED" : "OPEN";
		List<PublicityView.Work> works = records.works(row.id());
		Map<Long, String> titles = works.stream()
			.collect(Collectors.toMap(PublicityView.Work::entryId, PublicityView.Work::title));
		List<PublicityView.Outcome> outcomes = records.objectionsOf(row.id())
			.stream()
			.filter((objection) -> objection.status() != ObjectionStatus.PENDING)
			.map((objection) -> new PublicityView.Outcome(objection.id(), titles.get(objection.entryId()),
					objection.status(), objection.outcomeReason(), objection.handledAt()))
			.toList();
		return new PublicityView(row.id(), campaign.id(), campaign.code(), campaign.title(), row.roundId(), row.title(),
				row.startsOn(), row.endsOn(), row.notice(), row.publishedAt(), row.finalisedAt(), "OPEN".equals(state),
				state, works, outcomes);
	}

	private void requireOpen(PublicityView view) {
		if (!view.open()) {
			throw new PublicityChangeRejected(null, "publicity.objection.closed", view.startsOn(), view.endsOn());
		}
	}

	private Campaign administered(SignedInUser admin, String campaignCode) {
		Campaign campaign = campaigns.findByCode(campaignCode)
			.orElseThrow(() -> new NotFoundException("campaign " + campaignCode));
		if (!administration.administers(admin, campaign)) {
			throw new NotFoundException("publicity of campaign " + campaignCode);
		}
		return campaign;
	}

	private LocalDate today(Campaign campaign) {
		return LocalDate.ofInstant(clock.instant(), campaign.timeZone());
	}

	private PublicityInput checked(PublicityInput input, LocalDate today) {
		String title = input.title() == null ? "" : input.title().strip();
		if (title.isEmpty() || title.length() > 100) {
			throw new PublicityChangeRejected("title", "publicity.publish.title");
		}
		String notice = input.notice() == null ? "" : input.notice().strip();
		if (notice.isEmpty() || notice.length() > 2000) {
			throw new PublicityChangeRejected("notice", "publicity.publish.notice");
		}
		if (input.startsOn() == null || input.endsOn() == null) {
			throw new PublicityChangeRejected("startsOn", "publicity.publish.dates");
		}
		if (input.endsOn().isBefore(input.startsOn())) {
			throw new PublicityChangeRejected("endsOn", "publicity.publish.endsBeforeStart");
		}
		if (input.endsOn().isBefore(today)) {
			throw new PublicityChangeRejected("endsOn", "publicity.publish.endsInPast", today);
		}
		return new PublicityInput(title, input.startsOn(), input.endsOn(), notice);
	}

	private static long size(Path content) {
		try {
			return Files.size(content);
		}
		catch (java.io.IOException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static String safeName(String fileName) {
		String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
		if (name.isEmpty()) {
			return "evidence";
		}
		return name.length() > 100 ? name.substring(name.length() - 100) : name;
	}

}
