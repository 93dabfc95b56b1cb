package cn.zhengji.similarity;

/**
 * Issue 15: a match (a row of similarity_match): {@code sourceId} of {@code entryId} is
 * like {@code otherSourceId} of {@code otherEntryId}. Times in ms; the segment for VIDEO
 * and AUDIO, the frames for VIDEO only.
 */
record Match(long sourceId, long otherSourceId, long entryId, long otherEntryId, SimilarityKind kind, int similarity,
		Long startMs, Long endMs, Long otherStartMs, Long otherEndMs, Long frameMs, Long otherFrameMs) {

	/** The same match seen from the other entry. */
	Match reversed() {
		return new Match(otherSourceId, sourceId, otherEntryId, entryId, kind, similarity, otherStartMs, otherEndMs,
				startMs, endMs, otherFrameMs, frameMs);
	}

}
