package cn.zhengji.submission.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.zhengji.infrastructure.DisplayTimeZone;
import org.springframework.stereotype.Component;

/**
 * Instants on the submission pages in the platform's display time zone (every campaign's
 * deadlines are in it today, R-CAM-2). Templates call it as
 * {@code ${@submissionTime.format(instant)}}.
 */
@Component("submissionTime")
public class SubmissionTime {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ZoneId zone;

	SubmissionTime(DisplayTimeZone displayTimeZone) {
		this.zone = displayTimeZone.zone();
	}

	public String format(Instant instant) {
		return instant == null ? "" : MINUTES.format(instant.atZone(zone));
	}

	public String precise(Instant instant) {
		return instant == null ? "" : SECONDS.format(instant.atZone(zone));
	}

	/**
	 * The last second before a deadline (the deadline itself is the first instant after
	 * the phase).
	 */
	public String deadline(Instant deadline) {
		return deadline == null ? "" : SECONDS.format(deadline.minusSeconds(1).atZone(zone));
	}

	/** 1234567 → "1.2 MB". */
	public String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return "%.1f KB".formatted(bytes / 1024.0);
		}
		if (bytes < 1024L * 1024 * 1024) {
			return "%.1f MB".formatted(bytes / (1024.0 * 1024));
		}
		return "%.2f GB".formatted(bytes / (1024.0 * 1024 * 1024));
	}

}
