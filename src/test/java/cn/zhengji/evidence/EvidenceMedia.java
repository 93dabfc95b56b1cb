package cn.zhengji.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test videos of the evidence, made once per build with Debian's {@code ffmpeg} (an
 * encoder independent of the code under test) into {@code target/test-media}: 24 s,
 * 640×360, 25 frame/s, a keyframe every second, moving content everywhere, and a title
 * card over the first 4 s.
 */
final class EvidenceMedia {

	private static final Path CACHE = Path.of("target", "test-media");

	private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

	/** The moving picture: a Mandelbrot zoom (changes everywhere, corners included). */
	private static final String BASE = "mandelbrot=s=320x180:r=12.5:start_scale=2.5:end_scale=0.05:maxiter=100,"
			+ "scale=640:360,fps=25";

	private static final String TITLE = "drawtext=fontfile=" + FONT
			+ ":text='LABOUR SONG':fontsize=44:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=12"
			+ ":x=(w-tw)/2:y=(h-th)/2:enable='lt(t,4)'";

	/**
	 * A station logo in the top-right corner: a white plate with black marks, all along.
	 */
	private static final String LOGO = "drawbox=x=iw-90:y=10:w=78:h=34:color=white:t=fill,"
			+ "drawbox=x=iw-84:y=16:w=22:h=22:color=black:t=fill," + "drawbox=x=iw-56:y=16:w=38:h=6:color=black:t=fill,"
			+ "drawbox=x=iw-56:y=30:w=28:h=6:color=black:t=fill";

	private EvidenceMedia() {
	}

	/** With a static logo in the top-right corner. */
	static Path watermarked() {
		return made("evidence-watermarked.mp4", "-f", "lavfi", "-i", BASE, "-vf", TITLE + "," + LOGO);
	}

	/** Without any logo. */
	static Path clean() {
		return made("evidence-clean.mp4", "-f", "lavfi", "-i", BASE, "-vf", TITLE);
	}

	/**
	 * Without a logo, but a high-contrast square moving through all four corners (a
	 * bouncing object, not a watermark).
	 */
	static Path movingCorners() {
		return made("evidence-moving.mp4", "-f", "lavfi", "-i", BASE, "-f", "lavfi", "-i",
				"color=c=white:s=70x50:r=25,drawbox=x=10:y=10:w=50:h=30:color=black:t=fill", "-filter_complex",
				"[0][1]overlay=x='(W-w)*abs(sin(t*0.9))':y='(H-h)*abs(cos(t*0.7))':shortest=1," + TITLE);
	}

	/**
	 * The watermarked video filmed "sideways": the same stream with a display matrix
	 * turning it by 90° (a phone held upright); a player shows the logo top left.
	 */
	static Path rotated() {
		Path target = CACHE.resolve("evidence-rotated.mp4").toAbsolutePath();
		if (!Files.isRegularFile(target)) {
			Path partial = CACHE.resolve("evidence-rotated.part" + ProcessHandle.current().pid() + ".mp4")
				.toAbsolutePath();
			run(List.of("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", watermarked().toString(),
					"-c", "copy", "-metadata:s:v:0", "rotate=90", partial.toString()));
			try {
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return target;
	}

	/**
	 * The frame ffmpeg shows at this time, 320×180 grey values (an independent decoder).
	 */
	static int[] referenceFrame(Path video, double seconds) {
		try {
			Path png = Files.createTempFile("evidence-reference", ".png");
			run(List.of("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-ss", String.valueOf(seconds),
					"-i", video.toString(), "-frames:v", "1", "-s", "320x180", png.toString()));
			int[] grey = FrameExtractor.grey(javax.imageio.ImageIO.read(png.toFile()));
			Files.delete(png);
			return grey;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Path made(String name, String... arguments) {
		Path target = CACHE.resolve(name).toAbsolutePath();
		if (Files.isRegularFile(target)) {
			return target;
		}
		try {
			Files.createDirectories(CACHE);
			Path partial = CACHE.resolve(name + ".part" + ProcessHandle.current().pid() + ".mp4").toAbsolutePath();
			List<String> command = new ArrayList<>(
					List.of("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
			command.addAll(List.of(arguments));
			command.addAll(List.of("-t", "24", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "28", "-g", "25",
					"-pix_fmt", "yuv420p", partial.toString()));
			run(command);
			return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (InputStream in = process.getInputStream()) {
				in.transferTo(out);
			}
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(command + " failed: " + out.toString(StandardCharsets.UTF_8));
			}
			return out.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
