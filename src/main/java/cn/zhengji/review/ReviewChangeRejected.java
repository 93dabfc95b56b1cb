package cn.zhengji.review;

import cn.zhengji.infrastructure.web.ChangeRejected;

/**
 * A change of a round's pool or assignment breaks a rule (the account is no expert, the
 * expert may not judge the work). Nothing was changed.
 */
public class ReviewChangeRejected extends ChangeRejected {

	public ReviewChangeRejected(String field, String messageCode, Object... arguments) {
		super(field, messageCode, arguments);
	}

}
