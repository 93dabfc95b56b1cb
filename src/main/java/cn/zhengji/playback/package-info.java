/**
 * Issue 13 item 3 (R-PUB-2, R-X-1) Web playback (网页播放): a web copy of every awarded video
 * and audio file — H.264/AAC MP4 with its index first, at most 1080p, with a poster
 * frame; audio as AAC (M4A), MP3 kept as MP3 — made once across all nodes by a
 * db-scheduler task, its progress on an admin page, served by the showcase
 * ({@link cn.zhengji.playback.WebCopies}). Originals are never changed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Playback",
		allowedDependencies = { "infrastructure", "campaign", "submission", "files", "audit" })
package cn.zhengji.playback;
