package cn.zhengji.similarity;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Issue 15 item 4 (a): the time to fingerprint one video with the code the job runs
 * ({@link VideoPrint}: keyframes only through bytedeco FFmpeg, 64×64 grey, pHash), median
 * of 3 after a warm-up run. Run by {@code bench/similarity/run} on the test class path,
 * next to {@code ffmpeg -skip_frame nokey -i … -f null -} on the same file.
 * <p>
 * Usage: {@code java -cp … cn.zhengji.similarity.VideoPrintBenchmark video.mp4}
 */
@SuppressWarnings("checkstyle:systemOut")
public final class VideoPrintBenchmark {

	private static final int RUNS = 3;

	private VideoPrintBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path video = Path.of(args[0]);
		Fingerprint warm = VideoPrint.of(video);
		double[] times = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			VideoPrint.of(video);
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		System.out.printf(Locale.ROOT, "keyframes hashed %d, duration %d ms%n", warm.hashes().size(),
				warm.durationMs());
		System.out.printf(Locale.ROOT, "MEDIAN_MS %.1f%n", times[RUNS / 2]);
	}

}
