package cn.zhengji.similarity;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;

/**
 * Issue 15 item 1: an audio fingerprint in the manner of Haitsma and Kalker ("A Highly
 * Robust Audio Fingerprinting System", ISMIR 2002). The sound is decoded to mono 11 025
 * Hz, cut into 371 ms Hann windows every 46 ms, and each window gives a 32-bit
 * sub-fingerprint whose bit {@code m} is the sign of the change, from the previous window
 * to this one, of the log-energy difference between log-spaced bands {@code m} and
 * {@code m + 1} (33 bands, 300–2000 Hz). Signs of energy differences survive re-encoding
 * (another bit rate or codec) and volume changes; the dense hop keeps a cut at the start
 * within 23 ms of a window boundary. Silent windows give sub-fingerprint 0, which
 * comparisons skip.
 *
 * <p>
 * Two prints are compared by sliding one along the other: the offsets worth measuring
 * come from votes of positions sharing half a sub-fingerprint; at each, the bit error
 * rate (BER) of the aligned sub-fingerprints is measured over 3 s windows; the offset
 * with the lowest windowed BER is kept, and its matching segment is the longest run of
 * windows under {@link #SEGMENT_BER}. Random sub-fingerprints differ in half their bits;
 * the same recording re-encoded at 64 kbit/s differs in 10–15 %.
 */
final class AudioPrint {

	static final int SAMPLE_RATE = 11_025;

	static final int FRAME = 4096;

	static final int HOP = 512;

	static final int BANDS = 33;

	static final double LOW_HZ = 300;

	static final double HIGH_HZ = 2000;

	/** Sub-fingerprints per 3 s comparison window. */
	static final int WINDOW = 64;

	/**
	 * A window whose aligned sub-fingerprints differ in fewer bits than this is part of a
	 * matching segment.
	 */
	static final double SEGMENT_BER = 0.30;

	/** A match needs a segment at least this long (about 8 s) … */
	static final int MIN_SEGMENT = 172;

	/** … and a mean bit error rate over it of at most this. */
	static final double MATCH_BER = 0.25;

	/**
	 * Offsets measured in full, the most voted for (each with two neighbours either
	 * side).
	 */
	static final int OFFSETS = 8;

	/**
	 * Windows quieter than this RMS (of 16-bit samples, about −60 dBFS) count as silence.
	 */
	private static final double SILENCE_RMS = 32;

	/**
	 * Band power floor (per bin, of 16-bit samples): about −76 dBFS, so near-empty bands
	 * compare as equal.
	 */
	private static final double LOG_FLOOR = 10;

	private static final long WINDOW_MS = Math.round(FRAME * 1000.0 / SAMPLE_RATE);

	private final int[] subprints;

	private final long durationMs;

	private AudioPrint(int[] subprints, long durationMs) {
		this.subprints = subprints;
		this.durationMs = durationMs;
	}

	/**
	 * Decodes the file's first audio stream through FFmpeg, resampled to mono 11 025 Hz.
	 * @throws UnreadableMedia when FFmpeg cannot read it or it has no audio
	 */
	static AudioPrint ofFile(Path file) throws UnreadableMedia {
		FFmpegLogCallback.setLevel(AV_LOG_ERROR);
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
			grabber.setSampleRate(SAMPLE_RATE);
			grabber.setAudioChannels(1);
			grabber.setSampleMode(FrameGrabber.SampleMode.SHORT);
			grabber.start();
			if (!grabber.hasAudio()) {
				throw new UnreadableMedia("no audio stream in " + file.getFileName(), null);
			}
			Builder builder = new Builder();
			for (Frame frame = grabber.grabSamples(); frame != null; frame = grabber.grabSamples()) {
				if (frame.samples != null && frame.samples[0] instanceof ShortBuffer samples) {
					while (samples.hasRemaining()) {
						builder.accept(samples.get());
					}
				}
			}
			long containerMs = grabber.getLengthInTime() / 1000;
			grabber.stop();
			AudioPrint print = builder.build();
			return (containerMs > 0) ? new AudioPrint(print.subprints, containerMs) : print;
		}
		catch (FrameGrabber.Exception ex) {
			throw new UnreadableMedia("FFmpeg cannot read " + file.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	/** Fingerprints 16-bit mono samples at {@link #SAMPLE_RATE}. */
	static AudioPrint ofSamples(short[] samples) {
		Builder builder = new Builder();
		for (short sample : samples) {
			builder.accept(sample);
		}
		return builder.build();
	}

	int length() {
		return this.subprints.length;
	}

	int[] subprints() {
		return this.subprints.clone();
	}

	/**
	 * The container's duration (else the decoded one); for a print read back from
	 * storage, up to its last stored window.
	 */
	long durationMs() {
		return this.durationMs;
	}

	static double secondsAt(int index) {
		return index * (double) HOP / SAMPLE_RATE;
	}

	/**
	 * The start of sub-fingerprint {@code index} in whole milliseconds (unique: the hop
	 * is 46 ms).
	 */
	static long atMs(int index) {
		return Math.round(index * 1000.0 * HOP / SAMPLE_RATE);
	}

	static int indexAt(long atMs) {
		return (int) Math.round(atMs * (double) SAMPLE_RATE / (1000.0 * HOP));
	}

	/**
	 * The print for storage: one 64-bit hash per pair of sub-fingerprints (positions 2k
	 * and 2k + 1, the earlier in the high half) at the first one's time; pairs with a
	 * silent half are left out.
	 */
	Fingerprint fingerprint() {
		List<Fingerprint.Hash> hashes = new ArrayList<>();
		for (int i = 0; i + 1 < this.subprints.length; i += 2) {
			if (this.subprints[i] != 0 && this.subprints[i + 1] != 0) {
				hashes.add(new Fingerprint.Hash(atMs(i), pair(i)));
			}
		}
		return new Fingerprint(SimilarityKind.AUDIO, this.durationMs, hashes);
	}

	/**
	 * A stored print back ({@link #fingerprint()}): the positions of left-out pairs are
	 * silent.
	 */
	static AudioPrint ofHashes(List<Fingerprint.Hash> hashes) {
		int length = 0;
		for (Fingerprint.Hash hash : hashes) {
			length = Math.max(length, indexAt(hash.atMs()) + 2);
		}
		int[] subprints = new int[length];
		for (Fingerprint.Hash hash : hashes) {
			int i = indexAt(hash.atMs());
			subprints[i] = (int) (hash.value() >>> 32);
			subprints[i + 1] = (int) hash.value();
		}
		return new AudioPrint(subprints, (length == 0) ? 0 : atMs(length - 1) + WINDOW_MS);
	}

	/**
	 * Hashes to look a copy up by: pairs at every position (both parities, since a copy
	 * may be shifted by an odd number of hops), at most {@code limit}, evenly spread over
	 * the work.
	 */
	List<Long> lookupHashes(int limit) {
		List<Long> all = new ArrayList<>();
		for (int i = 0; i + 1 < this.subprints.length; i++) {
			if (this.subprints[i] != 0 && this.subprints[i + 1] != 0) {
				all.add(pair(i));
			}
		}
		if (all.size() <= limit) {
			return all;
		}
		List<Long> picked = new ArrayList<>(limit);
		for (int k = 0; k < limit; k++) {
			picked.add(all.get((int) ((long) k * all.size() / limit)));
		}
		return picked;
	}

	private long pair(int i) {
		return (Integer.toUnsignedLong(this.subprints[i]) << 32) | Integer.toUnsignedLong(this.subprints[i + 1]);
	}

	/** The best alignment of the two prints, or empty when no 8 s stretch matches. */
	Optional<Match> matchAgainst(AudioPrint other) {
		int[] a = this.subprints;
		int[] b = other.subprints;
		if (a.length < WINDOW || b.length < WINDOW) {
			return Optional.empty();
		}
		// offset: index in b = index in a - offset
		int bestOffset = 0;
		int bestErrors = Integer.MAX_VALUE;
		for (int offset : likelyOffsets(a, b)) {
			if (offset < -(b.length - WINDOW) || offset > a.length - WINDOW) {
				continue;
			}
			int minimum = minimumWindowErrors(a, b, offset, Math.max(0, offset), Math.min(a.length, b.length + offset));
			if (minimum < bestErrors) {
				bestErrors = minimum;
				bestOffset = offset;
			}
		}
		if (bestErrors > SEGMENT_BER * WINDOW * 32) {
			return Optional.empty();
		}
		return segment(a, b, bestOffset);
	}

	/**
	 * The offsets worth measuring: every pair of positions whose sub-fingerprints share
	 * their high or their low 16 bits votes for its offset (an aligned copy shares a half
	 * at about a quarter of its positions, unrelated audio by chance once in 32 768
	 * pairs); the {@link #OFFSETS} offsets with most votes, each with its neighbours.
	 */
	private static int[] likelyOffsets(int[] a, int[] b) {
		Map<Integer, List<Integer>> halves = new HashMap<>();
		for (int j = 0; j < b.length; j++) {
			if (b[j] != 0) {
				halves.computeIfAbsent(b[j] >>> 16, (k) -> new ArrayList<>()).add(j);
				halves.computeIfAbsent(0x10000 | (b[j] & 0xffff), (k) -> new ArrayList<>()).add(j);
			}
		}
		Map<Integer, Integer> votes = new HashMap<>();
		for (int i = 0; i < a.length; i++) {
			if (a[i] == 0) {
				continue;
			}
			for (int j : halves.getOrDefault(a[i] >>> 16, List.of())) {
				votes.merge(i - j, 1, Integer::sum);
			}
			for (int j : halves.getOrDefault(0x10000 | (a[i] & 0xffff), List.of())) {
				votes.merge(i - j, 1, Integer::sum);
			}
		}
		return votes.entrySet()
			.stream()
			.sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(OFFSETS)
			.flatMapToInt((vote) -> IntStream.rangeClosed(vote.getKey() - 2, vote.getKey() + 2))
			.distinct()
			.toArray();
	}

	/**
	 * The fewest bit errors in any {@link #WINDOW} of compared positions; silent
	 * positions do not count.
	 */
	private static int minimumWindowErrors(int[] a, int[] b, int offset, int from, int to) {
		int minimum = Integer.MAX_VALUE;
		int[] ring = new int[WINDOW];
		int sum = 0;
		int count = 0;
		for (int i = from; i < to; i++) {
			int x = a[i];
			int y = b[i - offset];
			if (x == 0 || y == 0) {
				continue;
			}
			int errors = Integer.bitCount(x ^ y);
			int slot = count % WINDOW;
			sum += errors - ring[slot];
			ring[slot] = errors;
			count++;
			if (count >= WINDOW && sum < minimum) {
				minimum = sum;
			}
		}
		return minimum;
	}

	private static Optional<Match> segment(int[] a, int[] b, int offset) {
		int from = Math.max(0, offset);
		int to = Math.min(a.length, b.length + offset);
		int n = to - from;
		int[] errors = new int[n];
		boolean[] compared = new boolean[n];
		for (int i = 0; i < n; i++) {
			int x = a[from + i];
			int y = b[from + i - offset];
			compared[i] = x != 0 && y != 0;
			errors[i] = compared[i] ? Integer.bitCount(x ^ y) : 0;
		}
		// positions covered by a window (centred) under the segment threshold
		boolean[] good = new boolean[n];
		int half = WINDOW / 2;
		for (int i = 0; i < n; i++) {
			int lo = Math.max(0, i - half);
			int hi = Math.min(n, i + half);
			int sum = 0;
			int count = 0;
			for (int j = lo; j < hi; j++) {
				if (compared[j]) {
					sum += errors[j];
					count++;
				}
			}
			good[i] = count >= half && sum <= SEGMENT_BER * count * 32;
		}
		int bestStart = -1;
		int bestLength = 0;
		for (int i = 0; i < n;) {
			if (!good[i]) {
				i++;
				continue;
			}
			int j = i;
			while (j < n && good[j]) {
				j++;
			}
			if (j - i > bestLength) {
				bestLength = j - i;
				bestStart = i;
			}
			i = j;
		}
		if (bestLength < MIN_SEGMENT) {
			return Optional.empty();
		}
		int sum = 0;
		int count = 0;
		for (int i = bestStart; i < bestStart + bestLength; i++) {
			if (compared[i]) {
				sum += errors[i];
				count++;
			}
		}
		double ber = count == 0 ? 0.5 : sum / (32.0 * count);
		if (ber > MATCH_BER) {
			return Optional.empty();
		}
		int startA = from + bestStart;
		int startB = startA - offset;
		return Optional.of(new Match(ber, startA, startB, bestLength));
	}

	/**
	 * Where two prints match: sub-fingerprint positions on both sides and the bit error
	 * rate over the segment. {@link #similarity()} maps the BER to 0 (unrelated, BER 0.5)
	 * … 1 (identical).
	 */
	record Match(double bitErrorRate, int startA, int startB, int length) {

		double similarity() {
			return Math.max(0, 1 - 2 * this.bitErrorRate);
		}

		double startSecondsA() {
			return secondsAt(this.startA);
		}

		double startSecondsB() {
			return secondsAt(this.startB);
		}

		double endSecondsA() {
			return secondsAt(this.startA + this.length) + (FRAME - HOP) / (double) SAMPLE_RATE;
		}

		double endSecondsB() {
			return secondsAt(this.startB + this.length) + (FRAME - HOP) / (double) SAMPLE_RATE;
		}

		/**
		 * How much later the matching material starts in A than in B, in milliseconds.
		 */
		long offsetMillis() {
			return Math.round((this.startA - this.startB) * 1000.0 * HOP / SAMPLE_RATE);
		}

	}

	/** Streams samples through the overlapping windows. */
	private static final class Builder {

		private static final int[] EDGES = bandEdges();

		private static final double[] HANN = hann();

		private final short[] ring = new short[FRAME];

		private long received;

		private int[] out = new int[1024];

		private int count;

		private double[] previousDifferences;

		private final double[] re = new double[FRAME];

		private final double[] im = new double[FRAME];

		void accept(short sample) {
			this.ring[(int) (this.received % FRAME)] = sample;
			this.received++;
			if (this.received >= FRAME && (this.received - FRAME) % HOP == 0) {
				window();
			}
		}

		private void window() {
			long start = this.received - FRAME;
			double power = 0;
			for (int i = 0; i < FRAME; i++) {
				double s = this.ring[(int) ((start + i) % FRAME)];
				power += s * s;
				this.re[i] = s * HANN[i];
				this.im[i] = 0;
			}
			fft(this.re, this.im);
			double[] energies = new double[BANDS];
			for (int band = 0; band < BANDS; band++) {
				double e = 0;
				for (int k = EDGES[band]; k < EDGES[band + 1]; k++) {
					e += this.re[k] * this.re[k] + this.im[k] * this.im[k];
				}
				energies[band] = Math.log(e / (EDGES[band + 1] - EDGES[band]) / FRAME + LOG_FLOOR);
			}
			double[] differences = new double[BANDS - 1];
			for (int m = 0; m < BANDS - 1; m++) {
				differences[m] = energies[m] - energies[m + 1];
			}
			boolean silent = Math.sqrt(power / FRAME) < SILENCE_RMS;
			if (this.previousDifferences != null) {
				int bits = 0;
				if (!silent) {
					for (int m = 0; m < BANDS - 1; m++) {
						if (differences[m] - this.previousDifferences[m] > 0) {
							bits |= 1 << m;
						}
					}
				}
				add(bits);
			}
			this.previousDifferences = differences;
		}

		private void add(int bits) {
			if (this.count == this.out.length) {
				this.out = Arrays.copyOf(this.out, this.out.length * 2);
			}
			this.out[this.count++] = bits;
		}

		AudioPrint build() {
			return new AudioPrint(Arrays.copyOf(this.out, this.count),
					Math.round(this.received * 1000.0 / SAMPLE_RATE));
		}

		private static int[] bandEdges() {
			int[] edges = new int[BANDS + 1];
			for (int i = 0; i <= BANDS; i++) {
				double hz = LOW_HZ * Math.pow(HIGH_HZ / LOW_HZ, i / (double) BANDS);
				edges[i] = (int) Math.round(hz * FRAME / SAMPLE_RATE);
			}
			return edges;
		}

		private static double[] hann() {
			double[] w = new double[FRAME];
			for (int i = 0; i < FRAME; i++) {
				w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (FRAME - 1));
			}
			return w;
		}

		/** In-place radix-2 FFT. */
		private static void fft(double[] re, double[] im) {
			int n = re.length;
			for (int i = 1, j = 0; i < n; i++) {
				int bit = n >> 1;
				for (; (j & bit) != 0; bit >>= 1) {
					j ^= bit;
				}
				j ^= bit;
				if (i < j) {
					double t = re[i];
					re[i] = re[j];
					re[j] = t;
					t = im[i];
					im[i] = im[j];
					im[j] = t;
				}
			}
			for (int len = 2; len <= n; len <<= 1) {
				double angle = -2 * Math.PI / len;
				double wr = Math.cos(angle);
				double wi = Math.sin(angle);
				for (int i = 0; i < n; i += len) {
					double cr = 1;
					double ci = 0;
					for (int k = 0; k < len / 2; k++) {
						int p = i + k;
						int q = p + len / 2;
						double xr = re[q] * cr - im[q] * ci;
						double xi = re[q] * ci + im[q] * cr;
						re[q] = re[p] - xr;
						im[q] = im[p] - xi;
						re[p] += xr;
						im[p] += xi;
						double t = cr * wr - ci * wi;
						ci = cr * wi + ci * wr;
						cr = t;
					}
				}
			}
		}

	}

}
