package cn.zhengji.playback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test inputs made by Debian's {@code ffmpeg} (an encoder independent of the code under
 * test, cached under {@code target/test-media}) and the independent checks of a copy:
 * {@code ffprobe}'s view of its streams and our own walk over its top-level boxes.
 */
final class PlaybackMedia {

	private static final Path CACHE = Path.of("target", "test-media");

	private PlaybackMedia() {
	}

	/** A 1440p HEVC video with Opus sound in Matroska, 2 s. */
	static Path hevc1440Mkv() {
		return made("playback-hevc-2560x1440-2s.mkv", "-f", "lavfi", "-i", "testsrc2=size=2560x1440:rate=25", "-f",
				"lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:v", "libx265", "-preset",
				"ultrafast", "-x265-params", "log-level=error", "-c:a", "libopus", "-shortest");
	}

	/** A DCI 2K ProRes video with PCM sound in QuickTime, 2 s. */
	static Path prores2kMov() {
		return made("playback-prores-2048x1080-2s.mov", "-f", "lavfi", "-i", "testsrc2=size=2048x1080:rate=25", "-f",
				"lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:v", "prores_ks", "-profile:v",
				"0", "-c:a", "pcm_s16le", "-shortest");
	}

	/**
	 * A web-ready H.264/AAC 720p MP4 with the index at the end (as phones write it), 2 s.
	 */
	static Path h264Mp4IndexLast() {
		return made("playback-h264-1280x720-2s.mp4", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f",
				"lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "2", "-c:v", "libx264", "-preset",
				"ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
	}

	/**
	 * A 720p HEVC video shot "sideways" as phones record portrait: landscape frames with
	 * a display matrix turning them by 90°, 2 s.
	 */
	static Path rotatedHevcMp4() {
		Path frames = made("playback-hevc-1280x720-2s.mp4", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-t",
				"2", "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error");
		return made("playback-hevc-rotated-2s.mp4", "-i", frames.toString(), "-c", "copy", "-metadata:s:v:0",
				"rotate=90");
	}

	/**
	 * The frame at {@code seconds} as Debian ffmpeg shows it (turned upright), as PNG.
	 */
	static Path referenceFrame(Path video, double seconds, Path target) {
		run(List.of("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-ss", String.valueOf(seconds), "-i",
				video.toString(), "-frames:v", "1", target.toString()));
		return target;
	}

	/** ffprobe's rotation of the first video stream's display matrix, or empty. */
	static String rotation(Path file) {
		return run(List.of("/usr/bin/ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
				"stream_side_data=rotation", "-of", "csv=p=0", file.toString()))
			.strip();
	}

	/** An MP3 with an ID3 title naming its author, 3 s. */
	static Path mp3WithTags() {
		return made("playback-tagged-3s.mp3", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "3",
				"-c:a", "libmp3lame", "-b:a", "128k", "-metadata", "title=张三之歌", "-metadata", "artist=张三");
	}

	/** A WAV file, 3 s. */
	static Path wav() {
		return made("playback-3s.wav", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "3");
	}

	static Path made(String name, String... arguments) {
		Path target = CACHE.resolve(name).toAbsolutePath();
		if (Files.isRegularFile(target)) {
			return target;
		}
		try {
			Files.createDirectories(CACHE);
			String extension = name.substring(name.lastIndexOf('.'));
			Path partial = CACHE.resolve(name + ".part" + ProcessHandle.current().pid() + extension).toAbsolutePath();
			List<String> command = new ArrayList<>(
					List.of("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
			command.addAll(List.of(arguments));
			command.add(partial.toString());
			run(command);
			return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * ffprobe's one line per stream: codec name, profile, type, width, height (empty
	 * fields for audio).
	 */
	static List<String> streams(Path file) {
		String out = run(List.of("/usr/bin/ffprobe", "-v", "error", "-show_entries",
				"stream=codec_type,codec_name,profile,width,height", "-of", "csv=p=0", file.toString()));
		return out.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/** The top-level box types of an ISO BMFF file, in order. */
	static List<String> topLevelBoxes(Path file) throws IOException {
		List<String> types = new ArrayList<>();
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long position = 0;
			long length = in.length();
			while (position + 8 <= length) {
				in.seek(position);
				long size = Integer.toUnsignedLong(in.readInt());
				byte[] type = new byte[4];
				in.readFully(type);
				if (size == 1) {
					size = in.readLong();
				}
				else if (size == 0) {
					size = length - position;
				}
				if (size < 8) {
					throw new IOException("bad box size " + size + " at " + position);
				}
				types.add(new String(type, StandardCharsets.ISO_8859_1));
				position += size;
			}
			if (position != length) {
				throw new IOException("boxes end at " + position + ", the file at " + length);
			}
		}
		return types;
	}

	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (InputStream in = process.getInputStream()) {
				in.transferTo(out);
			}
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
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
