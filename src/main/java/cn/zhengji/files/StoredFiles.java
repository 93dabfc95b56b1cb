package cn.zhengji.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The files other modules use. Callers decide who may read a file; this class does not
 * check it.
 */
@Service
public class StoredFiles {

	private final UploadRecords records;

	private final FileStorage storage;

	private final FileIntegrity integrity;

	StoredFiles(UploadRecords records, FileStorage storage, FileIntegrity integrity) {
		this.records = records;
		this.storage = storage;
		this.integrity = integrity;
	}

	/**
	 * Files up to this size are re-hashed each time they are served (a few tens of
	 * milliseconds); larger ones (videos, served in ranges) are left to the scrub.
	 */
	static final long VERIFIED_WHEN_SERVED_UP_TO = 16L * 1024 * 1024;

	/**
	 * A completed upload, whoever owns it; empty while the upload is unfinished or
	 * unknown.
	 */
	public Optional<StoredFile> findCompleted(UUID id) {
		return records.load(id).filter(Upload::completed).map(Upload::toStoredFile);
	}

	/**
	 * A completed upload of this account (for attaching one's own upload to something);
	 * empty otherwise.
	 */
	public Optional<StoredFile> findCompletedOwnedBy(UUID id, long accountId) {
		return findCompleted(id).filter(file -> file.ownerAccountId() == accountId);
	}

	/**
	 * A local file holding the content, for readers that need random access (media
	 * checks). For a remote storage this is a cached local copy.
	 */
	public Path localPath(StoredFile file) {
		try {
			return storage.localPath(file.id().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The file as an HTTP response: range requests, the given (server-determined) content
	 * type, {@code X-Content-Type-Options: nosniff} and an RFC 6266
	 * {@code Content-Disposition} with the file's name.
	 * @param inline true to let the browser show it (audio, video, images), false to
	 * download
	 * @throws StoredFileCorruptedException the stored bytes no longer match the file's
	 * SHA-256 (reported once to the security administrators)
	 */
	public ResponseEntity<Resource> response(StoredFile file, MediaType contentType, boolean inline) {
		// issue 11 item 9: changed bytes are never served silently
		if (integrity.flagged(file.id()) || file.size() <= VERIFIED_WHEN_SERVED_UP_TO && !integrity.verify(file)) {
			throw new StoredFileCorruptedException(file.id());
		}
		Resource resource;
		try {
			resource = storage.resource(file.id().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String etag = "\"" + file.sha256() + "\"";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(contentType);
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(inline, file.fileName()));
		headers.setETag(etag);
		headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
		headers.setCacheControl(CacheControl.noCache().cachePrivate());
		// Spring MVC answers Range requests for a Resource body (206 with the exact
		// bytes, 416 when
		// unsatisfiable) but knows nothing of If-Range: when it names another version,
		// the whole
		// file is sent, as a body type whose ranges Spring leaves alone.
		if (ifRangeNamesAnotherVersion(etag)) {
			headers.setContentLength(file.size());
			try {
				return ResponseEntity.ok().headers(headers).body(new InputStreamResource(resource.getInputStream()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return ResponseEntity.ok().headers(headers).body(resource);
	}

	private static boolean ifRangeNamesAnotherVersion(String etag) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		HttpServletRequest request = attributes.getRequest();
		String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
		return ifRange != null && request.getHeader(HttpHeaders.RANGE) != null && !ifRange.trim().equals(etag);
	}

	/**
	 * RFC 6266: {@code filename*} with the UTF-8 name (RFC 8187 percent-encoding) and,
	 * for old clients, {@code filename} with an ASCII stand-in.
	 */
	static String contentDisposition(boolean inline, String fileName) {
		StringBuilder ascii = new StringBuilder();
		fileName.codePoints()
			.forEach(c -> ascii
				.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? Character.toString(c) : "_"));
		StringBuilder encoded = new StringBuilder();
		for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

}
