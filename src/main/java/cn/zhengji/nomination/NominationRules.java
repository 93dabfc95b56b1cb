package cn.zhengji.nomination;

/**
 * R-NOM-1/2 The limits of 附件4 for the form: 推荐理由 ≤ 1500 characters as the notice says;
 * the other limits are ours, chosen so that a filled sheet still prints on one or two
 * pages.
 */
public final class NominationRules {

	/** 推荐理由 "1500字以内" (the notice). */
	public static final int REASONS_MAX_CHARACTERS = 1500;

	/**
	 * 候选人简介: a short biography; the paper form gives it a third of the reasons' space.
	 */
	public static final int PROFILE_MAX_CHARACTERS = 500;

	/** Each of 工作单位意见 / 推荐单位意见 / 省总工会意见. */
	public static final int OPINION_MAX_CHARACTERS = 300;

	/** 单位职务 and 推荐单位: long unit names exist (…有限责任公司工会委员会 主席). */
	public static final int UNIT_MAX_CHARACTERS = 60;

	/** 姓名, 政治面貌, 账号名称, 所属平台, 粉丝数量: one line of a narrow cell. */
	public static final int SHORT_MAX_CHARACTERS = 30;

	private NominationRules() {
	}

}
