package cn.zhengji.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.media.BlindCopies;
import cn.zhengji.media.BlindCopyException;
import cn.zhengji.media.PageImages;
import cn.zhengji.media.PageImages.PageImage;
import cn.zhengji.review.BlindCopyRecords.BlindCopyRow;
import cn.zhengji.review.BlindCopyRecords.PageRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12 item 4: makes the blind copy of one source file, the work of the task
 * {@code make-blind-copy}. Public only so that tests can run it at once.
 *
 * <p>
 * Holds no database connection and no row lock while it strips and renders (minutes for a
 * large video): it reads the row, counts the attempt, works on local files under
 * {@code ${zhengji.data-dir}/tmp/blind}, stores the results through
 * {@link StoredFiles#storeDerived} and only then writes the outcome in one short
 * transaction, conditional on the row still being PENDING. The original is only read.
 */
@Component
public class BlindCopyMaker {

	/** Input/output failures are retried by db-scheduler up to this many attempts. */
	static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(BlindCopyMaker.class);

	private final BlindCopyRecords records;

	private final StoredFiles storedFiles;

	private final BlindCopies blindCopies;

	private final PageImages pageImages;

	private final AuditLog audit;

	private final Texts texts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Path workRoot;

	BlindCopyMaker(BlindCopyRecords records, StoredFiles storedFiles, BlindCopies blindCopies, PageImages pageImages,
			AuditLog audit, Texts texts, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${zhengji.data-dir:./data}") Path dataDir) {
		this.records = records;
		this.storedFiles = storedFiles;
		this.blindCopies = blindCopies;
		this.pageImages = pageImages;
		this.audit = audit;
		this.texts = texts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.workRoot = dataDir.resolve("tmp").resolve("blind");
	}

	/**
	 * Makes the blind copy of the source file if it is still PENDING; nothing otherwise
	 * (idempotent).
	 * <p>
	 * Side effects: the attempt counted on the row; the copy (and for PPT/PPTX/PDF its
	 * page images, at most {@link PageImages#MAX_PAGES}) stored as new stored files, each
	 * audited by {@code files}; the row READY with them, or FAILED with the reason when
	 * the file cannot be copied (unsupported, truncated, damaged) or input/output failed
	 * {@link #MAX_ATTEMPTS} times; one audit event UPDATED on {@code review_blind_copy}
	 * by the system.
	 * @throws IllegalStateException on an input/output failure before the last attempt,
	 * so that db-scheduler runs the task again later
	 */
	public void make(UUID sourceFileId) {
		Optional<BlindCopyRow> found = records.find(sourceFileId);
		if (found.isEmpty() || found.get().status() != BlindFile.Status.PENDING) {
			return;
		}
		BlindCopyRow row = found.get();
		int attempt = records.countAttempt(row.id());
		Path work = null;
		try {
			Files.createDirectories(workRoot);
			work = Files.createTempDirectory(workRoot, "copy-" + row.id() + "-");
			StoredFile source = storedFiles.findCompleted(sourceFileId)
				.orElseThrow(() -> new IllegalStateException("stored file " + sourceFileId + " is gone"));
			String extension = BlindFile.extension(row.contentType());
			Path copy = blindCopies.makeBlindCopy(storedFiles.localPath(source), work.resolve("copy." + extension));
			List<PageImage> images = pages(row, copy, work.resolve("pages"));
			StoredFile derived = storedFiles.storeDerived(source, copy, "blind-" + row.id() + "." + extension);
			List<PageRow> pages = new ArrayList<>();
			for (int i = 0; i < images.size(); i++) {
				PageImage image = images.get(i);
				StoredFile stored = storedFiles.storeDerived(source, image.file(),
						"blind-" + row.id() + "-page-" + (i + 1) + ".png");
				pages.add(new PageRow(row.id(), i + 1, stored.id(), image.width(), image.height()));
			}
			transactions.executeWithoutResult((status) -> {
				if (records.ready(row.id(), derived.id(), pages, clock.instant())) {
					Map<String, Object> after = new LinkedHashMap<>();
					after.put("status", BlindFile.Status.READY.name());
					after.put("derivedFile", derived.id().toString());
					after.put("pages", pages.size());
					audit.recordChange(AuditAction.UPDATED, "review_blind_copy", row.id(), null,
							texts.plain("review.audit.blindCopyReady", row.id(), pages.size()),
							Map.of("status", BlindFile.Status.PENDING.name()), after);
				}
			});
		}
		catch (BlindCopyException ex) {
			if (ex.reason() == BlindCopyException.Reason.INPUT_OUTPUT) {
				retryOrFail(row, attempt, ex);
				return;
			}
			fail(row, ex.reason().name(), ex);
		}
		catch (IOException | RuntimeException ex) {
			retryOrFail(row, attempt, ex);
		}
		finally {
			deleteQuietly(work);
		}
	}

	/**
	 * The page images of a deck or PDF; none for other kinds. A deck that cannot be drawn
	 * still has its blind copy, offered as a download.
	 */
	private List<PageImage> pages(BlindCopyRow row, Path copy, Path directory) {
		if (!PageImages.renders(row.contentType())) {
			return List.of();
		}
		try {
			return pageImages.render(copy, directory);
		}
		catch (BlindCopyException ex) {
			log.warn("The pages of blind copy {} could not be drawn ({}); it is offered as a download", row.id(),
					ex.reason(), ex);
			return List.of();
		}
	}

	private void retryOrFail(BlindCopyRow row, int attempt, Exception ex) {
		if (attempt < MAX_ATTEMPTS) {
			throw new IllegalStateException("Blind copy " + row.id() + " failed (attempt " + attempt + " of "
					+ MAX_ATTEMPTS + "); db-scheduler retries it", ex);
		}
		fail(row, BlindCopyException.Reason.INPUT_OUTPUT.name(), ex);
	}

	private void fail(BlindCopyRow row, String reason, Exception ex) {
		log.warn("Blind copy {} of stored file {} failed: {}", row.id(), row.sourceFileId(), reason, ex);
		transactions.executeWithoutResult((status) -> {
			if (records.failed(row.id(), reason, String.valueOf(ex.getMessage()), clock.instant())) {
				audit.recordChange(AuditAction.UPDATED, "review_blind_copy", row.id(), null,
						texts.plain("review.audit.blindCopyFailed", row.id(), reason),
						Map.of("status", BlindFile.Status.PENDING.name()),
						Map.of("status", BlindFile.Status.FAILED.name(), "reason", reason));
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
