package cn.zhengji.notification;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders the Chinese texts of notices from messages-notification.properties. */
@Component
class NoticeTexts {

	private static final int MAX_TITLE_IN_TEXT = 40;

	private final MessageSource messages;

	NoticeTexts(MessageSource messages) {
		this.messages = messages;
	}

	String text(String code, Object... arguments) {
		return messages.getMessage(code, arguments, Locale.SIMPLIFIED_CHINESE);
	}

	/** The message with the platform's signature, as SMS providers require it. */
	String textMessage(String title) {
		return text("notice.sms", title);
	}

	/** A work's title as quoted in a notice: long titles are cut so that the notice's title stays short. */
	static String quoted(String title) {
		String trimmed = title == null ? "" : title.strip();
		return trimmed.length() <= MAX_TITLE_IN_TEXT ? trimmed
				: trimmed.substring(0, MAX_TITLE_IN_TEXT) + "…";
	}
}
