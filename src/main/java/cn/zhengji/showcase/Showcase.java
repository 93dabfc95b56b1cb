package cn.zhengji.showcase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.playback.WebCopies;
import cn.zhengji.playback.WebCopy;
import cn.zhengji.review.AwardedLevels;
import cn.zhengji.review.AwardedLevels.AwardedLevel;
import cn.zhengji.review.RoundResults;
import cn.zhengji.submission.BlindEntry;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.PublicFile;
import cn.zhengji.submission.PublicWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Issue 13 item 2: what the public showcase shows. A work is public while its state is a
 * final award ({@code EntryState#isPublicWinner}) or while the voting module has it in a
 * vote ({@link WorksInVoting}); anything else — and every internal slot, the nomination
 * photo, any file of another work — is a 404, revealing nothing. Nothing here reads a
 * person: works come from {@link Entries#publicWorks} (title, category, unit), their
 * texts from {@link Entries#blindContent} (the typed texts of the category, no nomination
 * form).
 *
 * <p>
 * A gallery page is a fixed handful of queries whatever the number of works: the
 * campaign, its public works (title search in SQL with pg_trgm), their award levels, the
 * categories, the units above the submitting units, the files of the shown works. Filters
 * and paging run in memory over the campaign's public works (hundreds, not millions).
 */
@Service
public class Showcase {

	/** Cards per gallery page. */
	static final int PAGE_SIZE = 24;

	/** How long browsers and proxies may keep a public file without asking again. */
	public static final Duration FILE_MAX_AGE = Duration.ofHours(1);

	private final Campaigns campaigns;

	private final Entries entries;

	private final AwardedLevels awardedLevels;

	private final RoundResults roundResults;

	private final Organisations organisations;

	private final StoredFiles storedFiles;

	private final WebCopies webCopies;

	private final WorksInVoting worksInVoting;

	/**
	 * Issue 13 item 5b: which stored file a public file's URL serves, kept as long as the
	 * public pages are ({@code zhengji.public-pages.ttl}): a video player asks for many
	 * ranges of the same file, and resolving it anew costs five statements each time.
	 * Empty when the pages are not kept (tests).
	 */
	private final Optional<Cache<FileKey, ServedFile>> servedFiles;

	Showcase(Campaigns campaigns, Entries entries, AwardedLevels awardedLevels, RoundResults roundResults,
			Organisations organisations, StoredFiles storedFiles, WebCopies webCopies, WorksInVoting worksInVoting,
			@Value("${zhengji.public-pages.ttl:10s}") Duration publicTtl) {
		this.campaigns = campaigns;
		this.entries = entries;
		this.awardedLevels = awardedLevels;
		this.roundResults = roundResults;
		this.organisations = organisations;
		this.storedFiles = storedFiles;
		this.webCopies = webCopies;
		this.worksInVoting = worksInVoting;
		this.servedFiles = publicTtl.isZero() ? Optional.empty()
				: Optional.of(Caffeine.newBuilder().expireAfterWrite(publicTtl).maximumSize(10_000).build());
	}

	/** The visible campaigns with a final winner or a work in voting, newest first. */
	public List<Campaign> campaignsWithPublicWorks() {
		Set<Long> withWinners = entries.campaignsWithPublicWinners();
		return campaigns.allVisible()
			.stream()
			.filter((campaign) -> withWinners.contains(campaign.id())
					|| !worksInVoting.entriesInVoting(campaign.id()).isEmpty())
			.toList();
	}

	/**
	 * Whether the campaign has a final winner or a work in voting (for the link 作品展示 on
	 * the campaign's page).
	 */
	public boolean hasPublicWorks(long campaignId) {
		return entries.campaignsWithPublicWinners().contains(campaignId)
				|| !worksInVoting.entriesInVoting(campaignId).isEmpty();
	}

	/**
	 * The campaign's showcase for a query.
	 * @throws NotFoundException for a campaign that is not visible
	 */
	public Gallery gallery(String campaignCode, GalleryQuery query) {
		Campaign campaign = campaigns.getByCode(campaignCode);
		Set<Long> voting = worksInVoting.entriesInVoting(campaign.id());
		List<PublicWork> works = entries.publicWorks(campaign.id(), voting, query.q());
		Map<Long, AwardedLevel> levels = awardedLevels.of(works.stream().map(PublicWork::id).toList());
		Map<Long, Category> categories = campaigns.categories(campaign)
			.stream()
			.collect(Collectors.toMap(Category::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		Map<Long, Organisation> units = cityUnits(works);

		List<PublicWork> shown = works.stream().filter((work) -> {
			Category category = categories.get(work.categoryId());
			AwardedLevel level = levels.get(work.id());
			Organisation unit = units.get(work.id());
			return (query.category() == null || category != null && category.code().equals(query.category()))
					&& (query.level() == null || level != null && level.levelCode().equals(query.level()))
					&& (query.unit() == null || unit != null && unit.id() == query.unit());
		}).toList();
		List<PublicWork> winners = shown.stream().filter((work) -> work.state().isPublicWinner()).toList();
		List<PublicWork> inVoting = shown.stream()
			.filter((work) -> !work.state().isPublicWinner() && voting.contains(work.id()))
			.toList();
		int pageCount = Math.max(1, (winners.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(query.page(), pageCount);
		List<PublicWork> pageOfWinners = winners.subList(Math.min(winners.size(), (page - 1) * PAGE_SIZE),
				Math.min(winners.size(), page * PAGE_SIZE));

		List<PublicWork> carded = new ArrayList<>(pageOfWinners);
		carded.addAll(inVoting);
		Map<Long, List<PublicFile>> files = publicFiles(carded.stream().map(PublicWork::id).toList(), categories);
		Function<PublicWork, ShowcaseWork> card = (work) -> card(work, categories, levels, voting, files);

		List<Gallery.Option> categoryOptions = categories.values()
			.stream()
			.filter((category) -> works.stream().anyMatch((work) -> work.categoryId() == category.id()))
			.map((category) -> new Gallery.Option(category.code(), category.name()))
			.toList();
		List<Gallery.Option> levelOptions = levels.values()
			.stream()
			.sorted(Comparator.comparingInt(AwardedLevel::levelOrder))
			.map((level) -> new Gallery.Option(level.levelCode(), level.levelName()))
			.distinct()
			.toList();
		List<Gallery.Option> unitOptions = units.values()
			.stream()
			.distinct()
			.sorted(Comparator.comparingInt(Organisation::sortOrder).thenComparing(Organisation::path))
			.map((unit) -> new Gallery.Option(String.valueOf(unit.id()), unit.displayName()))
			.toList();
		return new Gallery(campaign, query, categoryOptions, levelOptions, unitOptions,
				pageOfWinners.stream().map(card).toList(), winners.size(), page, pageCount,
				inVoting.stream().map(card).toList());
	}

	/**
	 * A public work's page.
	 * @throws NotFoundException for a work that is not public (or does not exist)
	 */
	public WorkPage work(long entryId) {
		PublicWork work = publicWork(entryId);
		Campaign campaign = campaigns.findById(work.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + work.campaignId()));
		Category category = campaigns.findCategory(work.categoryId())
			.orElseThrow(() -> new NotFoundException("category " + work.categoryId()));
		AwardedLevel level = awardedLevels.of(List.of(entryId)).get(entryId);
		BlindEntry content = entries.blindContent(entryId);
		Map<String, AttachmentSlot> slots = category.rules()
			.attachments()
			.stream()
			.collect(Collectors.toMap(AttachmentSlot::key, Function.identity(), (a, b) -> a));
		List<String> slotOrder = category.rules().attachments().stream().map(AttachmentSlot::key).toList();
		List<PublicFile> shown = entries.publicFiles(List.of(entryId))
			.stream()
			.filter((file) -> isPublic(file, slots))
			// In the category's order: the work itself before its accompanying pictures.
			.sorted(Comparator.comparingInt((PublicFile file) -> slotOrder.indexOf(file.slotKey()))
				.thenComparingLong(PublicFile::attachmentId))
			.toList();
		// Issue 13 item 3: a video with a ready web copy shows its poster frame.
		Map<Long, WebCopy> copies = webCopies.readyCopiesOf(shown.stream().map(PublicFile::attachmentId).toList());
		List<WorkPage.File> files = shown.stream()
			.map((file) -> new WorkPage.File(file.attachmentId(), slots.get(file.slotKey()).label(),
					WorkPage.Kind.of(file.contentType()), fileUrl(entryId, file.attachmentId()), file.contentType(),
					copies.containsKey(file.attachmentId()) && copies.get(file.attachmentId()).posterFileId() != null
							? fileUrl(entryId, file.attachmentId()) + "/poster.jpg" : null))
			.toList();
		var score = level != null && campaigns.publishesScores(campaign.id())
				? roundResults.publishedScore(level.roundId(), entryId).orElse(null) : null;
		String image = files.stream()
			.filter((file) -> file.kind() == WorkPage.Kind.IMAGE)
			.map(WorkPage.File::url)
			.findFirst()
			.orElse(null);
		return new WorkPage(entryId, campaign, work.title(), category.name(), level == null ? null : level.levelName(),
				work.organisationName(), score, !work.state().isPublicWinner(),
				content.texts()
					.stream()
					.map((text) -> new WorkPage.Text(text.label(), text.section(), text.text()))
					.toList(),
				files, image);
	}

	/**
	 * A file of a public work in a public slot: inline (documents as a download), HTTP
	 * ranges, {@code Cache-Control: public}, the stored file's SHA-256 as ETag and its
	 * completion as Last-Modified, named {@code work-<attachmentId>.<ext>}.
	 * @throws NotFoundException for everything else
	 */
	public ResponseEntity<Resource> file(long entryId, long attachmentId) {
		ServedFile served = served(entryId, attachmentId);
		return publicResponse(storedFiles.response(served.stored(), served.contentType(), served.inline(),
				servedName(attachmentId, served)), served.stored());
	}

	/**
	 * What a byte range of a public file is cut from (issue 13 item 5b, for
	 * {@code web.PublicFileRanges}): the same file and headers as {@link #file}, the
	 * bytes checked as every serving path checks them.
	 * @throws NotFoundException when the file is not public
	 * @throws cn.zhengji.files.StoredFileCorruptedException when its bytes changed
	 */
	public FileRangeSource rangeSource(long entryId, long attachmentId) {
		ServedFile served = served(entryId, attachmentId);
		return new FileRangeSource(storedFiles.servable(served.stored()), served.contentType(),
				StoredFiles.contentDisposition(served.inline(), servedName(attachmentId, served)),
				"\"" + served.stored().sha256() + "\"", served.stored().completedAt());
	}

	/** A public file's bytes and the values of its headers. */
	public record FileRangeSource(Resource resource, MediaType contentType, String contentDisposition, String etag,
			java.time.Instant lastModified) {
	}

	private ServedFile served(long entryId, long attachmentId) {
		return servedFiles.isEmpty() ? servedFile(entryId, attachmentId)
				: servedFiles.get().get(new FileKey(entryId, attachmentId), (key) -> servedFile(entryId, attachmentId));
	}

	private static String servedName(long attachmentId, ServedFile served) {
		return "work-" + attachmentId + extension(served.stored().fileName());
	}

	/**
	 * What a public file's URL serves: the web copy once it is ready, else the original.
	 */
	private ServedFile servedFile(long entryId, long attachmentId) {
		PublicWork work = publicWork(entryId);
		Category category = campaigns.findCategory(work.categoryId())
			.orElseThrow(() -> new NotFoundException("category " + work.categoryId()));
		Map<String, AttachmentSlot> slots = category.rules()
			.attachments()
			.stream()
			.collect(Collectors.toMap(AttachmentSlot::key, Function.identity(), (a, b) -> a));
		PublicFile file = entries.publicFiles(List.of(entryId))
			.stream()
			.filter((candidate) -> candidate.attachmentId() == attachmentId && isPublic(candidate, slots))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("public file " + attachmentId + " of work " + entryId));
		WorkPage.Kind kind = WorkPage.Kind.of(file.contentType());
		// Issue 13 item 3: the web copy once it is ready; until then the original, which
		// the browser plays if it can.
		Optional<WebCopies.ReadyCopy> copy = kind == WorkPage.Kind.VIDEO || kind == WorkPage.Kind.AUDIO
				? webCopies.openCopy(attachmentId) : Optional.empty();
		if (copy.isPresent()) {
			return new ServedFile(copy.get().copy(), MediaType.parseMediaType(copy.get().contentType()), true);
		}
		StoredFile stored = storedFiles.findCompleted(file.fileId())
			.orElseThrow(() -> new NotFoundException("stored file of attachment " + attachmentId));
		return new ServedFile(stored, MediaType.parseMediaType(file.contentType()), kind != WorkPage.Kind.DOCUMENT);
	}

	private record FileKey(long entryId, long attachmentId) {
	}

	private record ServedFile(StoredFile stored, MediaType contentType, boolean inline) {
	}

	/**
	 * Issue 13 item 3: the poster frame (JPEG) of a public video whose web copy is ready,
	 * served like its files.
	 * @throws NotFoundException for everything else
	 */
	public ResponseEntity<Resource> poster(long entryId, long attachmentId) {
		PublicWork work = publicWork(entryId);
		Category category = campaigns.findCategory(work.categoryId())
			.orElseThrow(() -> new NotFoundException("category " + work.categoryId()));
		Map<String, AttachmentSlot> slots = category.rules()
			.attachments()
			.stream()
			.collect(Collectors.toMap(AttachmentSlot::key, Function.identity(), (a, b) -> a));
		entries.publicFiles(List.of(entryId))
			.stream()
			.filter((candidate) -> candidate.attachmentId() == attachmentId && isPublic(candidate, slots))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("public file " + attachmentId + " of work " + entryId));
		StoredFile poster = webCopies.openPoster(attachmentId)
			.orElseThrow(() -> new NotFoundException("poster of attachment " + attachmentId));
		return publicResponse(
				storedFiles.response(poster, MediaType.IMAGE_JPEG, true, "work-" + attachmentId + "-poster.jpg"),
				poster);
	}

	private static ResponseEntity<Resource> publicResponse(ResponseEntity<Resource> response, StoredFile stored) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(response.getHeaders());
		headers.setCacheControl(CacheControl.maxAge(FILE_MAX_AGE).cachePublic());
		headers.setLastModified(stored.completedAt());
		return ResponseEntity.status(response.getStatusCode()).headers(headers).body(response.getBody());
	}

	private PublicWork publicWork(long entryId) {
		return entries.approvedWork(entryId)
			.filter((work) -> work.state().isPublicWinner()
					|| worksInVoting.entriesInVoting(work.campaignId()).contains(entryId))
			.orElseThrow(() -> new NotFoundException("public work " + entryId));
	}

	private static boolean isPublic(PublicFile file, Map<String, AttachmentSlot> slots) {
		AttachmentSlot slot = slots.get(file.slotKey());
		// A file of a slot the category no longer has is not shown: nobody said it may
		// be.
		return slot != null && !slot.internal();
	}

	private static String fileUrl(long entryId, long attachmentId) {
		return "/showcase/works/" + entryId + "/files/" + attachmentId;
	}

	/** The extension of the stored name (lower case, ASCII only), or none. */
	static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		if (dot < 0) {
			return "";
		}
		String extension = fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
		return extension.matches("[a-z0-9]{1,8}") ? "." + extension : "";
	}

	private Map<Long, List<PublicFile>> publicFiles(Collection<Long> entryIds, Map<Long, Category> categories) {
		Map<Long, List<PublicFile>> files = new HashMap<>();
		entries.publicFiles(entryIds)
			.forEach((file) -> files.computeIfAbsent(file.entryId(), (id) -> new ArrayList<>()).add(file));
		return files;
	}

	private ShowcaseWork card(PublicWork work, Map<Long, Category> categories, Map<Long, AwardedLevel> levels,
			Set<Long> voting, Map<Long, List<PublicFile>> files) {
		Category category = categories.get(work.categoryId());
		Map<String, AttachmentSlot> slots = category == null ? Map.of()
				: category.rules()
					.attachments()
					.stream()
					.collect(Collectors.toMap(AttachmentSlot::key, Function.identity(), (a, b) -> a));
		List<PublicFile> shown = files.getOrDefault(work.id(), List.of())
			.stream()
			.filter((file) -> isPublic(file, slots))
			.toList();
		String thumbnail = shown.stream()
			.filter((file) -> WorkPage.Kind.of(file.contentType()) == WorkPage.Kind.IMAGE)
			.map((file) -> fileUrl(work.id(), file.attachmentId()))
			.findFirst()
			.orElse(null);
		boolean video = shown.stream().anyMatch((file) -> WorkPage.Kind.of(file.contentType()) == WorkPage.Kind.VIDEO);
		boolean audio = shown.stream().anyMatch((file) -> WorkPage.Kind.of(file.contentType()) == WorkPage.Kind.AUDIO);
		AwardedLevel level = levels.get(work.id());
		return ShowcaseWork.of(work, category == null ? "" : category.name(), level == null ? null : level.levelName(),
				!work.state().isPublicWinner() && voting.contains(work.id()), thumbnail, video, audio);
	}

	/**
	 * For each work, the city-level unit above its submitting unit (设区市总工会), or the
	 * submitting unit itself where there is none (a provincial organ's union): one query
	 * for all the units on the works' paths.
	 */
	private Map<Long, Organisation> cityUnits(List<PublicWork> works) {
		Set<Long> ids = new HashSet<>();
		Map<Long, List<Long>> paths = new HashMap<>();
		for (PublicWork work : works) {
			List<Long> path = java.util.Arrays.stream(work.organisationPath().split("/"))
				.filter((part) -> !part.isEmpty())
				.map(Long::valueOf)
				.toList();
			paths.put(work.id(), path);
			ids.addAll(path);
		}
		Map<Long, Organisation> found = organisations.byIds(ids);
		Map<Long, Organisation> units = new HashMap<>();
		for (PublicWork work : works) {
			Optional<Organisation> city = paths.get(work.id())
				.stream()
				.map(found::get)
				.filter((unit) -> unit != null && unit.kind() == OrganisationKind.CITY)
				.findFirst();
			Organisation unit = city.orElse(found.get(work.organisationId()));
			if (unit != null) {
				units.put(work.id(), unit);
			}
		}
		return units;
	}

}
