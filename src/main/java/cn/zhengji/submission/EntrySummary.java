package cn.zhengji.submission;

import java.time.Instant;

/** One line of a list of entries ("我的作品", the admins' list). */
public record EntrySummary(long id, String campaignCode, String campaignTitle, String categoryName, String title,
		EntryState state, String organisationName, String submitterName, Instant updatedAt) {
}
