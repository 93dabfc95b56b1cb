package cn.zhengji.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.files.UploadLeases.Lease;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * R-SUB-2 The tus 1.0.0 protocol's commands (creation, PATCH, termination) on uploads
 * kept in PostgreSQL, so that any node can serve any request of an upload. Only the
 * signed-in uploader sees an upload; for anyone else it does not exist. One PATCH at a
 * time writes to an upload, under a lease ({@link UploadLeases}); the bytes go through
 * {@link PatchWriter}; the rows are {@link UploadRecords}; unfinished uploads expire
 * through {@link UploadExpiry}.
 */
@Service
public class Uploads {

	static final String AUDIT_TARGET = "stored-file";

	private final UploadRecords records;

	private final UploadLeases leases;

	private final PatchWriter writer;

	private final FileStorage storage;

	private final RunningDigests digests;

	private final UploadProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Texts texts;

	/**
	 * Issue 14 item 3: the {@code purpose} an upload's metadata names for a hand-off
	 * package, which an admin may upload up to {@link #packageMaxSize()}.
	 */
	public static final String PACKAGE_PURPOSE = "package";

	private final long packageMaxSize;

	Uploads(UploadRecords records, UploadLeases leases, PatchWriter writer, FileStorage storage, RunningDigests digests,
			UploadProperties properties, Clock clock, AuditLog audit, TransactionTemplate transactions, Texts texts,
			@Value("${zhengji.uploads.package-max-size:64GB}") DataSize packageMaxSize) {
		this.packageMaxSize = packageMaxSize.toBytes();
		this.texts = texts;
		this.records = records;
		this.leases = leases;
		this.writer = writer;
		this.storage = storage;
		this.digests = digests;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** The largest Upload-Length accepted. */
	public long maxSize() {
		return properties.maxSize().toBytes();
	}

	/**
	 * Issue 14 item 3: the largest hand-off package an admin may upload
	 * ({@code zhengji.uploads.package-max-size}, default 64 GB): packages hold a
	 * sub-project's works, often many GB.
	 */
	public long packageMaxSize() {
		return packageMaxSize;
	}

	/**
	 * tus creation: a new, empty upload of {@code length} bytes. The file name comes from
	 * the {@code filename} metadata and is checked here (400 with the specific problem).
	 * An admin's upload whose {@code purpose} metadata is {@link #PACKAGE_PURPOSE} may be
	 * as large as {@link #packageMaxSize()}, any other as {@link #maxSize()}.
	 */
	public Upload create(SignedInUser owner, long length, String metadataHeader) {
		if (length < 0) {
			throw new UploadException(400, "files.length.invalid");
		}
		Map<String, String> metadata = UploadMetadata.parse(metadataHeader);
		long limit = owner.isAdmin() && PACKAGE_PURPOSE.equals(metadata.get("purpose")) ? packageMaxSize : maxSize();
		if (length > limit) {
			throw new UploadException(413, "files.too-large", megabytes(limit));
		}
		String fileName = metadata.get("filename");
		FileNames.problem(fileName).ifPresent(problem -> {
			throw new UploadException(400, problem, FileNames.MAX_LENGTH);
		});
		UUID id = UUID.randomUUID();
		try {
			storage.create(id.toString());
		}
		catch (IOException ex) {
			throw UploadException.storageFailed(ex);
		}
		Instant now = clock.instant();
		records.insert(id, owner.accountId(), owner.organisationPath(), fileName, length, metadataHeader, now,
				now.plus(properties.expireAfter()));
		if (length == 0) {
			// Nothing will ever be PATCHed: complete at once.
			Lease lease = acquire(records.load(id).orElseThrow());
			writer.complete(records.load(id).orElseThrow(), lease, RunningDigests.Sums.fresh());
		}
		return records.load(id).orElseThrow();
	}

	/**
	 * The upload for its owner: 404 if it does not exist or belongs to someone else, 410
	 * if it expired unfinished.
	 */
	public Upload find(SignedInUser owner, UUID id) {
		Upload upload = records.load(id)
			.filter(found -> found.ownerAccountId() == owner.accountId())
			.orElseThrow(() -> new UploadException(404, "files.not-found"));
		if (!upload.completed() && !upload.expiresAt().isAfter(clock.instant())) {
			throw new UploadException(410, "files.expired");
		}
		return upload;
	}

	/**
	 * tus PATCH: appends the body at {@code clientOffset}.
	 * @param contentLength the declared body length, or -1 if not declared
	 * @param checksumHeader Upload-Checksum, or null
	 * @return the upload after the PATCH (offset advanced, completed when all bytes
	 * arrived)
	 */
	public Upload append(SignedInUser owner, UUID id, long clientOffset, long contentLength, String checksumHeader,
			InputStream body) {
		Upload upload = find(owner, id);
		UploadChecksum checksum = UploadChecksum.parse(checksumHeader);
		if (upload.completed()) {
			if (clientOffset != upload.length()) {
				throw new UploadException(409, "files.offset.mismatch", upload.length(), clientOffset);
			}
			if (contentLength > 0) {
				throw new UploadException(413, "files.patch.beyond-length", upload.length());
			}
			return upload;
		}
		if (clientOffset != upload.offset()) {
			throw new UploadException(409, "files.offset.mismatch", upload.offset(), clientOffset);
		}
		if (contentLength >= 0 && clientOffset + contentLength > upload.length()) {
			throw new UploadException(413, "files.patch.beyond-length", upload.length());
		}
		Lease lease = acquire(upload);
		try {
			if (lease.offset() != clientOffset) {
				throw new UploadException(409, "files.offset.mismatch", lease.offset(), clientOffset);
			}
			return writer.write(upload, lease, checksum, body);
		}
		finally {
			lease.releaseIfHeld();
		}
	}

	/**
	 * tus termination: the upload (finished or not) and its bytes are removed. 423 while
	 * a PATCH runs; 409 when another module still refers to the file (a foreign key).
	 */
	public void terminate(SignedInUser owner, UUID id) {
		Upload upload = find(owner, id);
		Lease lease = leases.takeForRemoval(upload.id()).orElseThrow(() -> new UploadException(423, "files.locked"));
		try {
			transactions.executeWithoutResult(status -> {
				String path = records.organisationPath(id);
				records.delete(id);
				audit.recordChange(AuditAction.DELETED, AUDIT_TARGET, id, path,
						texts.text("files.audit.deleted", upload.fileName()),
						Map.of("fileName", upload.fileName(), "size", upload.length()), null);
			});
		}
		catch (DataIntegrityViolationException ex) {
			lease.release(upload.offset());
			throw new UploadException(409, "files.in-use");
		}
		lease.releasedWithRow();
		digests.forget(id);
		deleteBytes(storage, id);
	}

	/** Removes an upload's bytes (after its row is gone or leased for removal). */
	static void deleteBytes(FileStorage storage, UUID id) {
		try {
			storage.delete(id.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The lease for a PATCH, or why there is none: 404 gone, 409 finished meanwhile, 410
	 * expired, 423 another PATCH holds it.
	 */
	private Lease acquire(Upload upload) {
		return leases.takeForWriting(upload.id()).orElseThrow(() -> {
			Upload current = records.load(upload.id()).orElseThrow(() -> new UploadException(404, "files.not-found"));
			if (current.completed()) {
				return new UploadException(409, "files.offset.mismatch", current.length(), upload.offset());
			}
			if (!current.expiresAt().isAfter(clock.instant())) {
				return new UploadException(410, "files.expired");
			}
			return new UploadException(423, "files.locked");
		});
	}

	static long megabytes(long bytes) {
		return bytes / (1024 * 1024);
	}

}
