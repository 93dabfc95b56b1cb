package cn.zhengji.submission;

import java.util.UUID;

/**
 * Issue 12 item 4: a file of an entry as the blind review needs it — which stored file,
 * in which slot, of what type — and nothing of who uploaded it or under which name.
 *
 * @param slotLabel the slot's label in the category's rules (e.g. 作品视频)
 * @param contentType the media type found in the content by the checks
 */
public record ReviewFile(long attachmentId, long entryId, String slotKey, String slotLabel, UUID fileId,
		String contentType) {
}
