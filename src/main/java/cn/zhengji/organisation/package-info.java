/**
 * R-ORG-1 The union organisation tree, from 中华全国总工会 down to grassroots unions: the seeded
 * tree, admins adding children one by one or by Excel import, and the subtree each admin
 * may see. Uses {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation",
		allowedDependencies = { "infrastructure", "audit" })
package cn.zhengji.organisation;
