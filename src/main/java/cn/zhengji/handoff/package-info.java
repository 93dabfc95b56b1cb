/**
 * R-CAM-5, R-APR-2 (issue 14 items 1, 2 and 6) The province's hand-off to the national
 * campaign: the mapping of its categories to the national sub-projects, the selection of
 * the works it recommends (推荐至全国, a step of each entry's history) and, per sub-project,
 * the package streamed as a ZIP with its Excel manifest.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Handoff", allowedDependencies = { "infrastructure",
		"campaign", "submission", "review", "files", "organisation", "audit" })
package cn.zhengji.handoff;
