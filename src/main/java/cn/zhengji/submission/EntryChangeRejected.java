package cn.zhengji.submission;

import cn.zhengji.infrastructure.web.ChangeRejected;

/**
 * A change of an entry that its rules refuse (after the deadline, in the wrong state, bad
 * input); the message codes are in messages-submission.properties. Nothing was changed.
 */
public class EntryChangeRejected extends ChangeRejected {

	public EntryChangeRejected(String field, String messageCode, Object... arguments) {
		super(field, messageCode, arguments);
	}

}
