package cn.zhengji.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real audio and video files made by Debian's {@code ffmpeg} (installed by
 * {@code .ci/run}), an encoder independent of the code under test. Files are cached under
 * {@code target/test-media} by their parameters, so each is made once per build. Like
 * phone cameras, ffmpeg writes the index (moov) at the end of the file unless asked
 * otherwise.
 */
public final class TestMedia {

	private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

	private static final Path CACHE = Path.of("target", "test-media");

	private TestMedia() {
	}

	/**
	 * An H.264/AAC MP4 with a moving test picture and a tone.
	 * @param framesPerSecond low rates keep long test videos quick to make; the checks do
	 * not depend on it
	 */
	public static Path mp4(int width, int height, int seconds, int framesPerSecond) {
		String name = "video-%dx%d-%ds-%dfps.mp4".formatted(width, height, seconds, framesPerSecond);
		return cached(name, target -> video(width, height, seconds, framesPerSecond, 128, target));
	}

	/**
	 * The same with the sound encoded as AAC at the given bit rate, as phones record it
	 * (64–96 kbps is common).
	 */
	public static Path mp4(int width, int height, int seconds, int framesPerSecond, int audioKbps) {
		String name = "video-%dx%d-%ds-%dfps-aac%dk.mp4".formatted(width, height, seconds, framesPerSecond, audioKbps);
		return cached(name, target -> video(width, height, seconds, framesPerSecond, audioKbps, target));
	}

	private static List<String> video(int width, int height, int seconds, int framesPerSecond, int audioKbps,
			Path target) {
		return List.of("-f", "lavfi", "-i", "testsrc2=size=%dx%d:rate=%d".formatted(width, height, framesPerSecond),
				"-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", String.valueOf(seconds), "-c:v",
				"libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", audioKbps + "k",
				"-shortest", target.toString());
	}

	/** A constant-bit-rate MP3 tone. */
	public static Path mp3(int seconds, int bitRateKbps, int sampleRateHz) {
		String name = "audio-%ds-%dk-%dhz.mp3".formatted(seconds, bitRateKbps, sampleRateHz);
		return cached(name,
				target -> List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=%d".formatted(sampleRateHz),
						"-t", String.valueOf(seconds), "-c:a", "libmp3lame", "-b:a", bitRateKbps + "k",
						target.toString()));
	}

	/**
	 * A copy of a cached file under a new name in {@code directory}, for tests that
	 * change or rename files.
	 */
	public static Path copy(Path source, Path directory, String fileName) {
		try {
			Files.createDirectories(directory);
			return Files.copy(source, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private interface Arguments {

		List<String> forTarget(Path target);

	}

	private static synchronized Path cached(String name, Arguments arguments) {
		Path target = CACHE.resolve(name).toAbsolutePath();
		if (Files.isRegularFile(target)) {
			return target;
		}
		if (!Files.isExecutable(FFMPEG)) {
			throw new IllegalStateException(
					FFMPEG + " is missing: run the tests through .ci/run, which installs Debian's ffmpeg");
		}
		try {
			Files.createDirectories(CACHE);
			Path partial = CACHE
				.resolve(name + ".part." + ProcessHandle.current().pid() + "."
						+ name.substring(name.lastIndexOf('.') + 1))
				.toAbsolutePath();
			List<String> command = new ArrayList<>(
					List.of(FFMPEG.toString(), "-hide_banner", "-loglevel", "error", "-y"));
			command.addAll(arguments.forTarget(partial));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(CACHE.resolve(name + ".log").toFile())
				.start();
			if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("ffmpeg failed for " + name + ", see " + CACHE.resolve(name + ".log"));
			}
			return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
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
