package cn.zhengji.similarity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A MinHash signature of a text's character 4-grams (Broder, "On the resemblance and
 * containment of documents", 1997). Chinese has no spaces, so shingles are characters,
 * not words: the text is NFKC-normalised, lower-cased and stripped of everything but
 * letters and digits, and every run of four characters is a shingle. Each of
 * {@link #HASHES} hash functions keeps its smallest value over the shingles; the share of
 * equal minima between two signatures estimates the Jaccard resemblance of the shingle
 * sets (standard error ≤ 0.045 with 128 hashes).
 *
 * <p>
 * One changed paragraph of three leaves a resemblance of about 0.5; two different
 * introductions on the same theme (the same set phrases: 正能量, 社会主义核心价值观…) stay under 0.1.
 * {@link #MATCH} sits between. For the lookup each minimum is stored as a {@code bigint}
 * at its position and looked up exactly: a text shares about 128 × resemblance minima
 * with another, so candidates come with their estimate already counted; unrelated texts
 * share a few minima of common set phrases at most.
 */
final class TextPrint {

	static final int SHINGLE = 4;

	static final int HASHES = 128;

	/**
	 * Fewer normalised characters than this make no print: a title-sized text matches too
	 * easily.
	 */
	static final int MIN_CHARACTERS = 40;

	/** Estimated resemblance from which two texts are flagged. */
	static final double MATCH = 0.30;

	private static final long[] SEEDS = seeds();

	private final long[] minima;

	private TextPrint(long[] minima) {
		this.minima = minima;
	}

	/** The print of a text, or empty when it is too short to compare. */
	static Optional<TextPrint> of(String text) {
		Set<Long> shingles = shingles(text);
		if (shingles.isEmpty()) {
			return Optional.empty();
		}
		long[] minima = new long[HASHES];
		Arrays.fill(minima, Long.MAX_VALUE);
		for (long shingle : shingles) {
			for (int i = 0; i < HASHES; i++) {
				long h = mix(shingle ^ SEEDS[i]);
				if (h < minima[i]) {
					minima[i] = h;
				}
			}
		}
		return Optional.of(new TextPrint(minima));
	}

	static TextPrint ofMinima(long[] minima) {
		if (minima.length != HASHES) {
			throw new IllegalArgumentException("a text print has " + HASHES + " minima, not " + minima.length);
		}
		return new TextPrint(minima.clone());
	}

	/** The print for storage: minimum {@code i} at position {@code i}. */
	Fingerprint fingerprint() {
		List<Fingerprint.Hash> hashes = new ArrayList<>(HASHES);
		for (int i = 0; i < HASHES; i++) {
			hashes.add(new Fingerprint.Hash(i, this.minima[i]));
		}
		return new Fingerprint(SimilarityKind.TEXT, 0, hashes);
	}

	/**
	 * A stored print back ({@link #fingerprint()}); empty unless all positions are there.
	 */
	static Optional<TextPrint> ofHashes(List<Fingerprint.Hash> hashes) {
		long[] minima = new long[HASHES];
		boolean[] seen = new boolean[HASHES];
		for (Fingerprint.Hash hash : hashes) {
			if (hash.atMs() < 0 || hash.atMs() >= HASHES || seen[(int) hash.atMs()]) {
				return Optional.empty();
			}
			seen[(int) hash.atMs()] = true;
			minima[(int) hash.atMs()] = hash.value();
		}
		return (hashes.size() == HASHES) ? Optional.of(new TextPrint(minima)) : Optional.empty();
	}

	/** The signature, one {@code bigint} per hash function. */
	long[] minima() {
		return this.minima.clone();
	}

	/** The estimated Jaccard resemblance of the two texts' shingle sets, 0 … 1. */
	double resemblance(TextPrint other) {
		int equal = 0;
		for (int i = 0; i < HASHES; i++) {
			if (this.minima[i] == other.minima[i]) {
				equal++;
			}
		}
		return equal / (double) HASHES;
	}

	boolean matches(TextPrint other) {
		return resemblance(other) >= MATCH;
	}

	/**
	 * The exact Jaccard resemblance of two texts' shingle sets, for checking the
	 * estimate.
	 */
	static double exactResemblance(String a, String b) {
		Set<Long> x = shingles(a);
		Set<Long> y = shingles(b);
		if (x.isEmpty() || y.isEmpty()) {
			return 0;
		}
		Set<Long> union = new HashSet<>(x);
		union.addAll(y);
		x.retainAll(y);
		return x.size() / (double) union.size();
	}

	static String normalised(String text) {
		String nfkc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase();
		StringBuilder kept = new StringBuilder(nfkc.length());
		nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
		return kept.toString();
	}

	private static Set<Long> shingles(String text) {
		int[] points = normalised(text).codePoints().toArray();
		Set<Long> shingles = new HashSet<>();
		if (points.length < MIN_CHARACTERS) {
			return shingles;
		}
		for (int i = 0; i + SHINGLE <= points.length; i++) {
			long h = 0xcbf29ce484222325L;
			for (int j = 0; j < SHINGLE; j++) {
				h = (h ^ points[i + j]) * 0x100000001b3L;
			}
			shingles.add(mix(h));
		}
		return shingles;
	}

	/** The SplitMix64 finaliser: a fixed, well-mixed 64-bit permutation. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	private static long[] seeds() {
		long[] seeds = new long[HASHES];
		long state = 0x5a48454e474a4931L;
		for (int i = 0; i < HASHES; i++) {
			state += 0x9e3779b97f4a7c15L;
			seeds[i] = mix(state);
		}
		return seeds;
	}

}
