package cn.zhengji.notification;

import java.time.format.DateTimeFormatter;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.review.ExpertsReminded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issue 12 item 6: an admin's reminder of a review round reaches each expert as an in-app
 * notice linking to its round, and as a text message where it opted in and has a notice
 * mobile ({@link TextMessages}, after the commit). A plain listener, so that the notices
 * are stored in the transaction that claimed the reminders: both are committed, or
 * neither.
 */
@Component
class ReviewReminderNotices {

	private final Notices notices;

	private final Texts texts;

	ReviewReminderNotices(Notices notices, Texts texts) {
		this.notices = notices;
		this.texts = texts;
	}

	@EventListener
	void on(ExpertsReminded event) {
		String deadline = deadline(event);
		notices.store(event.experts().stream().map(expert -> {
			String title = expert.unfinished() > 0
					? texts.text("notice.reviewReminder.title", event.roundName(), expert.unfinished())
					: texts.text("notice.reviewReminder.handInTitle", event.roundName());
			String body = texts.text(
					expert.unfinished() > 0 ? "notice.reviewReminder.body" : "notice.reviewReminder.handInBody",
					event.campaignTitle(), event.categoryName(), event.roundName(), expert.unfinished(),
					expert.assigned(), deadline);
			return new NewNotice(expert.accountId(), NoticeKind.REVIEW_REMINDER, title, body, event.expertLink(), null,
					texts.text("notice.sms", title));
		}).toList());
	}

	private String deadline(ExpertsReminded event) {
		if (event.endsOn() == null) {
			return "";
		}
		String day = DateTimeFormatter.ofPattern(texts.text("notice.reminder.dayPattern")).format(event.endsOn());
		long left = event.daysLeft();
		if (left > 0) {
			return texts.text("notice.reviewReminder.endsIn", day, left);
		}
		return texts.text(left == 0 ? "notice.reviewReminder.endsToday" : "notice.reviewReminder.ended", day);
	}

}
