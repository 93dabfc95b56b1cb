package cn.zhengji.submission;

/**
 * R-NOM-1 The three opinion boxes of the nomination form (附件4), each filled with the
 * opinion of one level of the approval chain.
 */
public enum NominationOpinion {

	/** 工作单位意见: the first level, the submitting organisation. */
	WORK_UNIT("work_unit_opinion"),
	/** 推荐单位意见: the level whose kind recommends in the category. */
	RECOMMENDING_UNIT("recommending_unit_opinion"),
	/** 省总工会意见: the campaign's host at the top of the chain. */
	PROVINCE("province_opinion");

	private final String column;

	NominationOpinion(String column) {
		this.column = column;
	}

	String column() {
		return column;
	}

}
