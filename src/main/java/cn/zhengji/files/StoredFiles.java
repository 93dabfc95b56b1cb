package cn.zhengji.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.CRC32;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
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

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Texts texts;

	private final Clock clock;

	StoredFiles(UploadRecords records, FileStorage storage, FileIntegrity integrity,
			PlatformTransactionManager transactionManager, AuditLog audit, Texts texts, Clock clock) {
		this.records = records;
		this.storage = storage;
		this.integrity = integrity;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
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
	 * Stores a file derived by the platform from a stored file (issue 12 item 4: the
	 * blind copy of a work, its page images) as a new stored file, completed at once: its
	 * bytes are copied from {@code content} into the file storage (under a new generated
	 * key) and hashed on the way, then the row is written with the source's owner and
	 * organisation, so that the derivative is scoped and backed up like the source. The
	 * source is not touched, and {@code content} may be deleted afterwards.
	 * <p>
	 * Side effects: the bytes in the storage, a {@code stored_file} row and an audit
	 * event CREATED ({@code stored-file}, by the system, under the source's
	 * organisation), in a transaction of its own. Holds no database connection while the
	 * bytes are copied. A failure after the copy deletes the copied bytes.
	 * @param fileName the name recorded with the file; callers pass a neutral one, never
	 * the source's
	 * @throws UncheckedIOException when the content cannot be read or stored
	 */
	public StoredFile storeDerived(StoredFile source, Path content, String fileName) {
		return store(content, fileName, source.ownerAccountId(), () -> records.organisationPath(source.id()),
				"files.audit.derived", source.id().toString());
	}

	/**
	 * Stores a file the platform brings itself (issue 13: the demonstration's works) as a
	 * completed stored file owned by {@code ownerAccountId} under
	 * {@code organisationPath}, exactly as {@link #storeDerived} does otherwise (bytes
	 * copied and hashed first, then the row and the audit event CREATED in a transaction
	 * of their own).
	 * @throws UncheckedIOException when the content cannot be read or stored
	 */
	public StoredFile storeImported(Path content, String fileName, long ownerAccountId, String organisationPath) {
		return store(content, fileName, ownerAccountId, () -> organisationPath, "files.audit.imported", null);
	}

	/**
	 * Issue 14 item 3: stores a file read from a stream (an entry of a hand-off package
	 * the national campaign imports) as
	 * {@link #storeImported(Path, String, long, String)} does: the bytes copied and
	 * hashed, then the row and the audit event CREATED in a transaction of their own. The
	 * stream is read to its end and closed. The caller compares the returned file's size
	 * and SHA-256 with what it expected.
	 * @throws UncheckedIOException when the content cannot be read or stored
	 */
	public StoredFile storeImported(InputStream content, String fileName, long ownerAccountId,
			String organisationPath) {
		return store(() -> content, fileName, ownerAccountId, () -> organisationPath, "files.audit.imported", null);
	}

	private StoredFile store(Path content, String fileName, long ownerAccountId, Supplier<String> organisationPath,
			String auditMessage, String derivedFrom) {
		return store(() -> Files.newInputStream(content), fileName, ownerAccountId, organisationPath, auditMessage,
				derivedFrom);
	}

	private interface Source {

		InputStream open() throws IOException;

	}

	private StoredFile store(Source content, String fileName, long ownerAccountId, Supplier<String> organisationPath,
			String auditMessage, String derivedFrom) {
		UUID id = UUID.randomUUID();
		String key = id.toString();
		long counted = 0;
		String sha256;
		long crc32;
		try {
			MessageDigest digest = RunningDigests.newSha256();
			CRC32 crc = new CRC32();
			storage.create(key);
			try (FileStorage.Appender appender = storage.openForAppend(key, 0); InputStream in = content.open()) {
				byte[] buffer = new byte[128 * 1024];
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					digest.update(buffer, 0, read);
					crc.update(buffer, 0, read);
					appender.write(buffer, 0, read);
					counted += read;
				}
				appender.sync();
			}
			storage.complete(key);
			sha256 = HexFormat.of().formatHex(digest.digest());
			crc32 = crc.getValue();
		}
		catch (IOException ex) {
			deleteQuietly(key);
			throw new UncheckedIOException(ex);
		}
		long length = counted;
		Instant now = clock.instant();
		try {
			transactions.executeWithoutResult(status -> {
				String path = organisationPath.get();
				records.insertCompleted(id, ownerAccountId, path, fileName, length, sha256, crc32, now);
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("fileName", fileName);
				after.put("size", length);
				after.put("sha256", sha256);
				if (derivedFrom != null) {
					after.put("derivedFrom", derivedFrom);
				}
				// Run by a background job or at start: the actor is the system.
				audit.recordChange(AuditAction.CREATED, Uploads.AUDIT_TARGET, id, path,
						texts.text(auditMessage, fileName), null, after);
			});
		}
		catch (RuntimeException ex) {
			deleteQuietly(key);
			throw ex;
		}
		return new StoredFile(id, ownerAccountId, fileName, length, sha256, now);
	}

	private void deleteQuietly(String key) {
		try {
			storage.delete(key);
		}
		catch (IOException ignored) {
			// Bytes without a row are never served; nothing references them.
		}
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
	 * Issue 14 item 6: the CRC-32 ({@link CRC32}, as a ZIP entry carries it) of the
	 * file's bytes, stored with its SHA-256 when the file was stored. A file stored
	 * before that (or whose upload lost its running checksum) has none yet: it is
	 * computed once from the stored bytes, without a database connection (the caller must
	 * not be in a transaction), and recorded for the next time.
	 * @throws IllegalStateException when the CRC-32 must be computed inside a transaction
	 * @throws UncheckedIOException when the bytes cannot be read
	 */
	public long crc32(StoredFile file) {
		Optional<Long> known = records.crc32(file.id());
		if (known.isPresent()) {
			return known.get();
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("The CRC-32 of " + file.id()
					+ " would be computed holding a database connection: ask outside a transaction");
		}
		CRC32 crc = new CRC32();
		byte[] buffer = new byte[256 * 1024];
		try (InputStream in = storage.read(file.id().toString())) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				crc.update(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		records.fillCrc32(file.id(), crc.getValue());
		return crc.getValue();
	}

	/**
	 * The stored bytes of the file, to be served: checked first as every serving path
	 * checks them (issue 11 item 9: changed bytes are never served silently).
	 * @throws StoredFileCorruptedException the stored bytes no longer match the file's
	 * SHA-256 (reported once to the security administrators)
	 */
	public Resource servable(StoredFile file) {
		if (integrity.flagged(file.id()) || file.size() <= VERIFIED_WHEN_SERVED_UP_TO && !integrity.verify(file)) {
			throw new StoredFileCorruptedException(file.id());
		}
		try {
			return storage.resource(file.id().toString());
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
		return response(file, contentType, inline, file.fileName());
	}

	/**
	 * The same, naming the file {@code servedName} in {@code Content-Disposition} instead
	 * of its stored name (issue 12 item 4: a blind copy is served as
	 * {@code work-<id>.mp4}, never under the submitter's file name).
	 */
	public ResponseEntity<Resource> response(StoredFile file, MediaType contentType, boolean inline,
			String servedName) {
		Resource resource = servable(file);
		String etag = "\"" + file.sha256() + "\"";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(contentType);
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(inline, servedName));
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
	public static String contentDisposition(boolean inline, String fileName) {
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
