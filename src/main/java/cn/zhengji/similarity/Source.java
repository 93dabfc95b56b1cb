package cn.zhengji.similarity;

import java.util.UUID;

/**
 * Issue 15: one thing to fingerprint (a row of similarity_source): a file of an entry, or
 * an entry's typed text ({@code textKey}, kind TEXT, no file).
 *
 * @param kind VIDEO, AUDIO, IMAGE, TEXT, or OTHER (the SHA-256 only)
 */
record Source(long id, long entryId, long campaignId, Long attachmentId, String textKey, UUID fileId,
		String contentType, String kind, String sha256, String state, int attempts) {

	/** The kind of fingerprint a file of this type gets. */
	static String kindOf(String contentType) {
		if (contentType == null) {
			return "OTHER";
		}
		if (contentType.startsWith("video/")) {
			return "VIDEO";
		}
		if (contentType.startsWith("audio/")) {
			return "AUDIO";
		}
		if (contentType.startsWith("image/")) {
			return "IMAGE";
		}
		return "OTHER";
	}

}
