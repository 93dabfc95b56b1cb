package cn.zhengji.publicity;

import java.time.Instant;
import java.util.List;

/**
 * An objection for the campaign's admins (objector's name, masked mobile, reason,
 * evidence) or, without {@code objectorName} and {@code mobileMasked}, for the owner of
 * the work.
 */
public record ObjectionView(long id, long publicityId, long entryId, String workTitle, String levelName,
		String objectorName, String mobileMasked, String reason, Instant filedAt, ObjectionStatus status,
		String outcomeLevel, String outcomeReason, Instant handledAt, List<EvidenceFile> evidence) {

	/** An evidence file, downloadable by the admins. */
	public record EvidenceFile(int position, String fileName, String contentType) {
	}

	public boolean pending() {
		return status == ObjectionStatus.PENDING;
	}

}
