package cn.zhengji.media;

import cn.zhengji.infrastructure.Texts;

/**
 * Durations the way the notice writes them: "40秒", "6分钟", "6分12秒", "1小时5分钟"
 * (messages-media.properties).
 */
final class DurationText {

	private DurationText() {
	}

	static String of(Texts texts, long seconds) {
		long hours = seconds / 3600;
		long minutes = seconds % 3600 / 60;
		long rest = seconds % 60;
		StringBuilder text = new StringBuilder();
		if (hours > 0) {
			text.append(texts.plain("media.duration.hours", hours));
		}
		if (minutes > 0 || (hours > 0 && rest > 0)) {
			text.append(texts.plain(rest == 0 ? "media.duration.minutes" : "media.duration.minutesAnd", minutes));
		}
		if (rest > 0 || seconds == 0) {
			text.append(texts.plain("media.duration.seconds", rest));
		}
		return text.toString();
	}

}
