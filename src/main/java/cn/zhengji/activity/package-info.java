/**
 * R-ACT-1/2/3 Offline events (线下活动) reported by units of every level against their
 * allocation, the reach figures of the national targets, and their progress rolled up the
 * union tree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activity",
		allowedDependencies = { "infrastructure", "organisation", "account", "campaign", "files", "media", "audit" })
package cn.zhengji.activity;
