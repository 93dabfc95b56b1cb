package cn.zhengji.similarity;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * Issue 15 item 5: test media made with Debian {@code ffmpeg}, an encoder independent of
 * the code under test. Each "work" is a still of its own (smooth random colour fields and
 * shapes from a seed, drawn here) that the camera pans across; unrelated works have
 * different seeds. Copies of a work: another bit rate, scaled to 720p, cropped by 5 %, 3
 * s cut from the start, a logo overlaid. Made once per directory and kept.
 */
final class SimilarityMedia {

	private SimilarityMedia() {
	}

	/** A still of its own for the seed, 960×540 PNG. */
	static Path still(Path directory, long seed) {
		Path file = directory.resolve("still-" + seed + ".png");
		if (Files.exists(file)) {
			return file;
		}
		Random random = new Random(seed);
		BufferedImage coarse = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 9; y++) {
			for (int x = 0; x < 16; x++) {
				coarse.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		BufferedImage still = new BufferedImage(960, 540, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = still.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.drawImage(coarse, 0, 0, 960, 540, null);
		for (int i = 0; i < 12; i++) {
			g.setColor(new Color(random.nextInt(0x1000000)));
			int w = 60 + random.nextInt(220);
			int h = 60 + random.nextInt(220);
			int x = random.nextInt(960 - w);
			int y = random.nextInt(540 - h);
			if (random.nextBoolean()) {
				g.fillOval(x, y, w, h);
			}
			else {
				g.fillRect(x, y, w, h);
			}
		}
		g.dispose();
		try {
			Files.createDirectories(directory);
			ImageIO.write(still, "png", file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * A work: {@code seconds} of 640×360 H.264 at 25 fps, keyframe every second, the
	 * camera panning across the seed's still.
	 */
	static Path video(Path directory, long seed, int seconds) {
		return video(directory, seed, seconds, 25, "640:360");
	}

	/**
	 * A work at {@code fps} frames a second and the given size, keyframe every second,
	 * the camera panning across the seed's still (the same pan speed per second).
	 */
	static Path video(Path directory, long seed, int seconds, int fps, String size) {
		Path file = directory
			.resolve("work-" + seed + "-" + seconds + "-" + fps + "-" + size.replace(':', 'x') + ".mp4");
		if (!Files.exists(file)) {
			Path still = still(directory, seed);
			double h = 0.02 / fps;
			ffmpeg("-loop", "1", "-framerate", String.valueOf(fps), "-i", still.toString(), "-t",
					String.valueOf(seconds), "-vf",
					String.format(java.util.Locale.ROOT,
							"scroll=h=%.5f:v=%.5f,crop=720:405:0:0,scale=%s,format=yuv420p", h, h / 2, size),
					"-c:v", "libx264", "-preset", "ultrafast", "-g", String.valueOf(fps), "-b:v", "1500k",
					file.toString());
		}
		return file;
	}

	/** A copy of a video made by ffmpeg with the given filters and options. */
	static Path copy(Path original, String name, String... options) {
		Path file = original.resolveSibling(name + "-" + original.getFileName());
		if (!Files.exists(file)) {
			List<String> arguments = new ArrayList<>(List.of(options));
			arguments.add(file.toString());
			List<String> all = new ArrayList<>(List.of("-i", original.toString()));
			all.addAll(arguments);
			ffmpeg(all.toArray(String[]::new));
		}
		return file;
	}

	/** The five copies of item 5, by name. */
	static List<Path> copies(Path original) {
		List<String[]> specs = List.of(
				new String[] { "bitrate", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-b:v", "300k" },
				new String[] { "720p", "-vf", "scale=1280:720", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25" },
				new String[] { "crop5", "-vf", "crop=iw*0.95:ih*0.95,scale=640:360", "-c:v", "libx264", "-preset",
						"ultrafast", "-g", "25" },
				new String[] { "cut3s", "-ss", "3", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25" },
				new String[] { "logo", "-vf",
						"drawbox=x=iw-150:y=16:w=130:h=50:color=white@0.9:t=fill,"
								+ "drawbox=x=iw-140:y=26:w=110:h=30:color=red@0.9:t=fill",
						"-c:v", "libx264", "-preset", "ultrafast", "-g", "25" });
		return specs.parallelStream()
			.map((spec) -> copy(original, spec[0], java.util.Arrays.copyOfRange(spec, 1, spec.length)))
			.toList();
	}

	/** An image of the seed as JPEG, 1024×576. */
	static Path image(Path directory, long seed) {
		Path file = directory.resolve("image-" + seed + ".jpg");
		if (!Files.exists(file)) {
			ffmpeg("-i", still(directory, seed).toString(), "-vf", "scale=1024:576", "-q:v", "3", file.toString());
		}
		return file;
	}

	/** Copies of an image: re-encoded JPEG at low quality, scaled, cropped by 5 %. */
	static List<Path> imageCopies(Path original) {
		return List.of(copy(original, "q20", "-q:v", "20"), copy(original, "scaled", "-vf", "scale=640:360"),
				copy(original, "crop5", "-vf", "crop=iw*0.95:ih*0.95"));
	}

	static void ffmpeg(String... arguments) {
		List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("ffmpeg failed: " + command + "\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
