package cn.zhengji.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.text.CharacterCount;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.review.AwardedLevels;
import cn.zhengji.review.AwardedLevels.AwardedLevel;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.HandoffEntries;
import cn.zhengji.submission.HandoffEntries.Work;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-CAM-5, R-APR-2 (issue 14) The province's hand-off to the national campaign its
 * campaign feeds, for the campaign's admins (anyone else: 404): the mapping of its
 * categories to the national sub-projects, the selection of the works it recommends and
 * the plan of each sub-project's package, which {@link PackageWriter} streams.
 */
@Service
@Transactional(readOnly = true)
public class Handoffs {

	/** The longest note per work. */
	static final int MAX_NOTE = 200;

	/** How a work came into the selection. */
	public enum Origin {

		/** With every awarded work, from the final ranking. */
		RANKING,
		/** Chosen by hand. */
		MANUAL

	}

	/** A province category and the national sub-project it maps to (null: none). */
	public record MappingRow(Category category, Category subProject, boolean saved) {
	}

	public record MappingPage(Campaign campaign, Campaign national, List<MappingRow> rows, List<Category> subProjects) {
	}

	/**
	 * A work that may be recommended.
	 *
	 * @param award its award level's name, null without one
	 * @param awardOrder 1 for the best level, {@link Integer#MAX_VALUE} without an award
	 * @param subProject where its category maps to, null when nowhere
	 * @param note the note of its selection, null while it is not selected
	 */
	public record Candidate(Work work, String categoryName, String award, int awardOrder, Category subProject,
			String note, Origin origin) {

		public boolean selected() {
			return note != null;
		}

	}

	/** A sub-project with the selected works it receives, numbered in package order. */
	public record SubProject(Category category, List<Candidate> works) {
	}

	public record SelectionPage(Campaign campaign, Campaign national, List<Candidate> candidates,
			List<SubProject> subProjects) {
	}

	/**
	 * A file in a package: the stored file, or the nomination form of a work (generated
	 * at the export: its size and SHA-256 are known once it is made), and what the
	 * manifest says of it.
	 */
	record PackageFile(String fileName, long size, String sha256, StoredFile stored, Long nominationEntryId) {

		boolean generated() {
			return nominationEntryId != null;
		}

		PackageFile withContent(long size, String sha256) {
			return new PackageFile(fileName, size, sha256, stored, nominationEntryId);
		}

	}

	/** A work in a package. */
	record PackageWork(int number, Candidate candidate, String unitChain, String folder, List<PackageFile> files) {

		PackageWork withFiles(List<PackageFile> files) {
			return new PackageWork(number, candidate, unitChain, folder, files);
		}

	}

	/** Everything a package is written from; made before the first byte is sent. */
	record PackagePlan(Campaign campaign, Category subProject, List<PackageWork> works) {

		String root() {
			return PackageNames.safe(subProject.shortName() == null ? subProject.name() : subProject.shortName());
		}

	}

	private final Campaigns campaigns;

	private final CampaignAdministration administration;

	private final HandoffEntries entries;

	private final AwardedLevels awardedLevels;

	private final EntryLifecycle lifecycle;

	private final Organisations organisations;

	private final StoredFiles storedFiles;

	private final HandoffRecords records;

	private final DefaultMapping defaults;

	private final AuditLog auditLog;

	private final Texts texts;

	private final Clock clock;

	private final PackageWriter writer;

	Handoffs(Campaigns campaigns, CampaignAdministration administration, HandoffEntries entries,
			AwardedLevels awardedLevels, EntryLifecycle lifecycle, Organisations organisations, StoredFiles storedFiles,
			HandoffRecords records, DefaultMapping defaults, AuditLog auditLog, Texts texts, Clock clock,
			PackageWriter writer) {
		this.writer = writer;
		this.campaigns = campaigns;
		this.administration = administration;
		this.entries = entries;
		this.awardedLevels = awardedLevels;
		this.lifecycle = lifecycle;
		this.organisations = organisations;
		this.storedFiles = storedFiles;
		this.records = records;
		this.defaults = defaults;
		this.auditLog = auditLog;
		this.texts = texts;
		this.clock = clock;
	}

	// --- mapping (item 1)

	public MappingPage mappingPage(SignedInUser admin, String campaignCode) {
		Campaign campaign = administered(admin, campaignCode);
		Campaign national = national(campaign);
		List<Category> subProjects = campaigns.categories(national);
		Map<Long, Long> saved = records.mapping(campaign.id());
		List<MappingRow> rows = new ArrayList<>();
		for (Category category : campaigns.categories(campaign)) {
			rows.add(new MappingRow(category, subProject(category, saved, subProjects).orElse(null),
					saved.containsKey(category.id())));
		}
		return new MappingPage(campaign, national, rows, subProjects);
	}

	/**
	 * Saves the sub-project of each province category given (category id → national
	 * category id); writes the mapping rows and an UPDATED audit event of the campaign.
	 * @throws NotFoundException for a category of another campaign or a sub-project that
	 * is not the national campaign's
	 */
	@Transactional
	public void saveMapping(SignedInUser admin, String campaignCode, Map<Long, Long> chosen) {
		Campaign campaign = administered(admin, campaignCode);
		Campaign national = national(campaign);
		Set<Long> own = campaigns.categories(campaign).stream().map(Category::id).collect(Collectors.toSet());
		Map<Long, Category> subProjects = campaigns.categories(national)
			.stream()
			.collect(Collectors.toMap(Category::id, Function.identity()));
		Instant now = clock.instant();
		Map<String, Object> after = new LinkedHashMap<>();
		for (Map.Entry<Long, Long> pair : chosen.entrySet()) {
			if (!own.contains(pair.getKey()) || !subProjects.containsKey(pair.getValue())) {
				throw new NotFoundException("category " + pair.getKey() + " → " + pair.getValue());
			}
			records.saveMapping(campaign.id(), pair.getKey(), pair.getValue(), admin.accountId(), now);
			after.put(String.valueOf(pair.getKey()), subProjects.get(pair.getValue()).code());
		}
		auditLog.recordChange(AuditAction.UPDATED, "campaign", campaign.id(), campaign.hostOrganisationPath(),
				texts.plain("handoff.audit.mapping", campaign.title()), null, after);
	}

	// --- selection (item 2)

	public SelectionPage selectionPage(SignedInUser admin, String campaignCode) {
		Campaign campaign = administered(admin, campaignCode);
		Campaign national = national(campaign);
		List<Candidate> candidates = candidates(campaign, national);
		return new SelectionPage(campaign, national, candidates, subProjects(candidates, national));
	}

	/**
	 * Recommends works to the national campaign (推荐至全国). {@code RANKING} takes every
	 * awarded work not yet selected (the notes given still apply); {@code MANUAL} the
	 * works named. For each newly selected work: a selection row with its note, and
	 * through {@link EntryLifecycle#recordNationalRecommendation} the entry's history
	 * step NATIONAL_RECOMMENDED (remark: the sub-project and the note) and its audit
	 * event — all in one transaction. A work selected before is left as it is.
	 * @return how many works were newly selected
	 * @throws HandoffChangeRejected for no work, a note too long, a work whose category
	 * maps to no sub-project
	 */
	@Transactional
	public int select(SignedInUser admin, String campaignCode, Origin origin, Collection<Long> entryIds,
			Map<Long, String> notes) {
		Campaign campaign = administered(admin, campaignCode);
		Campaign national = national(campaign);
		Map<Long, Candidate> byId = candidates(campaign, national).stream()
			.collect(Collectors.toMap(candidate -> candidate.work().id(), Function.identity()));
		Set<Long> chosen = new LinkedHashSet<>();
		if (origin == Origin.RANKING) {
			byId.values()
				.stream()
				.filter(candidate -> candidate.award() != null && !candidate.selected())
				.sorted(Comparator.comparingInt(Candidate::awardOrder)
					.thenComparing(candidate -> candidate.work().id()))
				.forEach(candidate -> chosen.add(candidate.work().id()));
		}
		else {
			for (Long id : entryIds) {
				if (!byId.containsKey(id)) {
					throw new NotFoundException("entry " + id);
				}
				chosen.add(id);
			}
		}
		if (chosen.isEmpty()) {
			throw new HandoffChangeRejected("entryId", "handoff.select.none");
		}
		Instant now = clock.instant();
		int added = 0;
		for (long id : chosen) {
			Candidate candidate = byId.get(id);
			if (candidate.subProject() == null) {
				throw new HandoffChangeRejected("entryId", "handoff.select.unmapped", candidate.work().title(),
						candidate.categoryName());
			}
			String note = notes.getOrDefault(id, "");
			note = note == null ? "" : note.strip();
			if (note.length() > MAX_NOTE) {
				throw new HandoffChangeRejected("note", "handoff.select.noteTooLong", candidate.work().title(),
						MAX_NOTE);
			}
			if (!records.select(campaign.id(), id, origin.name(), note, admin.accountId(), now)) {
				continue;
			}
			String name = subProjectName(candidate.subProject());
			String remark = note.isEmpty() ? texts.plain("handoff.remark", name)
					: texts.plain("handoff.remarkWithNote", name, note);
			lifecycle.recordNationalRecommendation(admin, id, name, remark);
			added++;
		}
		return added;
	}

	/**
	 * Takes a work back out of the recommendation (撤回全国推荐) before the package is sent,
	 * with a reason (1–200 characters): removes its selection row, so that it leaves the
	 * page's sub-project list and every package and manifest made from now on, and
	 * through {@link EntryLifecycle#recordNationalRecommendationWithdrawal} writes the
	 * entry's history step NATIONAL_RECOMMENDATION_WITHDRAWN (remark: the sub-project and
	 * the reason) and its UPDATED audit event — in one transaction. The work may be
	 * selected again later.
	 * @throws HandoffChangeRejected for a missing or too long reason, or a work that is
	 * not (or no longer) selected
	 * @throws NotFoundException for a work that is no candidate of the campaign (only
	 * candidates are in a package)
	 */
	@Transactional
	public void withdraw(SignedInUser admin, String campaignCode, long entryId, String reason) {
		Campaign campaign = administered(admin, campaignCode);
		Campaign national = national(campaign);
		Candidate candidate = candidates(campaign, national).stream()
			.filter(c -> c.work().id() == entryId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("entry " + entryId));
		String title = candidate.work().title();
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new HandoffChangeRejected("reason", "handoff.withdraw.reasonMissing", title);
		}
		if (CharacterCount.exceeds(why, MAX_NOTE)) {
			throw new HandoffChangeRejected("reason", "handoff.withdraw.reasonTooLong", title, MAX_NOTE);
		}
		if (!records.withdraw(campaign.id(), entryId)) {
			throw new HandoffChangeRejected("entryId", "handoff.withdraw.notSelected", title);
		}
		String name = candidate.subProject() == null ? "" : subProjectName(candidate.subProject());
		lifecycle.recordNationalRecommendationWithdrawal(admin, entryId, name,
				texts.plain("handoff.withdrawRemark", name, why));
	}

	// --- package (item 2)

	/**
	 * The plan of one sub-project's package: its selected works in package order (best
	 * award first, then by id), each with its unit chain, its files as stored (with the
	 * SHA-256 kept since the upload) and its nomination form where the category has one.
	 * @throws NotFoundException for an unknown sub-project
	 */
	PackagePlan plan(SignedInUser admin, String campaignCode, String subProjectCode) {
		Campaign campaign = administered(admin, campaignCode);
		Campaign national = national(campaign);
		Category subProject = campaigns.category(national, subProjectCode)
			.orElseThrow(() -> new NotFoundException("sub-project " + subProjectCode));
		List<Candidate> candidates = candidates(campaign, national);
		List<Candidate> works = subProjects(candidates, national).stream()
			.filter(group -> group.category().id() == subProject.id())
			.findFirst()
			.map(SubProject::works)
			.orElse(List.of());
		List<Long> ids = works.stream().map(candidate -> candidate.work().id()).toList();
		Map<Long, List<HandoffEntries.File>> files = entries.files(ids)
			.stream()
			.collect(Collectors.groupingBy(HandoffEntries.File::entryId, LinkedHashMap::new, Collectors.toList()));
		Set<Long> unitIds = new LinkedHashSet<>();
		for (Candidate candidate : works) {
			unitIds.addAll(pathIds(candidate.work().organisationPath()));
		}
		Map<Long, Organisation> units = organisations.byIds(unitIds);
		Map<Long, Boolean> nominationForm = new LinkedHashMap<>();
		for (Category category : campaigns.categories(campaign)) {
			nominationForm.put(category.id(), category.rules().nominationForm());
		}
		List<PackageWork> planned = new ArrayList<>();
		int number = 0;
		for (Candidate candidate : works) {
			number++;
			String folder = String.format("%03d-%s", number, PackageNames.safe(candidate.work().title()));
			List<PackageFile> packageFiles = new ArrayList<>();
			Set<String> names = new LinkedHashSet<>();
			if (nominationForm.getOrDefault(candidate.work().categoryId(), false)) {
				String name = PackageNames.unique(names, texts.plain("handoff.package.nominationForm") + ".pdf");
				packageFiles.add(new PackageFile(name, -1, null, null, candidate.work().id()));
			}
			for (HandoffEntries.File file : files.getOrDefault(candidate.work().id(), List.of())) {
				StoredFile stored = storedFiles.findCompleted(file.fileId())
					.orElseThrow(() -> new NotFoundException("file " + file.fileId()));
				packageFiles.add(new PackageFile(PackageNames.unique(names, PackageNames.safe(file.fileName())),
						file.size(), file.sha256(), stored, null));
			}
			String chain = pathIds(candidate.work().organisationPath()).stream()
				.map(units::get)
				.filter(unit -> unit != null)
				.map(Organisation::name)
				.collect(Collectors.joining(" / "));
			planned.add(new PackageWork(number, candidate, chain, folder, packageFiles));
		}
		return new PackagePlan(campaign, subProject, planned);
	}

	/**
	 * One sub-project's package, ready to be streamed: planned (and the admin's right
	 * checked) now, inside this read-only transaction; prepared and written later by
	 * {@link HandoffPackage#prepare}, outside any transaction, holding no connection
	 * while the files flow (each file's checks and a nomination form take one briefly).
	 * @throws NotFoundException for someone who does not administer the campaign or an
	 * unknown sub-project
	 */
	public HandoffPackage packageOf(SignedInUser admin, String campaignCode, String subProjectCode) {
		PackagePlan plan = plan(admin, campaignCode, subProjectCode);
		return new HandoffPackage(
				texts.plain("handoff.package.fileName",
						plan.campaign().shortTitle() == null ? plan.campaign().title() : plan.campaign().shortTitle(),
						plan.root()),
				plan.works().size(), () -> writer.prepare(plan, id -> entries.nominationPdf(admin, id)));
	}

	// --- reading

	private List<Candidate> candidates(Campaign campaign, Campaign national) {
		List<Category> categories = campaigns.categories(campaign);
		Map<Long, Category> byId = categories.stream().collect(Collectors.toMap(Category::id, Function.identity()));
		List<Category> subProjects = campaigns.categories(national);
		Map<Long, Long> saved = records.mapping(campaign.id());
		Map<Long, HandoffRecords.Selected> selected = records.selection(campaign.id());
		List<Work> works = entries.recommendable(campaign.id());
		Map<Long, AwardedLevel> awards = awardedLevels.of(works.stream().map(Work::id).toList());
		List<Candidate> candidates = new ArrayList<>();
		for (Work work : works) {
			Category category = byId.get(work.categoryId());
			AwardedLevel award = awards.get(work.id());
			HandoffRecords.Selected selection = selected.get(work.id());
			candidates.add(new Candidate(work, category == null ? "" : category.name(),
					award == null ? null : award.levelName(), award == null ? Integer.MAX_VALUE : award.levelOrder(),
					category == null ? null : subProject(category, saved, subProjects).orElse(null),
					selection == null ? null : selection.note(),
					selection == null ? null : Origin.valueOf(selection.origin())));
		}
		candidates.sort(Comparator.comparingInt(Candidate::awardOrder).thenComparing(c -> c.work().id()));
		return candidates;
	}

	private static List<SubProject> subProjects(List<Candidate> candidates, Campaign national) {
		Map<Long, List<Candidate>> grouped = new LinkedHashMap<>();
		for (Candidate candidate : candidates) {
			if (candidate.selected() && candidate.subProject() != null) {
				grouped.computeIfAbsent(candidate.subProject().id(), id -> new ArrayList<>()).add(candidate);
			}
		}
		List<SubProject> result = new ArrayList<>();
		for (Candidate candidate : candidates) {
			if (candidate.subProject() != null && grouped.containsKey(candidate.subProject().id())
					&& result.stream().noneMatch(group -> group.category().id() == candidate.subProject().id())) {
				result.add(new SubProject(candidate.subProject(), grouped.get(candidate.subProject().id())));
			}
		}
		result.sort(Comparator.comparingInt(group -> group.category().sortOrder()));
		return result;
	}

	private Optional<Category> subProject(Category category, Map<Long, Long> saved, List<Category> subProjects) {
		Long chosen = saved.get(category.id());
		if (chosen != null) {
			return subProjects.stream().filter(sub -> sub.id() == chosen).findFirst();
		}
		return defaults.nationalCode(category.code())
			.flatMap(code -> subProjects.stream().filter(sub -> sub.code().equals(code)).findFirst());
	}

	static String subProjectName(Category subProject) {
		return subProject.shortName() == null ? subProject.name() : subProject.shortName();
	}

	private static List<Long> pathIds(String path) {
		List<Long> ids = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isBlank()) {
				ids.add(Long.parseLong(part));
			}
		}
		return ids;
	}

	private Campaign administered(SignedInUser admin, String campaignCode) {
		Campaign campaign = campaigns.findByCode(campaignCode)
			.orElseThrow(() -> new NotFoundException("campaign " + campaignCode));
		if (!administration.administers(admin, campaign)) {
			throw new NotFoundException("handoff of campaign " + campaignCode);
		}
		return campaign;
	}

	/**
	 * The national campaign the campaign feeds: its own, else the one the campaign it was
	 * copied from feeds (a copy of fujian-2024 hands off to national-2024 too).
	 */
	private Campaign national(Campaign campaign) {
		Campaign at = campaign;
		for (int depth = 0; at != null && depth < 10; depth++) {
			if (at.feedsCampaignId() != null) {
				return campaigns.findById(at.feedsCampaignId())
					.orElseThrow(() -> new HandoffChangeRejected(null, "handoff.noNational"));
			}
			at = at.copiedFromId() == null ? null : campaigns.findById(at.copiedFromId()).orElse(null);
		}
		throw new HandoffChangeRejected(null, "handoff.noNational");
	}

}
