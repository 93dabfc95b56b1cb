package cn.zhengji.playback;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 item 3: web copies made with bytedeco's FFmpeg from inputs made by Debian's
 * ffmpeg, checked with ffprobe and our own walk over the boxes.
 */
class TranscoderTest {

	private final Transcoder transcoder = new Transcoder();

	@TempDir
	Path work;

	@Test
	void theFfmpegBuildHasTheEncodersTheCopiesNeed() {
		assertThat(Transcoder.encodersAvailable()).isTrue();
	}

	@Test
	void encodesA1440pHevcMatroskaVideoAsFastStartH264AacAt1080pWithAPoster() throws Exception {
		Path source = PlaybackMedia.hevc1440Mkv();
		String before = sha256(source);
		List<Integer> progress = new ArrayList<>();

		Transcoder.Result result = transcoder.transcode(source, "video/x-matroska", work, progress::add);

		assertThat(result.reencoded()).isTrue();
		assertThat(result.contentType()).isEqualTo("video/mp4");
		assertThat(result.width()).isEqualTo(1920);
		assertThat(result.height()).isEqualTo(1080);
		assertThat(PlaybackMedia.streams(result.copy())).containsExactly("h264,Constrained Baseline,video,1920,1080",
				"aac,LC,audio");
		assertFastStart(result.copy());
		BufferedImage poster = ImageIO.read(result.poster().toFile());
		assertThat(poster.getWidth()).isEqualTo(1280);
		assertThat(poster.getHeight()).isEqualTo(720);
		assertThat(progress).isNotEmpty().isSorted();
		assertThat(progress.get(progress.size() - 1)).isBetween(80, 99);
		assertThat(sha256(source)).isEqualTo(before);
	}

	@Test
	void scalesA2kProResVideoDownToEvenDimensionsKeepingItsAspect() throws Exception {
		Transcoder.Result result = transcoder.transcode(PlaybackMedia.prores2kMov(), "video/quicktime", work,
				(percent) -> {
				});

		assertThat(result.reencoded()).isTrue();
		assertThat(PlaybackMedia.streams(result.copy())).containsExactly("h264,Constrained Baseline,video,1920,1012",
				"aac,LC,audio");
		assertFastStart(result.copy());
		assertThat(ImageIO.read(result.poster().toFile()).getWidth()).isEqualTo(1280);
	}

	@Test
	void onlyRemuxesAWebReadyMp4AndMovesItsIndexToTheFront() throws Exception {
		Path source = PlaybackMedia.h264Mp4IndexLast();
		assertThat(PlaybackMedia.topLevelBoxes(source)).containsSubsequence("mdat", "moov");

		Transcoder.Result result = transcoder.transcode(source, "video/mp4", work, (percent) -> {
		});

		assertThat(result.reencoded()).isFalse();
		assertThat(PlaybackMedia.streams(result.copy())).containsExactly("h264,Constrained Baseline,video,1280,720",
				"aac,LC,audio");
		assertFastStart(result.copy());
		assertThat(ImageIO.read(result.poster().toFile()).getWidth()).isEqualTo(1280);
	}

	@Test
	void keepsThePhonesRotationAndDrawsThePosterUpright() throws Exception {
		Path source = PlaybackMedia.rotatedHevcMp4();
		assertThat(PlaybackMedia.rotation(source)).isEqualTo("90");

		Transcoder.Result result = transcoder.transcode(source, "video/mp4", work, (percent) -> {
		});

		assertThat(result.reencoded()).isTrue();
		assertThat(PlaybackMedia.rotation(result.copy())).isEqualTo("90");
		BufferedImage poster = ImageIO.read(result.poster().toFile());
		BufferedImage reference = ImageIO
			.read(PlaybackMedia.referenceFrame(source, 1.0, work.resolve("reference.png")).toFile());
		assertThat(poster.getWidth()).isEqualTo(720);
		assertThat(poster.getHeight()).isEqualTo(1280);
		assertThat(reference.getWidth()).isEqualTo(720);
		// the colour bars run the same way as in ffmpeg's upright frame
		for (int y = 100; y < 1280; y += 200) {
			assertThat(close(poster.getRGB(20, y), reference.getRGB(20, y))).as("row %d", y).isTrue();
		}
	}

	private static boolean close(int a, int b) {
		for (int shift = 0; shift <= 16; shift += 8) {
			if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 40) {
				return false;
			}
		}
		return true;
	}

	@Test
	void keepsAnMp3AsMp3WithoutItsTags() throws Exception {
		Path source = PlaybackMedia.mp3WithTags();
		assertThat(new String(Files.readAllBytes(source), StandardCharsets.UTF_8)).contains("张三");

		Transcoder.Result result = transcoder.transcode(source, "audio/mpeg", work, (percent) -> {
		});

		assertThat(result.contentType()).isEqualTo("audio/mpeg");
		assertThat(result.poster()).isNull();
		assertThat(PlaybackMedia.streams(result.copy())).containsExactly("mp3,unknown,audio");
		byte[] copy = Files.readAllBytes(result.copy());
		assertThat(new String(copy, StandardCharsets.UTF_8)).doesNotContain("张三");
		assertThat(new String(copy, StandardCharsets.UTF_16)).doesNotContain("张三");
	}

	@Test
	void encodesAWavFileAsFastStartAacInM4a() throws Exception {
		Transcoder.Result result = transcoder.transcode(PlaybackMedia.wav(), "audio/wav", work, (percent) -> {
		});

		assertThat(result.contentType()).isEqualTo("audio/mp4");
		assertThat(result.extension()).isEqualTo("m4a");
		assertThat(PlaybackMedia.streams(result.copy())).containsExactly("aac,LC,audio");
		assertFastStart(result.copy());
	}

	@Test
	void refusesABrokenFileWithAReasonAndLeavesItAlone() throws Exception {
		Path source = work.resolve("broken.mp4");
		byte[] head = Files.readAllBytes(PlaybackMedia.h264Mp4IndexLast());
		byte[] broken = new byte[4096];
		System.arraycopy(head, 0, broken, 0, 64);
		for (int i = 64; i < broken.length; i++) {
			broken[i] = (byte) (i * 31);
		}
		Files.write(source, broken);
		String before = sha256(source);
		Path output = Files.createDirectory(work.resolve("out"));

		assertThatThrownBy(() -> transcoder.transcode(source, "video/mp4", output, (percent) -> {
		})).isInstanceOfSatisfying(TranscodeException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(TranscodeException.Reason.UNREADABLE));
		assertThat(sha256(source)).isEqualTo(before);
	}

	@Test
	void fitsSizesWithinFullHdKeepingTheAspectAndEvenSides() {
		assertThat(Transcoder.fit(3840, 2160)).containsExactly(1920, 1080);
		assertThat(Transcoder.fit(2160, 3840)).containsExactly(1080, 1920);
		assertThat(Transcoder.fit(1920, 1080)).containsExactly(1920, 1080);
		assertThat(Transcoder.fit(1281, 721)).containsExactly(1280, 720);
		assertThat(Transcoder.fit(4096, 2160)).containsExactly(1920, 1012);
		assertThat(Transcoder.fit(1440, 1440)).containsExactly(1080, 1080);
	}

	static void assertFastStart(Path mp4) throws IOException {
		List<String> boxes = PlaybackMedia.topLevelBoxes(mp4);
		assertThat(boxes).contains("moov", "mdat");
		assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
	}

	static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
