package cn.zhengji.submission;

import java.time.Instant;

/**
 * One line of a list of entries ("我的作品", the admins' list).
 * @param pendingOrganisationName where a SUBMITTED entry waits in the approval chain, else null
 */
public record EntrySummary(long id, String campaignCode, String campaignTitle, String categoryName, String title,
		EntryState state, String organisationName, String submitterName, Instant updatedAt,
		String pendingOrganisationName) {
}
