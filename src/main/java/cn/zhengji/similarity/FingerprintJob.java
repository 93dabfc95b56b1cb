package cn.zhengji.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15 item 1: fingerprints one source, the work of the task
 * {@code fingerprint-source}; public only so that tests and the benchmark can run it at
 * once.
 * <p>
 * Holds no connection and no row lock while the file is decoded: it takes the row in one
 * statement (RUNNING, an attempt more), decodes without a transaction, stores the hashes
 * and DONE in one short transaction, looks up the matches (reads only) and writes them in
 * another. A file that cannot be decoded is FAILED at once (its exact copies are still
 * matched by the SHA-256); an input/output failure is QUEUED again and thrown, so that
 * db-scheduler retries it after 1, 2, 4 … minutes, up to {@link #MAX_ATTEMPTS}.
 */
@Component
public class FingerprintJob {

	static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(FingerprintJob.class);

	private final FingerprintRecords records;

	private final Matcher matcher;

	private final StoredFiles storedFiles;

	private final TransactionTemplate transactions;

	private final Clock clock;

	FingerprintJob(FingerprintRecords records, Matcher matcher, StoredFiles storedFiles,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.records = records;
		this.matcher = matcher;
		this.storedFiles = storedFiles;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Fingerprints the source if it is QUEUED (or RUNNING, left by a node that died) and
	 * records its matches; nothing otherwise.
	 * @return the matches written (both directions count once)
	 */
	public int run(long sourceId) {
		Optional<Source> taken = transactions.execute((status) -> records.start(sourceId, clock.instant()));
		if (taken == null || taken.isEmpty()) {
			return 0;
		}
		Source source = taken.get();
		long started = System.nanoTime();
		Fingerprint fingerprint;
		try {
			fingerprint = print(source);
		}
		catch (UnreadableMedia ex) {
			log.info("similarity: source {} unreadable: {}", sourceId, ex.getMessage());
			List<Match> exact = matcher.find(source, Fingerprint.none(SimilarityKind.EXACT));
			transactions.executeWithoutResult((status) -> {
				records.fail(sourceId, ex.getMessage(), false, clock.instant());
				exact.forEach((match) -> records.saveMatch(match, clock.instant()));
			});
			return exact.size();
		}
		catch (IOException | UncheckedIOException ex) {
			boolean retry = source.attempts() < MAX_ATTEMPTS;
			transactions.executeWithoutResult(
					(status) -> records.fail(sourceId, "input/output: " + ex.getMessage(), retry, clock.instant()));
			if (retry) {
				throw new IllegalStateException("fingerprint of source " + sourceId + " to be retried", ex);
			}
			return 0;
		}
		long workMs = (System.nanoTime() - started) / 1_000_000;
		transactions.executeWithoutResult((status) -> records.store(sourceId, fingerprint, workMs, clock.instant()));
		List<Match> matches = matcher.find(source, fingerprint);
		if (!matches.isEmpty()) {
			transactions.executeWithoutResult(
					(status) -> matches.forEach((match) -> records.saveMatch(match, clock.instant())));
		}
		return matches.size();
	}

	/**
	 * The fingerprint of a source by its kind. AUDIO and TEXT sources get theirs from
	 * AudioPrint and TextPrint (issue 15, the same package); until then only their
	 * SHA-256 is matched.
	 */
	Fingerprint print(Source source) throws UnreadableMedia, IOException {
		if (source.fileId() == null) {
			return Fingerprint.none(SimilarityKind.TEXT);
		}
		return switch (source.kind()) {
			case "VIDEO" -> VideoPrint.of(localFile(source));
			case "IMAGE" -> ImagePrint.of(localFile(source));
			default -> Fingerprint.none(SimilarityKind.EXACT);
		};
	}

	Path localFile(Source source) throws IOException {
		StoredFile file = storedFiles.findCompleted(source.fileId())
			.orElseThrow(() -> new IOException("stored file " + source.fileId() + " is not complete"));
		return storedFiles.localPath(file);
	}

}
