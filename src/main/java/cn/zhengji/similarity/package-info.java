/**
 * Issue 15 (R-SUB-3, R-SUB-4) The same work twice: fingerprints of every stored file (the
 * SHA-256 for exact copies, perceptual hashes of video keyframes and images, audio and
 * text fingerprints), made once across all nodes by db-scheduler tasks and kept across
 * campaigns and years, and the matches between entries that the approvers and the review
 * admin see ({@link cn.zhengji.similarity.SimilarWorks}). Matches are flagged, never
 * refused.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Similarity", allowedDependencies = { "infrastructure",
		"campaign", "organisation", "submission", "review", "files", "audit" })
package cn.zhengji.similarity;
