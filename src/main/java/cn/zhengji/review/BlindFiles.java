package cn.zhengji.review;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.review.BlindCopyRecords.BlindCopyRow;
import cn.zhengji.review.BlindCopyRecords.PageRow;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.ReviewFile;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Issue 12 item 4 (盲评): the files of a work as an expert assigned to it sees them — the
 * blind copies only (no EXIF/XMP, document properties or media tags), never the original,
 * never a file name or the uploader.
 *
 * <p>
 * For the expert's work page: {@link #of} lists the work's files as {@link BlindFile}s;
 * render them with the fragment {@code review/blind-files :: files(files)}, which shows a
 * video or audio player, an image, the pages of a deck or PDF one under the other, a
 * download for other documents, and "正在准备（去除作者信息）…" for a copy not made yet. The URLs it
 * uses are served by {@code review.web.BlindFileController}: {@code GET
 * /expert/reviews/{roundId}/works/{entryId}/files/{attachmentId}} (inline, HTTP ranges,
 * named {@code work-<attachmentId>.<ext>}) and
 * {@code …/files/{attachmentId}/pages/{n}.png}.
 *
 * <p>
 * Everyone but an expert assigned to the work in that round gets a 404 (participants,
 * admins, other experts), as for the rest of the review.
 */
@Service
public class BlindFiles {

	private final ReviewAssignments assignments;

	private final Entries entries;

	private final BlindCopyRecords records;

	private final StoredFiles storedFiles;

	BlindFiles(ReviewAssignments assignments, Entries entries, BlindCopyRecords records, StoredFiles storedFiles) {
		this.assignments = assignments;
		this.entries = entries;
		this.records = records;
		this.storedFiles = storedFiles;
	}

	/**
	 * The files of a work given to this expert in the round, in slot order: slot label,
	 * kind, whether the blind copy is ready, its page count and URL. A file whose copy
	 * has not been requested yet (attached after the assignment) is PENDING; the sweep
	 * makes it.
	 * @throws NotFoundException unless the actor is an expert assigned to the work in the
	 * round
	 */
	public List<BlindFile> of(SignedInUser expert, long roundId, long entryId) {
		List<ReviewFile> files = files(expert, roundId, entryId);
		Map<UUID, BlindCopyRow> copies = records.find(files.stream().map(ReviewFile::fileId).toList());
		return files.stream().map((file) -> blindFile(roundId, file, copies.get(file.fileId()))).toList();
	}

	/**
	 * The blind copy of a file of the work: inline (a download for documents), HTTP
	 * ranges, {@code Cache-Control: private}, named {@code work-<attachmentId>.<ext>}.
	 * @throws NotFoundException as {@link #of}, and for an attachment not of this work
	 * @throws BlindFileNotReady while the copy is PENDING or when it FAILED
	 */
	public ResponseEntity<Resource> file(SignedInUser expert, long roundId, long entryId, long attachmentId) {
		ReviewFile file = reviewFile(expert, roundId, entryId, attachmentId);
		BlindCopyRow copy = readyCopy(file);
		StoredFile derived = storedFiles.findCompleted(copy.derivedFileId())
			.orElseThrow(() -> new NotFoundException("blind copy " + copy.id()));
		BlindFile.Kind kind = BlindFile.Kind.of(file.contentType());
		boolean inline = kind != BlindFile.Kind.DOCUMENT && kind != BlindFile.Kind.PAGES;
		return storedFiles.response(derived, MediaType.parseMediaType(copy.contentType()), inline,
				"work-" + attachmentId + "." + BlindFile.extension(copy.contentType()));
	}

	/**
	 * Page {@code number} (from 1) of a deck or PDF as a PNG image.
	 * @throws NotFoundException as {@link #file}, and for a page that was not rendered
	 * @throws BlindFileNotReady as {@link #file}
	 */
	public ResponseEntity<Resource> page(SignedInUser expert, long roundId, long entryId, long attachmentId,
			int number) {
		ReviewFile file = reviewFile(expert, roundId, entryId, attachmentId);
		BlindCopyRow copy = readyCopy(file);
		PageRow page = records.page(copy.id(), number)
			.orElseThrow(() -> new NotFoundException("page " + number + " of blind copy " + copy.id()));
		StoredFile image = storedFiles.findCompleted(page.fileId())
			.orElseThrow(() -> new NotFoundException("page file " + page.fileId()));
		return storedFiles.response(image, MediaType.IMAGE_PNG, true,
				"work-" + attachmentId + "-page-" + number + ".png");
	}

	private List<ReviewFile> files(SignedInUser expert, long roundId, long entryId) {
		if (!assignments.assignedWorks(expert, roundId).contains(entryId)) {
			throw new NotFoundException("work " + entryId + " of round " + roundId + " for this expert");
		}
		return entries.filesForReview(List.of(entryId));
	}

	private ReviewFile reviewFile(SignedInUser expert, long roundId, long entryId, long attachmentId) {
		return files(expert, roundId, entryId).stream()
			.filter((file) -> file.attachmentId() == attachmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("attachment " + attachmentId + " of work " + entryId));
	}

	private BlindCopyRow readyCopy(ReviewFile file) {
		BlindCopyRow copy = records.find(file.fileId())
			.orElseThrow(() -> new BlindFileNotReady(file.attachmentId(), BlindFile.Status.PENDING));
		if (copy.status() != BlindFile.Status.READY) {
			throw new BlindFileNotReady(file.attachmentId(), copy.status());
		}
		return copy;
	}

	private static BlindFile blindFile(long roundId, ReviewFile file, BlindCopyRow copy) {
		BlindFile.Status status = copy == null ? BlindFile.Status.PENDING : copy.status();
		int pages = copy == null ? 0 : copy.pageCount();
		BlindFile.Kind kind = BlindFile.Kind.of(file.contentType());
		if (kind == BlindFile.Kind.PAGES && status == BlindFile.Status.READY && pages == 0) {
			// a deck that could not be drawn is still offered, as a download
			kind = BlindFile.Kind.DOCUMENT;
		}
		return new BlindFile(file.attachmentId(), file.slotLabel(), kind, status, pages,
				"/expert/reviews/" + roundId + "/works/" + file.entryId() + "/files/" + file.attachmentId());
	}

}
