package cn.zhengji.files;

import java.util.UUID;

import cn.zhengji.infrastructure.web.ContentUnavailable;

/**
 * A stored file that no longer matches its SHA-256 is not served (issue 11 item 9).
 */
public class StoredFileCorruptedException extends ContentUnavailable {

	public StoredFileCorruptedException(UUID id) {
		super("stored file " + id + " is corrupted", "files.corrupted");
	}

}
