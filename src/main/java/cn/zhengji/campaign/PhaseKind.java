package cn.zhengji.campaign;

/**
 * R-CAM-1 The kinds of phase a campaign goes through. Stored by name (database CHECK
 * campaign_phase_kind_ck); a campaign has each kind at most once. Fujian uses SUBMISSION,
 * REVIEW, RECOMMENDATION, SUMMARY; the national campaign LAUNCH, ADVANCE, REVIEW,
 * RESULTS.
 */
public enum PhaseKind {

	LAUNCH, SUBMISSION, ADVANCE, REVIEW, RECOMMENDATION, RESULTS, SUMMARY

}
