package cn.zhengji.submission;

import java.time.Instant;

/**
 * One line of a list of entries ("我的作品", the admins' list).
 *
 * @param status where it stands, with the level reached
 */
public record EntrySummary(long id, String campaignCode, String campaignTitle, String categoryName, String title,
		EntryState state, String organisationName, String submitterName, Instant updatedAt, EntryStatus status) {
}
