package cn.zhengji.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Issue 15 item 3: finds a static, high-contrast region in a corner of the sampled frames
 * (a logo or a platform's watermark), pure arithmetic on grey frames of one size.
 * <p>
 * Per pixel: the median over the frames, and the share of frames within
 * {@link #TOLERANCE} of it (persistence). A pixel is a static edge where it persists in
 * at least {@link #PERSISTENT_SHARE} of the frames and the median picture has a strong
 * gradient there ({@link #EDGE}). A corner (15 % of the width and the height) is a
 * candidate where it holds at least {@link #MIN_PIXELS} static-edge pixels and their
 * density is at least {@link #CONTRAST_TO_CENTRE} times that of the centre of the picture
 * (a still shot, static everywhere, flags nothing). N is the number of frames in which at
 * least {@link #FRAME_MATCH} of the corner's static-edge pixels are present; the corner
 * is flagged where N ≥ 80 % of the frames, the corner with the most static-edge pixels
 * first.
 */
final class WatermarkDetector {

	/** The share of the width and the height a corner covers. */
	static final double CORNER_SHARE = 0.15;

	static final int TOLERANCE = 18;

	static final double PERSISTENT_SHARE = 0.8;

	static final int EDGE = 60;

	static final int MIN_PIXELS = 12;

	static final double MIN_DENSITY = 0.01;

	static final double CONTRAST_TO_CENTRE = 4;

	static final double FRAME_MATCH = 0.7;

	/** The fewest frames worth judging. */
	static final int MIN_FRAMES = 5;

	private WatermarkDetector() {
	}

	/**
	 * @param corner the flagged corner
	 * @param frames N: the frames in which its static region is present
	 * @param sampled M: the frames judged
	 * @param staticPixels the static-edge pixels found in the corner
	 */
	record Finding(Corner corner, int frames, int sampled, int staticPixels) {
	}

	/**
	 * @param grey the frames, each {@code width × height} luma values 0–255, row by row
	 */
	static Optional<Finding> detect(List<int[]> grey, int width, int height) {
		int m = grey.size();
		if (m < MIN_FRAMES) {
			return Optional.empty();
		}
		int size = width * height;
		int[] median = new int[size];
		boolean[] persistent = new boolean[size];
		int[] values = new int[m];
		for (int p = 0; p < size; p++) {
			for (int f = 0; f < m; f++) {
				values[f] = grey.get(f)[p];
			}
			Arrays.sort(values);
			int med = values[m / 2];
			median[p] = med;
			int close = 0;
			for (int value : values) {
				if (Math.abs(value - med) <= TOLERANCE) {
					close++;
				}
			}
			persistent[p] = close >= PERSISTENT_SHARE * m;
		}
		boolean[] staticEdge = new boolean[size];
		for (int y = 1; y < height - 1; y++) {
			for (int x = 1; x < width - 1; x++) {
				int p = y * width + x;
				int gradient = Math.abs(median[p + 1] - median[p - 1])
						+ Math.abs(median[p + width] - median[p - width]);
				staticEdge[p] = persistent[p] && gradient >= EDGE;
			}
		}
		int cw = Math.max(2, (int) Math.round(width * CORNER_SHARE));
		int ch = Math.max(2, (int) Math.round(height * CORNER_SHARE));
		double centre = density(staticEdge, width, width / 4, height / 4, width / 2, height / 2);
		Finding best = null;
		for (Corner corner : Corner.values()) {
			int x0 = corner.right() ? width - cw : 0;
			int y0 = corner.bottom() ? height - ch : 0;
			int count = count(staticEdge, width, x0, y0, cw, ch);
			double density = (double) count / (cw * ch);
			if (count < MIN_PIXELS || density < MIN_DENSITY || density < CONTRAST_TO_CENTRE * centre) {
				continue;
			}
			int present = 0;
			for (int[] frame : grey) {
				int match = 0;
				for (int y = y0; y < y0 + ch; y++) {
					for (int x = x0; x < x0 + cw; x++) {
						int p = y * width + x;
						if (staticEdge[p] && Math.abs(frame[p] - median[p]) <= TOLERANCE) {
							match++;
						}
					}
				}
				if (match >= FRAME_MATCH * count) {
					present++;
				}
			}
			if (present >= PERSISTENT_SHARE * m && (best == null || count > best.staticPixels())) {
				best = new Finding(corner, present, m, count);
			}
		}
		return Optional.ofNullable(best);
	}

	private static int count(boolean[] mask, int width, int x0, int y0, int w, int h) {
		int count = 0;
		for (int y = y0; y < y0 + h; y++) {
			for (int x = x0; x < x0 + w; x++) {
				if (mask[y * width + x]) {
					count++;
				}
			}
		}
		return count;
	}

	private static double density(boolean[] mask, int width, int x0, int y0, int w, int h) {
		return (double) count(mask, width, x0, y0, w, h) / Math.max(1, w * h);
	}

}
