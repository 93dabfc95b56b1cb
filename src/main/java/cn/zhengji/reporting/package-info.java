/**
 * Dashboards (数据看板) of each level over its own subtree: entries by category, organisation and
 * day, approvals waiting, quota use, offline events against allocation. A read model: it queries
 * the tables of submission, approval and activity directly, scoped by organisation path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting", allowedDependencies = { "infrastructure",
		"organisation", "account", "campaign" })
package cn.zhengji.reporting;
