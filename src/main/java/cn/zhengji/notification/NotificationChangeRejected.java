package cn.zhengji.notification;

import cn.zhengji.infrastructure.web.ChangeRejected;

/**
 * A change of notices, settings or announcements that a rule refuses; nothing was
 * changed.
 */
public class NotificationChangeRejected extends ChangeRejected {

	NotificationChangeRejected(String field, String messageCode, Object... arguments) {
		super(field, messageCode, arguments);
	}

}
