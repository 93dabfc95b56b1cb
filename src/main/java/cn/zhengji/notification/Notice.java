package cn.zhengji.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** One in-app notice (站内消息) as its recipient reads it. */
public record Notice(long id, NoticeKind kind, String title, String body, String link, Instant createdAt,
		Instant readAt) {

	/** Pages show times in Beijing time, the zone of every campaign of the platform. */
	static final ZoneId SHOWN_IN = ZoneId.of("Asia/Shanghai");

	public ZonedDateTime shownCreatedAt() {
		return createdAt.atZone(SHOWN_IN);
	}

	public boolean isUnread() {
		return readAt == null;
	}
}
