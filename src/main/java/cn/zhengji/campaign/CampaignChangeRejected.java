package cn.zhengji.campaign;

import cn.zhengji.infrastructure.web.ChangeRejected;

/**
 * A change an admin asked for breaks a rule (end before start, negative numbers, a taken
 * code). Nothing was changed.
 */
public class CampaignChangeRejected extends ChangeRejected {

	public CampaignChangeRejected(String field, String messageCode, Object... arguments) {
		super(field, messageCode, arguments);
	}

}
