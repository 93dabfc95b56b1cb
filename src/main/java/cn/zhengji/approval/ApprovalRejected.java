package cn.zhengji.approval;

import cn.zhengji.infrastructure.web.ChangeRejected;

/**
 * A decision of a level that the chain's rules refuse (no opinion, an unanswered
 * judgement item, the quota used up, not this level's turn); the message codes are in
 * messages-approval.properties. Nothing was changed.
 */
public class ApprovalRejected extends ChangeRejected {

	public ApprovalRejected(String field, String messageCode, Object... arguments) {
		super(field, messageCode, arguments);
	}

}
