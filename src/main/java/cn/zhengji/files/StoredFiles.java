package cn.zhengji.files;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The files other modules use. Callers decide who may read a file; this class does not check it.
 */
@Service
public class StoredFiles {

	/** A completed upload, whoever owns it; empty while the upload is unfinished or unknown. */
	public Optional<StoredFile> findCompleted(UUID id) {
		throw new UnsupportedOperationException("issue 3: files module being built");
	}

	/**
	 * A local file holding the content, for readers that need random access (media checks). For a
	 * remote storage this is a cached local copy.
	 */
	public Path localPath(StoredFile file) {
		throw new UnsupportedOperationException("issue 3: files module being built");
	}

	/**
	 * The file as an HTTP response: range requests, the given (server-determined) content type,
	 * {@code X-Content-Type-Options: nosniff} and an RFC 6266 {@code Content-Disposition} with the
	 * file's name.
	 * @param inline true to let the browser show it (audio, video, images), false to download
	 */
	public ResponseEntity<Resource> response(StoredFile file, MediaType contentType, boolean inline) {
		throw new UnsupportedOperationException("issue 3: files module being built");
	}
}
