package cn.zhengji.media;

/** Durations the way the notice writes them: "40秒", "6分钟", "6分12秒", "1小时5分钟". */
final class DurationText {

	private DurationText() {
	}

	static String of(long seconds) {
		long hours = seconds / 3600;
		long minutes = seconds % 3600 / 60;
		long rest = seconds % 60;
		StringBuilder text = new StringBuilder();
		if (hours > 0) {
			text.append(hours).append("小时");
		}
		if (minutes > 0) {
			text.append(minutes).append(rest == 0 ? "分钟" : "分");
		}
		else if (hours > 0 && rest > 0) {
			text.append("0分");
		}
		if (rest > 0 || seconds == 0) {
			text.append(rest).append("秒");
		}
		return text.toString();
	}
}
