package cn.zhengji.publicity;

import cn.zhengji.infrastructure.web.ChangeRejected;

/** A publicity rule refused the change; nothing was changed. */
public class PublicityChangeRejected extends ChangeRejected {

	public PublicityChangeRejected(String field, String messageCode, Object... arguments) {
		super(field, messageCode, arguments);
	}

}
