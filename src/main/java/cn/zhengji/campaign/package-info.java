/**
 * R-CAM, R-ACT-1/3 Campaigns as data: phases and dates, categories with their rules,
 * declarations, offline-event allocations and national targets, loaded from definition
 * files and edited by the platform admin and, for the campaigns their union hosts, a
 * province's admins; the public campaign pages and the read-only JSON API. Uses
 * {@code organisation} and {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaign",
		allowedDependencies = { "infrastructure", "organisation", "audit" })
package cn.zhengji.campaign;
