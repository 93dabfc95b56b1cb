package cn.zhengji.files;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload as tus sees it: finished ({@link #completedAt} set) or not.
 *
 * @param metadata the Upload-Metadata header as the client sent it
 */
public record Upload(UUID id, long ownerAccountId, String fileName, long length, long offset, String metadata,
		Instant createdAt, Instant expiresAt, Instant completedAt, String sha256) {

	public boolean completed() {
		return completedAt != null;
	}

	StoredFile toStoredFile() {
		return new StoredFile(id, ownerAccountId, fileName, length, sha256, completedAt);
	}
}
