package cn.zhengji.submission;

/**
 * Issue 13: an entry as the public showcase may present it — the work, its category and
 * the submitting unit, nothing of the person who sent it (no owner, no mobile, no
 * nomination form).
 *
 * @param organisationPath the submitting unit's path, to find its city-level unit
 * @param organisationName the submitting unit's name, shown as the work's unit
 */
public record PublicWork(long id, long campaignId, long categoryId, String title, long organisationId,
		String organisationPath, String organisationName, EntryState state) {
}
