package cn.zhengji.voting;

import cn.zhengji.infrastructure.web.ChangeRejected;

/** A vote setting that cannot be saved; the message key names the reason in Chinese. */
public class VoteSettingRejected extends ChangeRejected {

	public VoteSettingRejected(String field, String messageKey, Object... arguments) {
		super(field, messageKey, arguments);
	}

}
