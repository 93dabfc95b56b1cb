/**
 * R-PUB-2, R-X-1 (issue 13) The public showcase (作品展示): the final winners and the works
 * in a public vote, by campaign, category, award level and organisation, searchable by
 * title, each work with its players, share link and QR code. No sign-in; nothing
 * personal, no opinions, no scores unless the campaign publishes them, no file a category
 * marks internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Showcase", allowedDependencies = { "infrastructure",
		"campaign", "organisation", "submission", "review", "files", "media", "audit", "playback" })
package cn.zhengji.showcase;
