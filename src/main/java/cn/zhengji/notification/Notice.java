package cn.zhengji.notification;

import java.time.Instant;

/** One in-app notice (站内消息) as its recipient reads it. */
public record Notice(long id, NoticeKind kind, String title, String body, String link, Instant createdAt,
		Instant readAt) {

	public boolean isUnread() {
		return readAt == null;
	}
}
