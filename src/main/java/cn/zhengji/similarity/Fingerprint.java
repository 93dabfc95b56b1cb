package cn.zhengji.similarity;

import java.util.List;

/**
 * Issue 15: the fingerprint of one source: 64-bit hashes, each at a position (the frame's
 * time in ms for video and audio, the crop variant for an image, the slot for a text),
 * and the media's duration (0 when it has none).
 */
record Fingerprint(SimilarityKind kind, long durationMs, List<Hash> hashes) {

	/** A 64-bit hash at a position. */
	record Hash(long atMs, long value) {
	}

	static Fingerprint none(SimilarityKind kind) {
		return new Fingerprint(kind, 0, List.of());
	}

}
