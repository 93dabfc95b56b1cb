package cn.zhengji.files;

import java.time.Instant;
import java.util.UUID;

/**
 * A file whose upload has completed. Its bytes never change after completion.
 *
 * @param fileName the name the uploader gave, already checked by {@link StoredFiles} (no
 * path, no control or direction characters)
 * @param sha256 lower-case hex digest of the stored bytes
 */
public record StoredFile(UUID id, long ownerAccountId, String fileName, long size, String sha256, Instant completedAt) {
}
