package cn.zhengji.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.files.UploadLeases.Lease;
import cn.zhengji.files.UploadLeases.LeaseLostException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one PATCH's body under its lease: through one fixed buffer (memory does not grow
 * with the file), forcing to disk and recording the offset every
 * {@code zhengji.uploads.sync-every} bytes on a virtual thread while the next bytes
 * arrive, and all-or-nothing when the PATCH carries a checksum. Completes the upload
 * (SHA-256, audit) when its last byte arrives.
 */
@Component
class PatchWriter {

	private final FileStorage storage;

	private final UploadRecords records;

	private final RunningDigests digests;

	private final UploadProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	/** Forces of long PATCHes (mostly waiting for the disk): a virtual thread each. */
	private final Executor forcer = Executors.newVirtualThreadPerTaskExecutor();

	private final Texts texts;

	PatchWriter(FileStorage storage, UploadRecords records, RunningDigests digests, UploadProperties properties,
			Clock clock, AuditLog audit, TransactionTemplate transactions, Texts texts) {
		this.texts = texts;
		this.storage = storage;
		this.records = records;
		this.digests = digests;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Appends the body at the lease's offset.
	 * @param checksum the PATCH's Upload-Checksum, or null
	 * @return the upload after the PATCH (offset advanced, completed when all bytes
	 * arrived)
	 */
	Upload write(Upload upload, Lease lease, UploadChecksum checksum, InputStream body) {
		UUID id = upload.id();
		long start = lease.offset();
		RunningDigests.Sums sums = digests.take(id, start);
		RunningDigests.Sums sumsAtStart = checksum != null && sums != null ? sums.copyWithoutCrc() : null;
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
					if (sums != null) {
						sums.update(buffer, 0, read);
					}
					if (checksum != null) {
						checksum.update(buffer, 0, read);
					}
					else if (position - forced >= syncEvery && (forcing == null || forcing.isDone())) {
						// Forced and recorded on another thread, so that the next bytes
						// keep arriving
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
					digests.keep(id, sumsAtStart, start);
					lease.release(start);
					if (beyondLength) {
						throw new UploadException(413, "files.patch.beyond-length", upload.length());
					}
					if (!cut) {
						throw new UploadException(460, "files.checksum.mismatch");
					}
					return records.load(id).orElseThrow();
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
				throw UploadException.storageFailed(ex);
			}
		}
		catch (IOException ex) {
			digests.forget(id);
			throw UploadException.storageFailed(ex);
		}
		catch (LeaseLostException ex) {
			// Someone else holds the upload now; what this PATCH wrote past the recorded
			// offset is cut off by them.
			digests.forget(id);
			throw new UploadException(423, "files.locked");
		}
		if (position == upload.length()) {
			return complete(upload, lease, sums);
		}
		digests.keep(id, sums, position);
		lease.release(position);
		if (beyondLength) {
			throw new UploadException(413, "files.patch.beyond-length", upload.length());
		}
		return records.load(id).orElseThrow();
	}

	/**
	 * Forces what was written up to {@code position} to disk, then records it as the
	 * offset.
	 */
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
	 * Reads the body in whole buffers: the servlet container hands out a few KiB per
	 * read, and writing (and hashing) whole buffers saves most system calls. A connection
	 * that breaks is the end of the body, after the bytes that did arrive.
	 */
	private static final class BodyReader {

		private final InputStream body;

		boolean cut;

		BodyReader(InputStream body) {
			this.body = body;
		}

		/**
		 * @return the bytes read into the buffer, or -1 when nothing more came
		 */
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

	/**
	 * All bytes are there: the SHA-256 and the CRC-32 (the running ones, or read back
	 * from storage when this node does not have them; a CRC-32 lost to a rolled-back
	 * PATCH is left null for {@link StoredFiles#crc32}), the storage told, the row marked
	 * complete and the lease given back with it.
	 */
	Upload complete(Upload upload, Lease lease, RunningDigests.Sums running) {
		UUID id = upload.id();
		digests.forget(id);
		String hex;
		Long crc32;
		try {
			RunningDigests.Sums sums = running != null ? running : hashStored(id.toString());
			hex = sums.sha256Hex();
			crc32 = sums.crc32();
			storage.complete(id.toString());
		}
		catch (IOException ex) {
			lease.release(upload.length());
			throw UploadException.storageFailed(ex);
		}
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			if (!records.complete(id, lease.token(), hex, crc32, now)) {
				throw new UploadException(423, "files.locked");
			}
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("fileName", upload.fileName());
			after.put("size", upload.length());
			after.put("sha256", hex);
			audit.recordChange(AuditAction.CREATED, Uploads.AUDIT_TARGET, id, records.organisationPath(id),
					texts.text("files.audit.uploaded", upload.fileName()), null, after);
		});
		lease.releasedWithRow();
		return records.load(id).orElseThrow();
	}

	private RunningDigests.Sums hashStored(String key) throws IOException {
		RunningDigests.Sums sums = RunningDigests.Sums.fresh();
		byte[] buffer = new byte[(int) properties.bufferSize().toBytes()];
		try (InputStream in = storage.read(key)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				sums.update(buffer, 0, read);
			}
		}
		return sums;
	}

}
