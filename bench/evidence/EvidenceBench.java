import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times cn.zhengji.evidence.FrameExtractor (package-private, reached by reflection): the opening strip (the
 * first 15 s decoded in full) and the 16 corner samples (keyframes only) of one video, three runs after a warm-up,
 * and prints the median beside Debian ffmpeg's times for the same two decodes.
 * Usage: java --source 21 -cp <classes:deps> EvidenceBench.java video.mp4 ffmpegKeyframeSeconds ffmpegOpeningSeconds
 */
public class EvidenceBench {

	public static void main(String[] args) throws Exception {
		Class<?> type = Class.forName("cn.zhengji.evidence.FrameExtractor");
		Constructor<?> constructor = type.getDeclaredConstructor();
		constructor.setAccessible(true);
		Object extractor = constructor.newInstance();
		Method extract = type.getDeclaredMethod("extract", Path.class);
		extract.setAccessible(true);
		Path video = Path.of(args[0]);
		double keyframes = Double.parseDouble(args[1]);
		double opening = Double.parseDouble(args[2]);
		extract.invoke(extractor, video);
		double[] runs = new double[3];
		for (int i = 0; i < runs.length; i++) {
			long start = System.nanoTime();
			extract.invoke(extractor, video);
			runs[i] = (System.nanoTime() - start) / 1e9;
		}
		java.util.Arrays.sort(runs);
		double ours = runs[1];
		System.out.printf(Locale.ROOT, "%s: opening strip (8 frames of 0-15 s) + 16 keyframe samples%n",
				video.getFileName());
		System.out.printf(Locale.ROOT, "  ffmpeg -skip_frame nokey -i ... -f null -        : %6.2f s%n", keyframes);
		System.out.printf(Locale.ROOT, "  ffmpeg -t 15 -i ... -f null - (the opening)       : %6.2f s%n", opening);
		System.out.printf(Locale.ROOT, "  FrameExtractor (median of 3 runs, %s)  : %6.2f s   ratio ours/(sum of both ffmpeg) = %.2f%n",
				List.of(runs[0], runs[1], runs[2]), ours, ours / (keyframes + opening));
	}

}
