package cn.zhengji.similarity.web;

import java.util.List;
import java.util.Optional;

/**
 * What the flags on the entry pages read from the similarity core: the stored matches of
 * one entry and the frames shown side by side. The one seam between the pages of issue 15
 * item 2 and the fingerprints of item 1 ({@code similarity.SimilarWorks}).
 */
interface MatchSource {

	/** The other entries the entry matches, most similar first. */
	List<Match> matchesOf(long entryId);

	/**
	 * A JPEG of the entry's matched file at the given second (video), or its image (image
	 * matches); empty when there is none.
	 */
	Optional<byte[]> frame(long entryId, long otherEntryId, double atSeconds);

	/** What a match is about. */
	enum Kind {

		/** The same bytes (SHA-256). */
		EXACT,
		/** Frames of a video. */
		VIDEO,
		/** An audio fingerprint. */
		AUDIO,
		/** An image's perceptual hash. */
		IMAGE,
		/** The typed texts. */
		TEXT

	}

	/**
	 * One match as the pages show it. Nothing about the other side's submitter but
	 * whether it is the same owner.
	 *
	 * @param unitName the other entry's city-level unit (福州市), never the person
	 * @param award the other entry's award, or null
	 * @param percent the similarity, 0–100
	 * @param segment the matching time ranges (video, audio), or null
	 * @param frames the seconds of the frames shown side by side (video), or one pair of
	 * zeros (image); empty for audio and text
	 * @param sameOwner whether the same person (or organisation) sent both entries
	 */
	record Match(long otherEntryId, String title, int year, String campaignName, String categoryName, String unitName,
			String award, Kind kind, int percent, Segment segment, List<FramePair> frames, boolean sameOwner) {
	}

	/** The matching time ranges on both sides, in seconds. */
	record Segment(double start, double end, double otherStart, double otherEnd) {
	}

	/** A frame of this entry and the matching frame of the other, in seconds. */
	record FramePair(double at, double otherAt) {
	}

}
