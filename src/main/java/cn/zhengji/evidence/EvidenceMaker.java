package cn.zhengji.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15 item 3: makes the evidence of one video attachment, the work of the task
 * {@code make-video-evidence}. Public only so that tests can run it at once.
 * <p>
 * Holds no database connection and no row lock while FFmpeg decodes: it takes the row in
 * one statement (RUNNING, an attempt more), works on local files under
 * {@code ${zhengji.data-dir}/tmp/evidence}, stores the images through
 * {@link StoredFiles#storeDerived} (each audited by {@code files}) and writes the outcome
 * with the images' rows in one short transaction. The original is only read.
 */
@Component
public class EvidenceMaker {

	/** Input/output failures are retried by db-scheduler up to this many attempts. */
	static final int MAX_ATTEMPTS = 3;

	static final int CORNER_COLUMNS = 8;

	private static final Logger log = LoggerFactory.getLogger(EvidenceMaker.class);

	private final EvidenceRecords records;

	private final StoredFiles storedFiles;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Path workRoot;

	EvidenceMaker(EvidenceRecords records, StoredFiles storedFiles, PlatformTransactionManager transactionManager,
			Clock clock, @Value("${zhengji.data-dir:./data}") Path dataDir) {
		this.records = records;
		this.storedFiles = storedFiles;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.workRoot = dataDir.resolve("tmp").resolve("evidence");
	}

	/**
	 * Makes the evidence of the attachment if its row is QUEUED (or RUNNING, left by a
	 * node that died); nothing otherwise.
	 * <p>
	 * Side effects: the attempt counted; the opening frames, the four corner strips and,
	 * for a pre-flag, the crop of the corner stored as new stored files; the row READY
	 * with the image rows and the pre-flag, or FAILED with the detail when the video
	 * cannot be read or input/output failed {@link #MAX_ATTEMPTS} times, or QUEUED again
	 * before a retry.
	 * @throws IllegalStateException on an input/output failure before the last attempt,
	 * so that db-scheduler runs the task again later
	 */
	public void make(long attachmentId) {
		Optional<EvidenceRecords.Started> started = records.start(attachmentId);
		if (started.isEmpty()) {
			return;
		}
		int attempt = started.get().attempt();
		Path work = null;
		try {
			StoredFile source = storedFiles.findCompleted(started.get().sourceFileId()).orElse(null);
			if (source == null) {
				fail(attachmentId, "stored file " + started.get().sourceFileId() + " is gone");
				return;
			}
			Path original = storedFiles.localPath(source);
			if (!Files.isReadable(original)) {
				throw new IOException("the bytes of stored file " + source.id() + " cannot be read");
			}
			Files.createDirectories(workRoot);
			work = Files.createTempDirectory(workRoot, "evidence-" + attachmentId + "-");
			FrameExtractor.Frames frames = new FrameExtractor().extract(original);
			store(attachmentId, source, frames, work);
		}
		catch (FrameExtractor.UnreadableVideo ex) {
			fail(attachmentId, "unreadable: " + ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			boolean last = attempt >= MAX_ATTEMPTS;
			log.warn("Evidence of attachment {} failed (attempt {}): {}", attachmentId, attempt, ex.getMessage());
			records.failed(attachmentId, String.valueOf(ex.getMessage()), last, clock.instant());
			if (!last) {
				throw new IllegalStateException("Evidence of attachment " + attachmentId + " failed (attempt " + attempt
						+ " of " + MAX_ATTEMPTS + "); db-scheduler retries it", ex);
			}
		}
		finally {
			deleteQuietly(work);
		}
	}

	private void store(long attachmentId, StoredFile source, FrameExtractor.Frames frames, Path work)
			throws IOException {
		List<EvidenceRecords.NewImage> images = new ArrayList<>();
		int position = 0;
		for (FrameExtractor.Timed frame : frames.opening()) {
			StoredFile file = jpeg(source, frame.image(), work, "opening-" + attachmentId + "-" + position);
			images.add(new EvidenceRecords.NewImage("OPENING", null, position++, frame.atMillis(), file.id()));
		}
		List<FrameExtractor.Timed> samples = frames.samples();
		WatermarkDetector.Finding finding = null;
		if (!samples.isEmpty()) {
			BufferedImage first = samples.getFirst().image();
			int width = first.getWidth() / 2;
			int height = first.getHeight() / 2;
			List<int[]> grey = samples.stream()
				.map((sample) -> FrameExtractor.grey(FrameExtractor.resize(sample.image(), width, height)))
				.toList();
			finding = WatermarkDetector.detect(grey, width, height).orElse(null);
			for (Corner corner : Corner.values()) {
				StoredFile strip = jpeg(source, strip(samples, corner), work,
						"corner-" + attachmentId + "-" + corner.name());
				images.add(new EvidenceRecords.NewImage("CORNER", corner, 0, 0, strip.id()));
			}
		}
		StoredFile crop = null;
		if (finding != null) {
			FrameExtractor.Timed middle = samples.get(samples.size() / 2);
			BufferedImage corner = crop(middle.image(), finding.corner());
			crop = jpeg(source, FrameExtractor.resize(corner, corner.getWidth() * 2, corner.getHeight() * 2), work,
					"watermark-" + attachmentId);
			images.add(new EvidenceRecords.NewImage("CORNER", finding.corner(), 1, middle.atMillis(), crop.id()));
		}
		WatermarkDetector.Finding found = finding;
		java.util.UUID cropId = crop == null ? null : crop.id();
		transactions.executeWithoutResult((status) -> records.ready(attachmentId, frames.durationMillis(),
				samples.size(), images, found, cropId, clock.instant()));
	}

	/** The corner (15 % of the width and the height) of the picture. */
	static BufferedImage crop(BufferedImage image, Corner corner) {
		int w = Math.max(2, (int) Math.round(image.getWidth() * WatermarkDetector.CORNER_SHARE));
		int h = Math.max(2, (int) Math.round(image.getHeight() * WatermarkDetector.CORNER_SHARE));
		int x = corner.right() ? image.getWidth() - w : 0;
		int y = corner.bottom() ? image.getHeight() - h : 0;
		return FrameExtractor.copy(image.getSubimage(x, y, w, h));
	}

	/** The corner's crops of the samples, {@link #CORNER_COLUMNS} a row, 2 px apart. */
	static BufferedImage strip(List<FrameExtractor.Timed> samples, Corner corner) {
		List<BufferedImage> crops = samples.stream().map((sample) -> crop(sample.image(), corner)).toList();
		int w = crops.getFirst().getWidth();
		int h = crops.getFirst().getHeight();
		int columns = Math.min(CORNER_COLUMNS, crops.size());
		int rows = (crops.size() + columns - 1) / columns;
		BufferedImage strip = new BufferedImage(columns * (w + 2) - 2, rows * (h + 2) - 2, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = strip.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, strip.getWidth(), strip.getHeight());
		for (int i = 0; i < crops.size(); i++) {
			graphics.drawImage(crops.get(i), (i % columns) * (w + 2), (i / columns) * (h + 2), null);
		}
		graphics.dispose();
		return strip;
	}

	private StoredFile jpeg(StoredFile source, BufferedImage image, Path work, String name) throws IOException {
		Path file = work.resolve(name + ".jpg");
		if (!ImageIO.write(image, "jpg", file.toFile())) {
			throw new IOException("no JPEG writer");
		}
		return storedFiles.storeDerived(source, file, name + ".jpg");
	}

	private void fail(long attachmentId, String detail) {
		log.warn("Evidence of attachment {} failed: {}", attachmentId, detail);
		records.failed(attachmentId, detail, true, clock.instant());
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
