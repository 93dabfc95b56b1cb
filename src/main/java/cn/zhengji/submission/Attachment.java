package cn.zhengji.submission;

import java.time.Instant;
import java.util.UUID;

import cn.zhengji.media.Inspection;

/**
 * A stored file in a slot of an entry, with the result of its checks (R-SUB-3).
 *
 * @param section the section of the category's text (e.g. a dimension 保障) the file
 * belongs to, or null
 * @param contentType the media type found in the content, used to serve the file
 */
public record Attachment(long id, long entryId, String slotKey, String section, UUID fileId, String fileName, long size,
		String sha256, String contentType, Inspection inspection, Instant attachedAt) {

	public boolean blocksSubmission() {
		return inspection.blocksSubmission();
	}

	/** Audio, video and images are shown in the browser; documents are downloaded. */
	public boolean inline() {
		return contentType.startsWith("video/") || contentType.startsWith("audio/") || contentType.equals("image/png")
				|| contentType.equals("image/jpeg");
	}
}
