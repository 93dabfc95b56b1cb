package cn.zhengji.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-SUB-2 The tus 1.0.0 protocol's state changes (creation, PATCH, termination, expiry) on uploads
 * kept in PostgreSQL, so that any node can serve any request of an upload.
 *
 * <p>One PATCH at a time writes to an upload: it takes a lease on the row with one conditional
 * UPDATE and holds no database connection while the bytes stream in. The lease is refreshed as
 * bytes arrive; a PATCH that finds the lease taken gets 423. A writer stops before its lease could
 * have expired, so a second writer never writes to the same file at the same time. The offset in
 * the database only ever counts bytes forced to disk; it is recorded every
 * {@code zhengji.uploads.sync-every} bytes during a long PATCH, so a crash or a cut connection loses
 * at most that much. Only the signed-in uploader sees an upload; for anyone else it does not exist.
 */
@Service
public class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	static final String AUDIT_TARGET = "stored-file";

	/** A writer stops this long before its lease ends (clock differences between nodes). */
	private static final long LEASE_SAFETY_MILLIS = 5_000;

	private final JdbcClient jdbc;

	private final FileStorage storage;

	private final UploadProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final RunningDigests digests = new RunningDigests();

	/** Forces of long PATCHes (mostly waiting for the disk): a virtual thread each. */
	private final Executor forcer = Executors.newVirtualThreadPerTaskExecutor();

	Uploads(JdbcClient jdbc, FileStorage storage, UploadProperties properties, Clock clock, AuditLog audit,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.storage = storage;
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
	 * tus creation: a new, empty upload of {@code length} bytes. The file name comes from the
	 * {@code filename} metadata and is checked here (400 with the specific problem).
	 */
	public Upload create(SignedInUser owner, long length, String metadataHeader) {
		if (length < 0) {
			throw new UploadException(400, "files.length.invalid");
		}
		if (length > maxSize()) {
			throw new UploadException(413, "files.too-large", megabytes(maxSize()));
		}
		Map<String, String> metadata = UploadMetadata.parse(metadataHeader);
		String fileName = metadata.get("filename");
		FileNames.problem(fileName).ifPresent(problem -> {
			throw new UploadException(400, problem, FileNames.MAX_LENGTH);
		});
		UUID id = UUID.randomUUID();
		String key = id.toString();
		try {
			storage.create(key);
		}
		catch (IOException ex) {
			throw storageFailed(ex);
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into stored_file (id, owner_account_id, organisation_path, file_name, storage_key, upload_length,
				    upload_metadata, created_at, expires_at)
				values (:id, :owner, :path, :name, :key, :length, :metadata, :now, :expires)
				""")
			.param("id", id)
			.param("owner", owner.accountId())
			.param("path", owner.organisationPath())
			.param("name", fileName)
			.param("key", key)
			.param("length", length)
			.param("metadata", metadataHeader)
			.param("now", utc(now))
			.param("expires", utc(now.plus(properties.expireAfter())))
			.update();
		if (length == 0) {
			// Nothing will ever be PATCHed: complete at once.
			Lease lease = acquire(load(id).orElseThrow());
			complete(load(id).orElseThrow(), lease, RunningDigests.newSha256());
		}
		return load(id).orElseThrow();
	}

	/**
	 * The upload for its owner: 404 if it does not exist or belongs to someone else, 410 if it
	 * expired unfinished.
	 */
	public Upload find(SignedInUser owner, UUID id) {
		Upload upload = load(id).filter(found -> found.ownerAccountId() == owner.accountId())
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
	 * @return the upload after the PATCH (offset advanced, completed when all bytes arrived)
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
			if (lease.offset != clientOffset) {
				throw new UploadException(409, "files.offset.mismatch", lease.offset, clientOffset);
			}
			return stream(upload, lease, checksum, body);
		}
		finally {
			lease.releaseIfHeld();
		}
	}

	private Upload stream(Upload upload, Lease lease, UploadChecksum checksum, InputStream body) {
		UUID id = upload.id();
		long start = lease.offset;
		MessageDigest sha256 = digests.take(id, start);
		MessageDigest sha256AtStart = checksum != null ? copy(sha256) : null;
		long syncEvery = properties.syncEvery().toBytes();
		byte[] buffer = new byte[(int) properties.bufferSize().toBytes()];
		long recorded = start;
		long position = start;
		boolean cut = false;
		boolean beyondLength = false;
		BodyReader reader = new BodyReader(body);
		CompletableFuture<Long> forcing = null;
		long forced = start;
		try (FileStorage.Appender out = storage.openForAppend(id.toString(), start)) {
			try {
				while (true) {
					int read = reader.fill(buffer);
					if (read < 0) {
						cut = reader.cut;
						break;
					}
					if (position + read > upload.length()) {
						beyondLength = true;
						break;
					}
					lease.keepAlive();
					out.write(buffer, 0, read);
					position += read;
					if (sha256 != null) {
						sha256.update(buffer, 0, read);
					}
					if (checksum != null) {
						checksum.update(buffer, 0, read);
					}
					else if (position - forced >= syncEvery && (forcing == null || forcing.isDone())) {
						// Forced and recorded on another thread, so that the next bytes keep arriving
						// meanwhile; at most one force at a time.
						if (forcing != null) {
							recorded = awaitForce(forcing);
						}
						forcing = forceAndRecord(out, lease, position);
						forced = position;
					}
				}
				if (checksum != null && (cut || beyondLength || !checksum.matches())) {
					// The checksum covers the whole PATCH: none of it is kept.
					out.truncate(start);
					digests.keep(id, sha256AtStart, start);
					lease.release(start);
					if (beyondLength) {
						throw new UploadException(413, "files.patch.beyond-length", upload.length());
					}
					if (!cut) {
						throw new UploadException(460, "files.checksum.mismatch");
					}
					return load(id).orElseThrow();
				}
				if (forcing != null) {
					recorded = awaitForce(forcing);
				}
				if (position > recorded) {
					out.sync();
				}
			}
			catch (IOException ex) {
				digests.forget(id);
				if (forcing != null) {
					forcing.handle((done, failure) -> null).join();
				}
				lease.release(recorded);
				throw storageFailed(ex);
			}
		}
		catch (IOException ex) {
			digests.forget(id);
			throw storageFailed(ex);
		}
		catch (LeaseLostException ex) {
			// Someone else holds the upload now; what this PATCH wrote past the recorded offset is cut off by them.
			digests.forget(id);
			throw new UploadException(423, "files.locked");
		}
		if (position == upload.length()) {
			return complete(upload, lease, sha256);
		}
		digests.keep(id, sha256, position);
		lease.release(position);
		if (beyondLength) {
			throw new UploadException(413, "files.patch.beyond-length", upload.length());
		}
		return load(id).orElseThrow();
	}

	/** Forces what was written up to {@code position} to disk, then records it as the offset. */
	private CompletableFuture<Long> forceAndRecord(FileStorage.Appender out, Lease lease, long position) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				out.sync();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			lease.record(position);
			return position;
		}, forcer);
	}

	/** The offset a background force recorded; its failure as if it had happened here. */
	private static long awaitForce(CompletableFuture<Long> forcing) throws IOException {
		try {
			return forcing.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	/**
	 * Reads the body in whole buffers: the servlet container hands out a few KiB per read, and
	 * writing (and hashing) whole buffers saves most system calls. A connection that breaks is the
	 * end of the body, after the bytes that did arrive.
	 */
	private static final class BodyReader {

		private final InputStream body;

		boolean cut;

		BodyReader(InputStream body) {
			this.body = body;
		}

		/** @return the bytes read into the buffer, or -1 when nothing more came */
		int fill(byte[] buffer) {
			int filled = 0;
			while (filled < buffer.length && !cut) {
				int read;
				try {
					read = body.read(buffer, filled, buffer.length - filled);
				}
				catch (IOException ex) {
					// The client went away (or the proxy cut it): keep what arrived.
					cut = true;
					break;
				}
				if (read < 0) {
					break;
				}
				filled += read;
			}
			return filled == 0 ? -1 : filled;
		}
	}

	private Upload complete(Upload upload, Lease lease, MessageDigest sha256) {
		UUID id = upload.id();
		digests.forget(id);
		String hex;
		try {
			hex = sha256 != null ? HexFormat.of().formatHex(sha256.digest()) : hashStored(id.toString());
			storage.complete(id.toString());
		}
		catch (IOException ex) {
			lease.release(upload.length());
			throw storageFailed(ex);
		}
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			int updated = jdbc.sql("""
					update stored_file set completed_at = :now, sha256 = :sha256, upload_offset = upload_length,
					    lease_token = null, lease_until = null
					where id = :id and lease_token = :token
					""")
				.param("now", utc(now))
				.param("sha256", hex)
				.param("id", id)
				.param("token", lease.token)
				.update();
			if (updated != 1) {
				throw new UploadException(423, "files.locked");
			}
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("fileName", upload.fileName());
			after.put("size", upload.length());
			after.put("sha256", hex);
			audit.recordChange(AuditAction.CREATED, AUDIT_TARGET, id, organisationPath(id),
					"上传文件：" + upload.fileName(), null, after);
		});
		lease.held = false;
		return load(id).orElseThrow();
	}

	private String hashStored(String key) throws IOException {
		MessageDigest digest = RunningDigests.newSha256();
		byte[] buffer = new byte[(int) properties.bufferSize().toBytes()];
		try (InputStream in = storage.read(key)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * tus termination: the upload (finished or not) and its bytes are removed. 423 while a PATCH
	 * runs; 409 when another module still refers to the file (a foreign key).
	 */
	public void terminate(SignedInUser owner, UUID id) {
		Upload upload = find(owner, id);
		Lease lease = acquireForRemoval(upload.id()).orElseThrow(() -> new UploadException(423, "files.locked"));
		try {
			transactions.executeWithoutResult(status -> {
				String path = organisationPath(id);
				jdbc.sql("delete from stored_file where id = :id").param("id", id).update();
				audit.recordChange(AuditAction.DELETED, AUDIT_TARGET, id, path, "删除上传的文件：" + upload.fileName(),
						Map.of("fileName", upload.fileName(), "size", upload.length()), null);
			});
		}
		catch (DataIntegrityViolationException ex) {
			lease.release(upload.offset());
			throw new UploadException(409, "files.in-use");
		}
		lease.held = false;
		digests.forget(id);
		deleteBytes(id);
	}

	/**
	 * The expiry job: removes the bytes, then the rows, of unfinished uploads whose time ran out and
	 * that no PATCH holds. Removing the bytes first means a crash in between leaves a row that the
	 * next run removes, never bytes nobody knows of.
	 * @return how many uploads were removed
	 */
	public int removeExpired() {
		Instant now = clock.instant();
		List<UUID> expired = jdbc.sql("""
				select id from stored_file
				where completed_at is null and expires_at <= :now and (lease_until is null or lease_until < :now)
				order by expires_at limit 1000
				""")
			.param("now", utc(now))
			.query(UUID.class)
			.list();
		int removed = 0;
		for (UUID id : expired) {
			Optional<Lease> lease = acquireForRemoval(id);
			if (lease.isEmpty()) {
				continue;
			}
			digests.forget(id);
			deleteBytes(id);
			transactions.executeWithoutResult(status -> {
				String path = organisationPath(id);
				int deleted = jdbc.sql("delete from stored_file where id = :id and lease_token = :token")
					.param("id", id)
					.param("token", lease.get().token)
					.update();
				if (deleted == 1) {
					audit.recordFor(null, "系统", AuditAction.DELETED, AUDIT_TARGET, id, path, "未完成的上传已过期，已删除");
				}
			});
			removed++;
		}
		if (removed > 0) {
			log.info("Removed {} expired unfinished uploads", removed);
		}
		return removed;
	}

	private void deleteBytes(UUID id) {
		try {
			storage.delete(id.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Optional<Upload> load(UUID id) {
		return jdbc.sql("""
				select id, owner_account_id, file_name, upload_length, upload_offset, upload_metadata, created_at,
				    expires_at, completed_at, sha256
				from stored_file where id = :id
				""").param("id", id).query(Uploads::map).optional();
	}

	private String organisationPath(UUID id) {
		return jdbc.sql("select organisation_path from stored_file where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	static Upload map(ResultSet row, int number) throws SQLException {
		OffsetDateTime completed = row.getObject("completed_at", OffsetDateTime.class);
		return new Upload(row.getObject("id", UUID.class), row.getLong("owner_account_id"), row.getString("file_name"),
				row.getLong("upload_length"), row.getLong("upload_offset"), row.getString("upload_metadata"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("expires_at", OffsetDateTime.class).toInstant(),
				completed == null ? null : completed.toInstant(), row.getString("sha256"));
	}

	// --- The lease ---------------------------------------------------------------------------------

	private Lease acquire(Upload upload) {
		Instant now = clock.instant();
		UUID token = UUID.randomUUID();
		Instant until = now.plus(properties.lease());
		Optional<Long> offset = jdbc.sql("""
				update stored_file set lease_token = :token, lease_until = :until
				where id = :id and completed_at is null and expires_at > :now
				  and (lease_until is null or lease_until < :now)
				returning upload_offset
				""")
			.param("token", token)
			.param("until", utc(until))
			.param("id", upload.id())
			.param("now", utc(now))
			.query(Long.class)
			.optional();
		if (offset.isEmpty()) {
			Upload current = load(upload.id()).orElseThrow(() -> new UploadException(404, "files.not-found"));
			if (current.completed()) {
				throw new UploadException(409, "files.offset.mismatch", current.length(), upload.offset());
			}
			if (!current.expiresAt().isAfter(now)) {
				throw new UploadException(410, "files.expired");
			}
			throw new UploadException(423, "files.locked");
		}
		return new Lease(upload.id(), token, until, offset.get());
	}

	/** A lease on any upload, finished or not, for removing it. */
	private Optional<Lease> acquireForRemoval(UUID id) {
		Instant now = clock.instant();
		UUID token = UUID.randomUUID();
		Instant until = now.plus(properties.lease());
		return jdbc.sql("""
				update stored_file set lease_token = :token, lease_until = :until
				where id = :id and (lease_until is null or lease_until < :now)
				returning upload_offset
				""")
			.param("token", token)
			.param("until", utc(until))
			.param("id", id)
			.param("now", utc(now))
			.query(Long.class)
			.optional()
			.map(offset -> new Lease(id, token, until, offset));
	}

	/** Thrown when a writer finds that its lease ended; it stops writing at once. */
	private static final class LeaseLostException extends RuntimeException {

		LeaseLostException() {
			super(null, null, false, false);
		}
	}

	/** One PATCH's hold on an upload row. */
	private final class Lease {

		final UUID id;

		final UUID token;

		final long offset;

		// Written by the PATCH's thread and by its background force.
		volatile long untilMillis;

		volatile boolean held = true;

		Lease(UUID id, UUID token, Instant until, long offset) {
			this.id = id;
			this.token = token;
			this.untilMillis = until.toEpochMilli() - LEASE_SAFETY_MILLIS;
			this.offset = offset;
		}

		/**
		 * Called before every write: refreshes the lease when half of it has passed. Past its end
		 * (minus a safety margin) nothing may be written unless the refresh shows nobody took it.
		 */
		void keepAlive() {
			long now = clock.millis();
			if (now < untilMillis - properties.lease().toMillis() / 2) {
				return;
			}
			Instant until = Instant.ofEpochMilli(now).plus(properties.lease());
			int updated = jdbc.sql("update stored_file set lease_until = :until where id = :id and lease_token = :token")
				.param("until", utc(until))
				.param("id", id)
				.param("token", token)
				.update();
			if (updated != 1) {
				held = false;
				throw new LeaseLostException();
			}
			untilMillis = until.toEpochMilli() - LEASE_SAFETY_MILLIS;
		}

		/** Records durable progress (bytes already forced to disk) and extends lease and expiry. */
		void record(long newOffset) {
			Instant now = clock.instant();
			Instant until = now.plus(properties.lease());
			int updated = jdbc.sql("""
					update stored_file set upload_offset = :offset, lease_until = :until, expires_at = :expires
					where id = :id and lease_token = :token
					""")
				.param("offset", newOffset)
				.param("until", utc(until))
				.param("expires", utc(now.plus(properties.expireAfter())))
				.param("id", id)
				.param("token", token)
				.update();
			if (updated != 1) {
				held = false;
				throw new LeaseLostException();
			}
			untilMillis = until.toEpochMilli() - LEASE_SAFETY_MILLIS;
		}

		void release(long newOffset) {
			if (!held) {
				return;
			}
			held = false;
			Instant now = clock.instant();
			jdbc.sql("""
					update stored_file set upload_offset = :offset, lease_token = null, lease_until = null,
					    expires_at = :expires
					where id = :id and lease_token = :token
					""")
				.param("offset", newOffset)
				.param("expires", utc(now.plus(properties.expireAfter())))
				.param("id", id)
				.param("token", token)
				.update();
		}

		/** On every way out: a lease still held is given back without recording anything new. */
		void releaseIfHeld() {
			if (!held) {
				return;
			}
			held = false;
			jdbc.sql("update stored_file set lease_token = null, lease_until = null where id = :id and lease_token = :token")
				.param("id", id)
				.param("token", token)
				.update();
		}
	}

	// --- Helpers -------------------------------------------------------------------------------------

	private static MessageDigest copy(MessageDigest digest) {
		if (digest == null) {
			return null;
		}
		try {
			return (MessageDigest) digest.clone();
		}
		catch (CloneNotSupportedException ex) {
			return null;
		}
	}

	private static UploadException storageFailed(IOException ex) {
		log.error("File storage failed", ex);
		return new UploadException(500, "files.storage-failed");
	}

	static long megabytes(long bytes) {
		return bytes / (1024 * 1024);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
