package cn.zhengji.campaign;

/**
 * R-ACT-3 What a campaign-wide target counts. Stored by name (database CHECK
 * campaign_target_metric_ck).
 */
public enum TargetMetric {

	/** 组织动员基层工会组织. */
	ORGANISATIONS_MOBILISED,
	/** 发展职工好网民宣传员. */
	PROMOTERS,
	/** 走进企业或开展线下活动. */
	ENTERPRISES_OR_EVENTS,
	/** 直接触达职工. */
	WORKERS_REACHED,
	/** 覆盖影响职工网民. */
	WORKERS_COVERED

}
