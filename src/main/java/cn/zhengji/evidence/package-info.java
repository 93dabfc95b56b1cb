/**
 * Issue 15 item 3 (R-SUB-3) Evidence for the judgement calls (机检佐证): for each video of an
 * entry, a strip of frames from the first 15 s (the opening title) and the four corners
 * sampled through the work, made once across all nodes by a db-scheduler task (FFmpeg
 * through JavaCV); a static high-contrast corner region pre-flags the item 无水印. Shown on
 * the approval decision panel through {@link cn.zhengji.evidence.JudgementEvidence}; a
 * person decides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence",
		allowedDependencies = { "infrastructure", "submission", "files" })
package cn.zhengji.evidence;
