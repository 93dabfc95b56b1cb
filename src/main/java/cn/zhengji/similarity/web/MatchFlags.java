package cn.zhengji.similarity.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.similarity.SimilarWork;
import cn.zhengji.similarity.SimilarWorks;
import cn.zhengji.similarity.SimilarityKind;
import cn.zhengji.submission.EntryAccess;
import org.springframework.stereotype.Component;

/**
 * Issue 15 item 2: the flags of one entry as a viewer may see them, one per other entry
 * (its matches of every kind and file taken together). Every admin reading the entry sees
 * every flag's sentence (title, year, city-level unit, category, award — facts the
 * results lists publish anyway), the similarity and the segment; only a viewer who may
 * open the other entry gets its link and its frames. Nothing about the other side's
 * submitter is shown. The owner sees only their own identical files.
 */
@Component
public class MatchFlags {

	private final SimilarWorks similarWorks;

	private final EntryAccess access;

	private final Texts texts;

	MatchFlags(SimilarWorks similarWorks, EntryAccess access, Texts texts) {
		this.similarWorks = similarWorks;
		this.access = access;
		this.texts = texts;
	}

	/** The flags of the entry for an admin reading it, most similar first. */
	List<Flag> forAdmin(SignedInUser viewer, long entryId) {
		List<Flag> flags = new ArrayList<>();
		byOtherEntry(similarWorks.of(entryId))
			.forEach((other, rows) -> flags.add(flag(entryId, rows, access.adminMayOpen(viewer, other))));
		return flags;
	}

	/** The owner's own identical files in other entries (the same person's same file). */
	List<OwnDuplicate> forOwner(SignedInUser owner, long entryId) {
		List<OwnDuplicate> own = new ArrayList<>();
		byOtherEntry(similarWorks.of(entryId)).forEach((other, rows) -> {
			SimilarWork first = rows.getFirst();
			boolean sameFile = rows.stream().anyMatch(row -> row.kind() == SimilarityKind.EXACT);
			if (first.sameOwner() && sameFile && access.owns(owner, other)) {
				own.add(new OwnDuplicate(other, texts.plain("similarity.own.notice", first.otherTitle(),
						first.otherCampaignTitle(), first.otherCategoryName())));
			}
		});
		return own;
	}

	/**
	 * The JPEG of one side of a flag's frame pair, if the viewer may see it: the entry's
	 * own side for an admin reading the entry, the other side only for one who may open
	 * the other entry too; only frames of stored matches.
	 */
	Optional<byte[]> frame(SignedInUser viewer, long entryId, long otherEntryId, int index, boolean otherSide) {
		if (!access.adminMayOpen(viewer, entryId) || (otherSide && !access.adminMayOpen(viewer, otherEntryId))) {
			return Optional.empty();
		}
		List<SimilarWork> rows = byOtherEntry(similarWorks.of(entryId)).getOrDefault(otherEntryId, List.of());
		List<SimilarWork> pairs = framePairs(rows);
		if (index < 0 || index >= pairs.size()) {
			return Optional.empty();
		}
		SimilarWork pair = pairs.get(index);
		return otherSide ? similarWorks.frameJpeg(otherEntryId, pair.otherAttachmentId(), millis(pair.otherFrameMs()))
				: similarWorks.frameJpeg(entryId, pair.attachmentId(), millis(pair.frameMs()));
	}

	/**
	 * {@code 与 2024 年《…》（福州市总工会，网络正能量微视频征集，二等奖）高度相似}; without the award when the other
	 * work has none.
	 */
	String heading(SimilarWork work) {
		String year = String.valueOf(work.otherCampaignYear());
		return (work.otherAwardName() == null)
				? texts.plain("similarity.flag.headingNoAward", year, work.otherTitle(), work.otherCityUnitName(),
						work.otherCategoryName())
				: texts.plain("similarity.flag.heading", year, work.otherTitle(), work.otherCityUnitName(),
						work.otherCategoryName(), work.otherAwardName());
	}

	private Flag flag(long entryId, List<SimilarWork> rows, boolean mayOpen) {
		SimilarWork first = rows.getFirst();
		int percent = rows.stream().mapToInt(SimilarWork::similarity).max().orElse(0);
		String kinds = String.join(texts.plain("common.listSeparator"),
				rows.stream()
					.map(SimilarWork::kind)
					.distinct()
					.map(kind -> texts.plain("similarity.flag.kind." + kind.name()))
					.toList());
		String similarity = texts.plain("similarity.flag.similarity", percent, kinds);
		String segment = rows.stream()
			.map(SimilarWork::segment)
			.filter(found -> found != null)
			.findFirst()
			.map(found -> texts.plain("similarity.flag.segment", time(found.start()), time(found.end()),
					time(found.otherStart()), time(found.otherEnd())))
			.orElse(null);
		List<SimilarWork> pairs = framePairs(rows);
		List<Frame> frames = new ArrayList<>();
		for (int i = 0; i < pairs.size(); i++) {
			SimilarWork pair = pairs.get(i);
			frames
				.add(new Frame(i,
						(pair.kind() == SimilarityKind.VIDEO) ? texts.plain("similarity.flag.frameAt",
								time(millis(pair.frameMs()) / 1000.0), time(millis(pair.otherFrameMs()) / 1000.0))
								: null));
		}
		return new Flag(entryId, first.otherEntryId(), heading(first), similarity, segment, frames, mayOpen,
				first.sameOwner());
	}

	/** The rows that have a frame to show on both sides: video frames, images. */
	private static List<SimilarWork> framePairs(List<SimilarWork> rows) {
		return rows.stream()
			.filter(row -> row.attachmentId() != null && row.otherAttachmentId() != null)
			.filter(row -> (row.kind() == SimilarityKind.VIDEO && row.frameMs() != null && row.otherFrameMs() != null)
					|| row.kind() == SimilarityKind.IMAGE)
			.toList();
	}

	private static Map<Long, List<SimilarWork>> byOtherEntry(List<SimilarWork> rows) {
		Map<Long, List<SimilarWork>> grouped = new LinkedHashMap<>();
		rows.forEach(row -> grouped.computeIfAbsent(row.otherEntryId(), other -> new ArrayList<>()).add(row));
		return grouped;
	}

	private static long millis(Long value) {
		return (value == null) ? 0 : value;
	}

	/** {@code 01:40}, or {@code 1:02:03} from an hour on. */
	static String time(double seconds) {
		long whole = Math.max(0, (long) Math.floor(seconds));
		long hours = whole / 3600;
		long minutes = (whole % 3600) / 60;
		long rest = whole % 60;
		return (hours > 0) ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
				: String.format(Locale.ROOT, "%02d:%02d", minutes, rest);
	}

	/**
	 * One flag: one other entry.
	 *
	 * @param segment {@code 本作品 00:12–01:40 ≈ 对方 00:09–01:37}, or null
	 * @param frames the side-by-side frames; the other side's only when {@code mayOpen}
	 * @param mayOpen whether the viewer may open the other entry (link, its frames)
	 */
	public record Flag(long entryId, long otherEntryId, String heading, String similarity, String segment,
			List<Frame> frames, boolean mayOpen, boolean sameOwner) {
	}

	/** A pair of frames by its index in the flag, with its caption (null for images). */
	public record Frame(int index, String caption) {
	}

	/** The owner's notice: {@code 您在《…》（…）中提交了相同的文件。} */
	public record OwnDuplicate(long otherEntryId, String notice) {
	}

	/** The admin's panel. */
	public record AdminModel(long entryId, List<Flag> flags) {
	}

	/** The owner's panel. */
	public record OwnerModel(long entryId, List<OwnDuplicate> duplicates) {
	}

}
