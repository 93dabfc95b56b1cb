import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Times cn.zhengji.playback.Transcoder (package-private, reached by reflection) on a clip that must be
 * encoded again and on one that is only re-muxed, and prints them beside Debian ffmpeg's time.
 * Usage: java --source 21 -cp <classes:deps> PlaybackBench.java encode.mkv remux.mp4 outDir ffmpegSeconds
 */
public class PlaybackBench {

	public static void main(String[] args) throws Exception {
		Class<?> type = Class.forName("cn.zhengji.playback.Transcoder");
		Constructor<?> constructor = type.getDeclaredConstructor();
		constructor.setAccessible(true);
		Object transcoder = constructor.newInstance();
		Method transcode = type.getDeclaredMethod("transcode", Path.class, String.class, Path.class, IntConsumer.class);
		transcode.setAccessible(true);
		Path out = Path.of(args[2]);
		double ffmpeg = Double.parseDouble(args[3]);

		double encode = run(transcode, transcoder, Path.of(args[0]), "video/x-matroska", out.resolve("playback-ours"));
		double remux = run(transcode, transcoder, Path.of(args[1]), "video/mp4", out.resolve("playback-remux"));
		System.out.printf(Locale.ROOT, "60 s 1080p30 HEVC/Opus MKV -> H.264/AAC MP4 faststart + poster%n");
		System.out.printf(Locale.ROOT, "  Debian ffmpeg libx264 veryfast: %6.1f s%n", ffmpeg);
		System.out.printf(Locale.ROOT, "  Transcoder (OpenH264, JavaCV):  %6.1f s   ratio ours/ffmpeg = %.2f%n", encode,
				encode / ffmpeg);
		System.out.printf(Locale.ROOT, "  web-ready 60 s 1080p H.264 MP4, re-mux + poster: %.2f s%n", remux);
	}

	static double run(Method transcode, Object transcoder, Path source, String contentType, Path directory)
			throws Exception {
		Files.createDirectories(directory);
		long start = System.nanoTime();
		transcode.invoke(transcoder, source, contentType, directory, (IntConsumer) (percent) -> {
		});
		return (System.nanoTime() - start) / 1e9;
	}

}
