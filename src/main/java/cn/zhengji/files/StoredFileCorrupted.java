package cn.zhengji.files;

import java.util.UUID;

/**
 * Published once when a stored file's bytes are found to differ from their SHA-256 (issue
 * 11 item 9), inside the transaction that flags it.
 */
public record StoredFileCorrupted(UUID fileId, String fileName, long ownerAccountId) {
}
