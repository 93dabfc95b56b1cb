package cn.zhengji.handoff;

import cn.zhengji.infrastructure.web.ChangeRejected;

/** A hand-off rule refused the change; nothing was changed. */
public class HandoffChangeRejected extends ChangeRejected {

	public HandoffChangeRejected(String field, String messageCode, Object... arguments) {
		super(field, messageCode, arguments);
	}

}
