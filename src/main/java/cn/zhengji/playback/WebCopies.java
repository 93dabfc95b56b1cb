package cn.zhengji.playback;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import org.springframework.stereotype.Component;

/**
 * Issue 13 item 3, what the showcase asks: the READY web copy of an attachment and its
 * poster, as stored files that {@link StoredFiles#response} streams with byte ranges. Not
 * scoped: the caller serves only files of public works. Anything not READY is empty: the
 * caller serves the original ("a work whose copy is not ready yet plays the original if
 * the browser can").
 */
@Component
public class WebCopies {

	private final WebCopyRecords records;

	private final StoredFiles storedFiles;

	WebCopies(WebCopyRecords records, StoredFiles storedFiles) {
		this.records = records;
		this.storedFiles = storedFiles;
	}

	/** A copy ready to serve: its stored file and type, and the poster of a video. */
	public record ReadyCopy(long attachmentId, StoredFile copy, String contentType, boolean hasPoster) {
	}

	/** The attachment's copy when it is READY; empty otherwise. */
	public Optional<WebCopy> readyCopyOf(long attachmentId) {
		return records.find(attachmentId).filter((copy) -> copy.state() == WebCopy.State.READY);
	}

	/** The READY copies of the given attachments, by attachment id, in one query. */
	public Map<Long, WebCopy> readyCopiesOf(Collection<Long> attachmentIds) {
		return records.find(attachmentIds)
			.values()
			.stream()
			.filter((copy) -> copy.state() == WebCopy.State.READY)
			.collect(Collectors.toMap(WebCopy::attachmentId, (copy) -> copy));
	}

	/** The READY copy's stored file and type; empty when there is none. */
	public Optional<ReadyCopy> openCopy(long attachmentId) {
		return readyCopyOf(attachmentId).flatMap((copy) -> storedFiles.findCompleted(copy.copyFileId())
			.map((file) -> new ReadyCopy(attachmentId, file, copy.copyType(), copy.posterFileId() != null)));
	}

	/** The poster frame (JPEG) of a READY video copy; empty otherwise. */
	public Optional<StoredFile> openPoster(long attachmentId) {
		return readyCopyOf(attachmentId).filter((copy) -> copy.posterFileId() != null)
			.flatMap((copy) -> storedFiles.findCompleted(copy.posterFileId()));
	}

}
