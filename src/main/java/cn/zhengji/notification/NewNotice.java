package cn.zhengji.notification;

/**
 * A notice about to be stored, with the short text message that goes with it to
 * recipients who opted in.
 */
record NewNotice(long accountId, NoticeKind kind, String title, String body, String link, Long entryId,
		String textMessage) {
}
