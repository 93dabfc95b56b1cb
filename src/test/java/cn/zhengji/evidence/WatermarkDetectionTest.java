package cn.zhengji.evidence;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 3: the frames FFmpeg gives and the pre-flag on videos made with Debian's
 * {@code ffmpeg}: a logo in a corner is found in that corner, a clean video and one with
 * a high-contrast object moving through the corners are not flagged.
 */
class WatermarkDetectionTest {

	@Test
	void aLogoInTheTopRightCornerIsPreFlaggedThereInEverySampledFrame() throws Exception {
		Optional<WatermarkDetector.Finding> finding = detect(EvidenceMedia.watermarked());

		assertThat(finding).isPresent();
		assertThat(finding.get().corner()).isEqualTo(Corner.TOP_RIGHT);
		assertThat(finding.get().sampled()).isEqualTo(16);
		assertThat(finding.get().frames()).isEqualTo(16);
	}

	@Test
	void aVideoWithADisplayRotationIsJudgedAsItIsShown() throws Exception {
		// ffmpeg (auto-rotating) shows this file 360×640 with the logo top left
		Optional<WatermarkDetector.Finding> finding = detect(EvidenceMedia.rotated());

		assertThat(finding).map(WatermarkDetector.Finding::corner).contains(Corner.TOP_LEFT);
	}

	@Test
	void aCleanVideoIsNotFlagged() throws Exception {
		assertThat(detect(EvidenceMedia.clean())).isEmpty();
	}

	@Test
	void anObjectMovingThroughTheCornersIsNotAWatermark() throws Exception {
		assertThat(detect(EvidenceMedia.movingCorners())).isEmpty();
	}

	@Test
	void theOpeningStripHoldsAFrameEveryTwoSecondsOfTheFirstFifteenAndTheSamplesSpanTheWork() throws Exception {
		FrameExtractor.Frames frames = new FrameExtractor().extract(EvidenceMedia.clean());

		assertThat(frames.durationMillis()).isEqualTo(24_000);
		assertThat(frames.opening()).extracting(FrameExtractor.Timed::atMillis)
			.containsExactly(0L, 2_000L, 4_000L, 6_000L, 8_000L, 10_000L, 12_000L, 14_000L);
		for (FrameExtractor.Timed frame : frames.opening()) {
			assertThat(frame.image().getWidth()).isEqualTo(320);
			assertThat(frame.image().getHeight()).isEqualTo(180);
			// the picture ffmpeg shows at that time (the zoom changes it a lot in 2 s)
			int[] ours = FrameExtractor.grey(frame.image());
			int[] reference = EvidenceMedia.referenceFrame(EvidenceMedia.clean(), frame.atMillis() / 1000.0);
			double difference = 0;
			for (int i = 0; i < ours.length; i++) {
				difference += Math.abs(ours[i] - reference[i]);
			}
			assertThat(difference / ours.length).as("mean grey difference at %d ms", frame.atMillis()).isLessThan(8);
		}
		// a keyframe every second: the one nearest the middle of each 1.5 s span
		assertThat(frames.samples()).hasSize(16);
		assertThat(frames.samples()).extracting(FrameExtractor.Timed::atMillis)
			.containsExactly(1_000L, 2_000L, 4_000L, 5_000L, 7_000L, 8_000L, 10_000L, 11_000L, 13_000L, 14_000L,
					16_000L, 17_000L, 19_000L, 20_000L, 22_000L, 23_000L);
		assertThat(frames.samples().getFirst().image().getWidth()).isEqualTo(640);
	}

	private static Optional<WatermarkDetector.Finding> detect(Path video) throws Exception {
		FrameExtractor.Frames frames = new FrameExtractor().extract(video);
		List<int[]> grey = frames.samples()
			.stream()
			.map((sample) -> FrameExtractor.grey(FrameExtractor.resize(sample.image(), sample.image().getWidth() / 2,
					sample.image().getHeight() / 2)))
			.toList();
		int width = frames.samples().getFirst().image().getWidth() / 2;
		int height = frames.samples().getFirst().image().getHeight() / 2;
		Optional<WatermarkDetector.Finding> finding = WatermarkDetector.detect(grey, width, height);
		org.slf4j.LoggerFactory.getLogger(WatermarkDetectionTest.class).info("{} → {}", video.getFileName(), finding);
		return finding;
	}

}
