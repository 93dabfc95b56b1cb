/**
 * R-PUB-1 (issue 13 item 1) Results in public (结果公示): the awards of a locked review round
 * published for a period of days, objections (异议) by the public with a mobile proved by a
 * one-time code and evidence files, their handling by the campaign's admins (upheld: the
 * award changes in review; dismissed: with a reason), and the end of the period, after
 * which the awards are final (AWARD_FINAL) and shown in the showcase.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publicity", allowedDependencies = { "infrastructure",
		"campaign", "account", "submission", "review", "files", "media", "audit" })
package cn.zhengji.publicity;
