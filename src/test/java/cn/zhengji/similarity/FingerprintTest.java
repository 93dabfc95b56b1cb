package cn.zhengji.similarity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 5 for video and images: copies made by Debian ffmpeg (another bit rate,
 * 720p, cropped by 5 %, 3 s cut from the start, a logo overlaid; JPEG re-encoded, scaled,
 * cropped) match their original through the same fingerprint and alignment the job uses;
 * 20 unrelated works do not match each other.
 */
class FingerprintTest {

	static final Path MEDIA = Path.of("target", "similarity-media");

	static Fingerprint original;

	@BeforeAll
	static void original() throws Exception {
		original = VideoPrint.of(SimilarityMedia.video(MEDIA, 1, 20));
	}

	@Test
	void theOriginalHasAKeyframeHashAboutEverySecond() {
		assertThat(original.kind()).isEqualTo(SimilarityKind.VIDEO);
		assertThat(original.durationMs()).isBetween(19_900L, 20_100L);
		assertThat(original.hashes()).hasSizeBetween(18, 21);
	}

	@Test
	void everyCopyOfItem5MatchesItsOriginal() throws Exception {
		for (Path copy : SimilarityMedia.copies(SimilarityMedia.video(MEDIA, 1, 20))) {
			Fingerprint print = VideoPrint.of(copy);
			SequenceMatch.Alignment alignment = align(print, original);
			assertThat(alignment).as(copy.getFileName().toString()).isNotNull();
			assertThat(alignment.similarity()).as(copy.getFileName() + " " + alignment)
				.isGreaterThanOrEqualTo(Matcher.VIDEO_MIN_SIMILARITY);
			if (copy.getFileName().toString().startsWith("cut3s")) {
				assertThat(alignment.otherStart() - alignment.start()).isBetween(2_000L, 4_000L);
			}
		}
	}

	@Test
	void twentyUnrelatedWorksDoNotMatchEachOther() throws Exception {
		List<Fingerprint> prints = new ArrayList<>();
		java.util.stream.IntStream.range(100, 120)
			.parallel()
			.forEach((seed) -> SimilarityMedia.video(MEDIA, seed, 6, 10, "320:180"));
		for (int seed = 100; seed < 120; seed++) {
			prints.add(VideoPrint.of(SimilarityMedia.video(MEDIA, seed, 6, 10, "320:180")));
		}
		int pairs = 0;
		for (int i = 0; i < prints.size(); i++) {
			for (int j = i + 1; j < prints.size(); j++) {
				SequenceMatch.Alignment alignment = align(prints.get(i), prints.get(j));
				boolean match = alignment != null && alignment.similarity() >= Matcher.VIDEO_MIN_SIMILARITY;
				assertThat(match).as("works %d and %d: %s", i, j, alignment).isFalse();
				pairs++;
			}
		}
		assertThat(pairs).isEqualTo(190);
	}

	@Test
	void imageCopiesMatchTheirOriginalAndUnrelatedImagesDoNot() throws Exception {
		Fingerprint image = ImagePrint.of(SimilarityMedia.image(MEDIA, 7));
		assertThat(image.hashes()).hasSize(3);
		for (Path copy : SimilarityMedia.imageCopies(SimilarityMedia.image(MEDIA, 7))) {
			assertThat(best(ImagePrint.of(copy), image)).as(copy.getFileName().toString())
				.isLessThanOrEqualTo(Matcher.IMAGE_DISTANCE);
		}
		List<Fingerprint> unrelated = new ArrayList<>();
		for (int seed = 200; seed < 220; seed++) {
			unrelated.add(ImagePrint.of(SimilarityMedia.image(MEDIA, seed)));
		}
		for (int i = 0; i < unrelated.size(); i++) {
			for (int j = i + 1; j < unrelated.size(); j++) {
				assertThat(best(unrelated.get(i), unrelated.get(j))).as("images %d and %d", i, j)
					.isGreaterThan(Matcher.IMAGE_DISTANCE);
			}
		}
	}

	static SequenceMatch.Alignment align(Fingerprint a, Fingerprint b) {
		return SequenceMatch.align(a.hashes(), b.hashes(), Matcher.VIDEO_DISTANCE, Matcher.VIDEO_BIN_MS,
				Matcher.VIDEO_TOLERANCE_MS, Matcher.VIDEO_MIN_MATCHED);
	}

	static int best(Fingerprint a, Fingerprint b) {
		int best = 64;
		for (Fingerprint.Hash x : a.hashes()) {
			for (Fingerprint.Hash y : b.hashes()) {
				best = Math.min(best, PerceptualHash.distance(x.value(), y.value()));
			}
		}
		return best;
	}

}
