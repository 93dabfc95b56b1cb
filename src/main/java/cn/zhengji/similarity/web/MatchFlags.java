package cn.zhengji.similarity.web;

import java.util.List;
import java.util.Locale;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.submission.EntryAccess;
import org.springframework.stereotype.Component;

/**
 * Issue 15 item 2: the flags of one entry as a viewer may see them. Every admin reading
 * the entry sees every flag's sentence (title, year, city-level unit, category, award —
 * facts the results lists publish anyway), the similarity and the segment; only a viewer
 * who may open the other entry gets its link and its frames. Nothing about the other
 * side's submitter is shown. The owner sees only their own identical files.
 */
@Component
public class MatchFlags {

	private final MatchSource source;

	private final EntryAccess access;

	private final Texts texts;

	MatchFlags(MatchSource source, EntryAccess access, Texts texts) {
		this.source = source;
		this.access = access;
		this.texts = texts;
	}

	/** The flags of the entry for an admin reading it. */
	List<Flag> forAdmin(SignedInUser viewer, long entryId) {
		return source.matchesOf(entryId).stream().map(match -> flag(viewer, entryId, match)).toList();
	}

	/** The owner's own identical files elsewhere (the same person's same file). */
	List<OwnDuplicate> forOwner(SignedInUser owner, long entryId) {
		return source.matchesOf(entryId)
			.stream()
			.filter(match -> match.sameOwner() && match.kind() == MatchSource.Kind.EXACT)
			.filter(match -> access.owns(owner, match.otherEntryId()))
			.map(match -> new OwnDuplicate(match.otherEntryId(),
					texts.plain("similarity.own.notice", match.title(), match.campaignName(), match.categoryName())))
			.toList();
	}

	/** Whether the pair is a stored match the viewer may see the given side of. */
	boolean mayShowFrame(SignedInUser viewer, long entryId, long otherEntryId, boolean otherSide) {
		if (!access.adminMayOpen(viewer, entryId)) {
			return false;
		}
		if (otherSide && !access.adminMayOpen(viewer, otherEntryId)) {
			return false;
		}
		return source.matchesOf(entryId).stream().anyMatch(match -> match.otherEntryId() == otherEntryId);
	}

	private Flag flag(SignedInUser viewer, long entryId, MatchSource.Match match) {
		boolean mayOpen = access.adminMayOpen(viewer, match.otherEntryId());
		String heading = (match.award() == null)
				? texts.plain("similarity.flag.headingNoAward", String.valueOf(match.year()), match.title(),
						match.unitName(), match.categoryName())
				: texts.plain("similarity.flag.heading", String.valueOf(match.year()), match.title(), match.unitName(),
						match.categoryName(), match.award());
		String similarity = texts.plain("similarity.flag.similarity", match.percent(),
				texts.plain("similarity.kind." + match.kind().name()));
		String segment = (match.segment() == null) ? null
				: texts.plain("similarity.flag.segment", time(match.segment().start()), time(match.segment().end()),
						time(match.segment().otherStart()), time(match.segment().otherEnd()));
		List<Frame> frames = match.frames().stream().map(pair -> {
			int index = match.frames().indexOf(pair);
			String caption = (match.kind() == MatchSource.Kind.IMAGE) ? null
					: texts.plain("similarity.flag.frameAt", time(pair.at()), time(pair.otherAt()));
			return new Frame(index, caption);
		}).toList();
		return new Flag(entryId, match.otherEntryId(), heading, similarity, segment, frames, mayOpen,
				match.sameOwner());
	}

	/** {@code 01:40}, or {@code 1:02:03} from an hour on. */
	static String time(double seconds) {
		long whole = Math.max(0, Math.round(Math.floor(seconds)));
		long hours = whole / 3600;
		long minutes = (whole % 3600) / 60;
		long rest = whole % 60;
		return (hours > 0) ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
				: String.format(Locale.ROOT, "%02d:%02d", minutes, rest);
	}

	/**
	 * One flag.
	 *
	 * @param segment {@code 本作品 00:12–01:40 ≈ 对方 00:09–01:37}, or null
	 * @param frames the side-by-side frames; the other side's only when {@code mayOpen}
	 * @param mayOpen whether the viewer may open the other entry (link, its frames)
	 */
	public record Flag(long entryId, long otherEntryId, String heading, String similarity, String segment,
			List<Frame> frames, boolean mayOpen, boolean sameOwner) {
	}

	/** A pair of frames by its index in the match, with its caption (null for images). */
	public record Frame(int index, String caption) {
	}

	/** The owner's notice: {@code 您在《…》中提交了相同的文件}. */
	public record OwnDuplicate(long otherEntryId, String notice) {
	}

	/** The admin's panel. */
	public record AdminModel(long entryId, List<Flag> flags) {
	}

	/** The owner's panel. */
	public record OwnerModel(long entryId, List<OwnDuplicate> duplicates) {
	}

}
