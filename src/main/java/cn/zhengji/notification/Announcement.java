package cn.zhengji.notification;

import java.time.Instant;

/**
 * 通知公告: published by an organisation, optionally about one campaign. The body is plain
 * text; pages keep its line breaks.
 */
public record Announcement(long id, long organisationId, String organisationName, String organisationPath,
		Long campaignId, String campaignTitle, String title, String body, State state, Instant publishedAt,
		Instant updatedAt, int version) {

	public static final int MAX_TITLE = 100;

	public static final int MAX_BODY = 5000;

	public enum State {

		PUBLISHED, WITHDRAWN

	}

	public boolean isPublished() {
		return state == State.PUBLISHED;
	}
}
