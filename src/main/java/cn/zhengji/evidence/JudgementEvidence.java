package cn.zhengji.evidence;

import java.util.List;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.submission.Entries;
import org.springframework.stereotype.Service;

/**
 * Issue 15 item 3, the module's API: the evidence frames of an entry's videos for the
 * judgement items 无水印 and 片头字幕须有作品名称, and their images for those who may read the entry's
 * files.
 */
@Service
public class JudgementEvidence {

	private final EvidenceRecords records;

	private final Entries entries;

	private final StoredFiles storedFiles;

	JudgementEvidence(EvidenceRecords records, Entries entries, StoredFiles storedFiles) {
		this.records = records;
		this.entries = entries;
		this.storedFiles = storedFiles;
	}

	/**
	 * The evidence of the entry's videos (one per video attachment that has a row, in the
	 * order of the attachments); the caller has already checked that its viewer may see
	 * the entry.
	 */
	public List<VideoEvidence> forEntry(long entryId) {
		return records.ofEntry(entryId);
	}

	/**
	 * The stored file of an evidence image, for a viewer who may download the video it
	 * was taken from ({@link Entries#readableAttachment}: the owner, the admins above);
	 * {@link NotFoundException} otherwise.
	 */
	public StoredFile image(SignedInUser viewer, long entryId, long imageId) {
		EvidenceRecords.ImageFile image = records.image(entryId, imageId)
			.orElseThrow(() -> new NotFoundException("evidence image " + imageId));
		entries.readableAttachment(viewer, entryId, image.attachmentId());
		return storedFiles.findCompleted(image.fileId())
			.orElseThrow(() -> new NotFoundException("evidence image " + imageId));
	}

}
