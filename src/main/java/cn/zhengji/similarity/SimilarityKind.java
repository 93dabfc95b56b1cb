package cn.zhengji.similarity;

/**
 * Issue 15: how two works were found alike (stored by name, CHECK
 * similarity_match_kind_ck).
 */
public enum SimilarityKind {

	/** The same bytes: equal SHA-256. */
	EXACT,
	/** Video keyframes alike in sequence (perceptual hashes), with a time range. */
	VIDEO,
	/** Audio fingerprints alike, with a time range. */
	AUDIO,
	/** An image alike by its perceptual hash. */
	IMAGE,
	/** Texts alike (introductions, evidence texts). */
	TEXT

}
