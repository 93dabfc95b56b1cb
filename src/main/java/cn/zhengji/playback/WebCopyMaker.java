package cn.zhengji.playback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13 item 3: makes the web copy of one attachment, the work of the task
 * {@code make-web-copy}. Public only so that tests can run it at once.
 * <p>
 * Holds no database connection and no row lock while FFmpeg decodes and encodes: it takes
 * the row in one statement (RUNNING, an attempt more), works on local files under
 * {@code ${zhengji.data-dir}/tmp/playback}, writes the progress now and then in one short
 * statement each, stores the copy and the poster through {@link StoredFiles#storeDerived}
 * and writes the outcome in one short transaction. The original is only read.
 */
@Component
public class WebCopyMaker {

	/**
	 * Input/output failures are retried by db-scheduler (1, 2, 4 min) up to this many.
	 */
	static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(WebCopyMaker.class);

	private final WebCopyRecords records;

	private final StoredFiles storedFiles;

	// Made at the first copy: loading FFmpeg's natives costs start-up time otherwise.
	private volatile Transcoder transcoder;

	private final AuditLog audit;

	private final Texts texts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Path workRoot;

	WebCopyMaker(WebCopyRecords records, StoredFiles storedFiles, AuditLog audit, Texts texts,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${zhengji.data-dir:./data}") Path dataDir) {
		this.records = records;
		this.storedFiles = storedFiles;
		this.audit = audit;
		this.texts = texts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.workRoot = dataDir.resolve("tmp").resolve("playback");
	}

	/**
	 * Makes the web copy of the attachment if it is QUEUED (or RUNNING, left by a node
	 * that died); nothing otherwise.
	 * <p>
	 * Side effects: the attempt counted and the progress written on the row; the copy and
	 * for a video its poster stored as new stored files (each audited by {@code files});
	 * the row READY with them, or FAILED with the reason when the file cannot be read or
	 * input/output failed {@link #MAX_ATTEMPTS} times, or QUEUED again with the reason
	 * before a retry; one audit event UPDATED on {@code web_copy} by the system for READY
	 * and FAILED.
	 * @throws IllegalStateException on an input/output failure before the last attempt,
	 * so that db-scheduler runs the task again later
	 */
	public void make(long attachmentId) {
		Optional<WebCopy> found = records.find(attachmentId);
		if (found.isEmpty()) {
			return;
		}
		WebCopy row = found.get();
		Optional<Integer> started = records.start(attachmentId, clock.instant());
		if (started.isEmpty()) {
			return;
		}
		int attempt = started.get();
		Path work = null;
		try {
			Files.createDirectories(workRoot);
			work = Files.createTempDirectory(workRoot, "copy-" + attachmentId + "-");
			StoredFile source = storedFiles.findCompleted(row.sourceFileId())
				.orElseThrow(() -> new TranscodeException(TranscodeException.Reason.UNREADABLE,
						"stored file " + row.sourceFileId() + " is gone"));
			Path original = storedFiles.localPath(source);
			if (!Files.isReadable(original)) {
				// the storage is away (a shared disk not mounted): worth retrying
				throw new IOException("the bytes of stored file " + source.id() + " cannot be read");
			}
			Transcoder.Result result = transcoder().transcode(original, row.sourceType(), work,
					(percent) -> records.progress(attachmentId, percent));
			StoredFile copy = storedFiles.storeDerived(source, result.copy(),
					"web-" + attachmentId + "." + result.extension());
			StoredFile poster = result.poster() == null ? null
					: storedFiles.storeDerived(source, result.poster(), "poster-" + attachmentId + ".jpg");
			transactions.executeWithoutResult((status) -> {
				if (records.ready(attachmentId, copy.id(), result.contentType(), poster == null ? null : poster.id(),
						result.reencoded(), clock.instant())) {
					Map<String, Object> after = new LinkedHashMap<>();
					after.put("state", WebCopy.State.READY.name());
					after.put("copyFile", copy.id().toString());
					after.put("copyType", result.contentType());
					after.put("reencoded", result.reencoded());
					audit.recordChange(AuditAction.UPDATED, "web_copy", attachmentId, null,
							texts.plain("playback.audit.ready", attachmentId), Map.of("state", "RUNNING"), after);
				}
			});
		}
		catch (TranscodeException ex) {
			if (ex.reason() == TranscodeException.Reason.INPUT_OUTPUT) {
				retryOrFail(attachmentId, attempt, ex.reason().name(), ex);
				return;
			}
			fail(attachmentId, ex.reason().name(), ex);
		}
		catch (IOException | RuntimeException ex) {
			retryOrFail(attachmentId, attempt, TranscodeException.Reason.INPUT_OUTPUT.name(), ex);
		}
		finally {
			deleteQuietly(work);
		}
	}

	private Transcoder transcoder() {
		Transcoder current = this.transcoder;
		if (current == null) {
			current = new Transcoder();
			this.transcoder = current;
		}
		return current;
	}

	private void retryOrFail(long attachmentId, int attempt, String reason, Exception ex) {
		if (attempt < MAX_ATTEMPTS) {
			records.failedAttempt(attachmentId, reason, String.valueOf(ex.getMessage()));
			throw new IllegalStateException("Web copy of attachment " + attachmentId + " failed (attempt " + attempt
					+ " of " + MAX_ATTEMPTS + "); db-scheduler retries it", ex);
		}
		fail(attachmentId, reason, ex);
	}

	private void fail(long attachmentId, String reason, Exception ex) {
		log.warn("Web copy of attachment {} failed: {} {}", attachmentId, reason, ex.getMessage());
		transactions.executeWithoutResult((status) -> {
			if (records.failed(attachmentId, reason, String.valueOf(ex.getMessage()), clock.instant())) {
				audit.recordChange(AuditAction.UPDATED, "web_copy", attachmentId, null,
						texts.plain("playback.audit.failed", attachmentId, reason), Map.of("state", "RUNNING"),
						Map.of("state", WebCopy.State.FAILED.name(), "reason", reason));
			}
		});
	}

	private static void deleteQuietly(Path directory) {
		if (directory == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not remove the working folder {}: {}", directory, ex.getMessage());
		}
	}

}
