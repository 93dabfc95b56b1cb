import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import cn.zhengji.campaign.CategoryRules.AspectRatio;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.campaign.CategoryRules.MediaRules;
import cn.zhengji.campaign.CategoryRules.Resolution;
import cn.zhengji.media.Inspection;
import cn.zhengji.media.MediaInspector;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Times the whole in-process check of an MP4 (MediaInspector.inspect: sniffing, the box walk, every
 * rule of the micro-video slot) in a warm JVM, against ffprobe run on the same file, and optionally
 * against org.mp4parser:isoparser reading the same facts (when it is on the class path).
 * Usage: java --source 25 -cp <classes:deps> ProbeBench.java file.mp4...
 */
public class ProbeBench {

	static final int WARM_UP = 300;

	static final int RUNS = 1000;

	static final int FFPROBE_RUNS = 15;

	public static void main(String[] args) throws Exception {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages-media");
		messages.setDefaultEncoding("UTF-8");
		Constructor<MediaInspector> constructor = MediaInspector.class.getDeclaredConstructor(MessageSource.class);
		constructor.setAccessible(true);
		MediaInspector inspector = constructor.newInstance(messages);
		AttachmentSlot slot = new AttachmentSlot("work", "微视频作品（MP4）", true, List.of(FileKind.MP4), 1, 1, 4096,
				new MediaRules(30, 300, false, List.of(Resolution.FHD_LANDSCAPE, Resolution.FHD_PORTRAIT),
						List.of(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16), 128, 44100));
		boolean isoparser = isoparserPresent();
		for (String arg : args) {
			Path file = Path.of(arg);
			String label = "%s (%d MB, moov at the end)".formatted(file.getFileName(), Files.size(file) >> 20);
			Inspection inspection = inspector.inspect(file, slot);
			System.out.println("# " + label + ": " + inspection.facts() + ", blocks=" + inspection.blocksSubmission());
			double ours = median(RUNS, WARM_UP, () -> inspector.inspect(file, slot));
			double ffprobe = median(FFPROBE_RUNS, 2, () -> ffprobe(file));
			row("MediaInspector.inspect " + label, ours, "ffprobe", ffprobe);
			if (isoparser) {
				double iso = median(Math.max(5, RUNS / 50), 3, () -> IsoparserProbe.read(file));
				row("isoparser 1.9.56 (same facts) " + label, iso, "ffprobe", ffprobe);
			}
		}
	}

	interface Work {

		void run() throws Exception;
	}

	/** Median in milliseconds of the timed runs, after the warm-up runs. */
	static double median(int runs, int warmUp, Work work) throws Exception {
		for (int i = 0; i < warmUp; i++) {
			work.run();
		}
		double[] times = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			work.run();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[runs / 2];
	}

	static void ffprobe(Path file) throws Exception {
		Process process = new ProcessBuilder(List.of("ffprobe", "-v", "error", "-show_format", "-show_streams",
				file.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
		if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("ffprobe failed on " + file);
		}
	}

	static void row(String label, double ours, String referenceName, double reference) {
		System.out.println(String.format(Locale.ROOT, "%-72s %9.3f ms   %-8s %8.1f ms   ratio %.4f (%.0f× faster)", label,
				ours, referenceName, reference, ours / reference, reference / ours));
	}

	static boolean isoparserPresent() {
		try {
			Class.forName("org.mp4parser.IsoFile");
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	/** The same facts through isoparser, the library LIBRARIES.md lists, to decide between it and our walker. */
	static final class IsoparserProbe {

		static Object read(Path file) throws Exception {
			try (org.mp4parser.IsoFile iso = new org.mp4parser.IsoFile(file.toFile())) {
				org.mp4parser.boxes.iso14496.part12.MovieBox moov = iso.getMovieBox();
				var header = moov.getMovieHeaderBox();
				List<Object> facts = new ArrayList<>();
				facts.add((double) header.getDuration() / header.getTimescale());
				for (var track : moov.getBoxes(org.mp4parser.boxes.iso14496.part12.TrackBox.class)) {
					facts.add(track.getTrackHeaderBox().getWidth());
					facts.add(track.getTrackHeaderBox().getMatrix());
					facts.add(track.getSampleTableBox().getSampleDescriptionBox().getSampleEntry().getType());
					facts.add(track.getSampleTableBox().getSampleSizeBox().getSampleCount());
				}
				return facts;
			}
		}
	}
}
