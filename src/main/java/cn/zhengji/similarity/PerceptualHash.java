package cn.zhengji.similarity;

/**
 * Issue 15: a DCT perceptual hash (pHash) of a grey picture, own code (a few lines; the
 * libraries that do it bring image stacks we do not need). The picture's centre is cut
 * out (a margin dropped on each side: borders, letterboxes and corner logos weigh
 * nothing, and a 5 % crop moves the picture little), reduced to 32×32 by area averages,
 * transformed by a 2-D DCT-II, and each of the 64 lowest frequencies (but the mean) gives
 * one bit: above the median or not. Re-encoding, scaling, a changed bit rate and small
 * crops change few bits; unrelated pictures differ in about 32.
 */
final class PerceptualHash {

	static final int SIZE = 32;

	/** Below this standard deviation (of 255) a picture is flat: its hash is noise. */
	static final double FLAT = 6.0;

	private static final double[][] COS = new double[SIZE][SIZE];

	/** The 64 (u, v) frequencies used, lowest first, without (0, 0). */
	private static final int[][] FREQUENCIES = new int[64][];

	static {
		for (int u = 0; u < SIZE; u++) {
			for (int x = 0; x < SIZE; x++) {
				COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIZE));
			}
		}
		int n = 0;
		for (int sum = 1; n < 64; sum++) {
			for (int u = 0; u <= sum && n < 64; u++) {
				int v = sum - u;
				if (u < SIZE && v < SIZE) {
					FREQUENCIES[n++] = new int[] { u, v };
				}
			}
		}
	}

	private PerceptualHash() {
	}

	/**
	 * The hash of a grey picture ({@code width × height} bytes, row by row,
	 * {@code stride} bytes a row), keeping the centre {@code keep} (0–1) of each side;
	 * null for a flat picture.
	 */
	static Long of(byte[] grey, int width, int height, int stride, double keep) {
		int cropW = Math.max(1, (int) Math.round(width * keep));
		int cropH = Math.max(1, (int) Math.round(height * keep));
		int x0 = (width - cropW) / 2;
		int y0 = (height - cropH) / 2;
		double[][] small = new double[SIZE][SIZE];
		double sum = 0;
		double sumSquares = 0;
		for (int j = 0; j < SIZE; j++) {
			int ya = y0 + j * cropH / SIZE;
			int yb = Math.max(ya + 1, y0 + (j + 1) * cropH / SIZE);
			for (int i = 0; i < SIZE; i++) {
				int xa = x0 + i * cropW / SIZE;
				int xb = Math.max(xa + 1, x0 + (i + 1) * cropW / SIZE);
				long total = 0;
				int count = 0;
				for (int y = ya; y < yb && y < height; y++) {
					int row = y * stride;
					for (int x = xa; x < xb && x < width; x++) {
						total += grey[row + x] & 0xff;
						count++;
					}
				}
				double value = count == 0 ? 0 : (double) total / count;
				small[j][i] = value;
				sum += value;
				sumSquares += value * value;
			}
		}
		int n = SIZE * SIZE;
		double mean = sum / n;
		double deviation = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
		if (deviation < FLAT) {
			return null;
		}
		return hash(small);
	}

	/** The hash of a 32×32 picture. */
	static long hash(double[][] small) {
		int maxU = 0;
		for (int[] f : FREQUENCIES) {
			maxU = Math.max(maxU, Math.max(f[0], f[1]));
		}
		int k = maxU + 1;
		// Rows first: rows[j][u] = sum_x small[j][x] cos(u, x), only the low u needed.
		double[][] rows = new double[SIZE][k];
		for (int j = 0; j < SIZE; j++) {
			for (int u = 0; u < k; u++) {
				double s = 0;
				for (int x = 0; x < SIZE; x++) {
					s += small[j][x] * COS[u][x];
				}
				rows[j][u] = s;
			}
		}
		double[] coefficients = new double[64];
		for (int c = 0; c < 64; c++) {
			int u = FREQUENCIES[c][0];
			int v = FREQUENCIES[c][1];
			double s = 0;
			for (int y = 0; y < SIZE; y++) {
				s += rows[y][u] * COS[v][y];
			}
			coefficients[c] = s;
		}
		double[] sorted = coefficients.clone();
		java.util.Arrays.sort(sorted);
		double median = (sorted[31] + sorted[32]) / 2;
		long bits = 0;
		for (int c = 0; c < 64; c++) {
			if (coefficients[c] > median) {
				bits |= 1L << c;
			}
		}
		return bits;
	}

	static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

}
