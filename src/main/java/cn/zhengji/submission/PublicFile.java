package cn.zhengji.submission;

import java.util.UUID;

/**
 * Issue 13: a file of a work as the public showcase needs it: which stored file, in which
 * slot, of what type — not its original name (which often carries the author's name). The
 * nomination photo is never one.
 *
 * @param contentType the media type found in the content by the checks
 */
public record PublicFile(long attachmentId, long entryId, String slotKey, UUID fileId, String contentType) {
}
