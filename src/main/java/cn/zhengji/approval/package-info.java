/**
 * R-APR-1, R-SUB-1, R-NOM-1 Approval and recommendation up the union tree: the chain of
 * levels, each level's decision (approve / recommend, return, reject) with its opinion,
 * the confirmation of the judgement items, the quotas of recommending units, the admins'
 * queues and worklists with their Excel exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approval", allowedDependencies = { "infrastructure",
		"organisation", "account", "campaign", "submission", "audit", "evidence" })
package cn.zhengji.approval;
