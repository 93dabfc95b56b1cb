package cn.zhengji.similarity;

import cn.zhengji.submission.EntryState;

/**
 * Issue 15 item 2: another entry found alike to an entry, as the approvers and the review
 * admin see it: "与 2024 年《…》（福州市，网络正能量微视频征集，二等奖）高度相似".
 *
 * @param entryId the entry asked about
 * @param attachmentId its file that matched (null for TEXT)
 * @param otherEntryId the other entry
 * @param otherAttachmentId the other entry's file that matched (null for TEXT)
 * @param otherTitle the other entry's title
 * @param otherCampaignYear the year of the other entry's campaign
 * @param otherCampaignTitle the other entry's campaign (e.g. 网络正能量微视频征集)
 * @param otherCategoryName the other entry's category
 * @param otherCityUnitName the city-level unit above the other entry's submitting unit
 * (福州市总工会), or the submitting unit where there is none
 * @param otherAwardName the other entry's award of a locked review round (二等奖), null when
 * none
 * @param otherState where the other entry stands
 * @param kind how they are alike
 * @param similarity 0–100 (percent)
 * @param segment the matching time range on both sides (VIDEO and AUDIO); null otherwise
 * @param frameMs a representative frame time (ms) of this entry's file for side-by-side
 * frames ({@link SimilarWorks#frameJpeg}), VIDEO only; null otherwise
 * @param otherFrameMs the matching frame time (ms) in the other entry's file, VIDEO only
 * @param sameOwner whether both entries have the same owner (the same participant, or the
 * same submitting unit for units' entries): the submitter's neutral notice
 */
public record SimilarWork(long entryId, Long attachmentId, long otherEntryId, Long otherAttachmentId, String otherTitle,
		int otherCampaignYear, String otherCampaignTitle, String otherCategoryName, String otherCityUnitName,
		String otherAwardName, EntryState otherState, SimilarityKind kind, int similarity, Segment segment,
		Long frameMs, Long otherFrameMs, boolean sameOwner) {

	/**
	 * The matching time range in seconds: {@code start}–{@code end} in this entry's file,
	 * {@code otherStart}–{@code otherEnd} in the other's.
	 */
	public record Segment(double start, double end, double otherStart, double otherEnd) {
	}

}
