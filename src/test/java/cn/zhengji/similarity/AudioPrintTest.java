package cn.zhengji.similarity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Copies of a 36 s song made by Debian's ffmpeg match the original with the right time
 * range; 20 unrelated songs match none of each other.
 */
class AudioPrintTest {

	private static final Logger log = LoggerFactory.getLogger(AudioPrintTest.class);

	private static final long SEED = 2024;

	private static final int SECONDS = 36;

	private static Path original;

	private static AudioPrint print;

	@BeforeAll
	static void fingerprintOriginal() throws Exception {
		original = GeneratedSongs.ffmpeg(GeneratedSongs.song(SEED, SECONDS), "original.m4a", "-c:a", "aac", "-b:a",
				"192k");
		print = AudioPrint.ofFile(original);
	}

	@Test
	void printsOneSubFingerprintPerHopOfMonoAt11025Hz() throws Exception {
		AudioPrint print = AudioPrint.ofFile(GeneratedSongs.song(SEED, SECONDS));
		// 36 s at 11 025 Hz: (396 900 − 4096) / 512 + 1 windows, the first only starts
		// the differences
		assertThat(print.length()).isEqualTo((SECONDS * 11_025 - 4096) / 512);
		assertThat(print.durationMs()).isEqualTo(SECONDS * 1000L);
		Fingerprint stored = print.fingerprint();
		assertThat(stored.kind()).isEqualTo(SimilarityKind.AUDIO);
		assertThat(stored.hashes()).hasSize(print.length() / 2);
		assertThat(stored.hashes().get(1)).isEqualTo(new Fingerprint.Hash(93,
				(Integer.toUnsignedLong(print.subprints()[2]) << 32) | Integer.toUnsignedLong(print.subprints()[3])));
		// an odd last sub-fingerprint has no pair to be stored with
		assertThat(print.length() % 2).isOne();
		assertThat(AudioPrint.ofHashes(stored.hashes()).subprints())
			.isEqualTo(Arrays.copyOf(print.subprints(), print.length() - 1));
	}

	@Test
	void mp3At64KbpsMatchesTheWholeSong() throws Exception {
		AudioPrint.Match match = matchOf(
				GeneratedSongs.ffmpeg(original, "mp3-64k.mp3", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k"));
		assertThat(match.offsetMillis()).isBetween(-46L, 46L);
		assertThat(match.startSecondsA()).isLessThan(1.5);
		assertThat(match.endSecondsA()).isGreaterThan(SECONDS - 1.5);
		assertThat(match.similarity()).isGreaterThan(0.6);
	}

	@Test
	void aacCopyMatches() throws Exception {
		AudioPrint.Match match = matchOf(
				GeneratedSongs.ffmpeg(GeneratedSongs.song(SEED, SECONDS), "aac-96k.m4a", "-c:a", "aac", "-b:a", "96k"));
		assertThat(match.offsetMillis()).isBetween(-46L, 46L);
		assertThat(match.similarity()).isGreaterThan(0.6);
	}

	@Test
	void quieterCopyMatches() throws Exception {
		AudioPrint.Match match = matchOf(GeneratedSongs.ffmpeg(original, "quieter.mp3", "-af", "volume=-3dB", "-c:a",
				"libmp3lame", "-b:a", "128k"));
		assertThat(match.offsetMillis()).isBetween(-46L, 46L);
		assertThat(match.similarity()).isGreaterThan(0.6);
	}

	@Test
	void copyWithThreeSecondsCutFromTheStartMatchesAtThreeSeconds() throws Exception {
		AudioPrint.Match match = matchOf(
				GeneratedSongs.ffmpeg(original, "cut-3s.mp3", "-ss", "3", "-c:a", "libmp3lame", "-b:a", "128k"));
		// the original (A) has the material 3 s later than the cut copy (B)
		assertThat(match.offsetMillis()).isBetween(2954L, 3046L);
		assertThat(match.startSecondsA()).isCloseTo(3 + match.startSecondsB(), within(0.05));
		assertThat(match.startSecondsB()).isLessThan(1.5);
		assertThat(match.endSecondsA()).isGreaterThan(SECONDS - 1.5);
		assertThat(match.similarity()).isGreaterThan(0.6);
	}

	@Test
	void twentyUnrelatedSongsMatchNoneOfEachOther() throws Exception {
		List<AudioPrint> prints = new ArrayList<>();
		for (int seed = 1; seed <= 20; seed++) {
			prints.add(AudioPrint.ofFile(GeneratedSongs.ffmpeg(GeneratedSongs.song(seed, 20), "other-" + seed + ".mp3",
					"-c:a", "libmp3lame", "-b:a", "128k")));
		}
		prints.add(print);
		List<String> matches = new ArrayList<>();
		for (int i = 0; i < prints.size(); i++) {
			for (int j = i + 1; j < prints.size(); j++) {
				Optional<AudioPrint.Match> match = prints.get(i).matchAgainst(prints.get(j));
				if (match.isPresent()) {
					matches.add(i + "~" + j + " " + match.get());
				}
			}
		}
		assertThat(matches).isEmpty();
	}

	private static AudioPrint.Match matchOf(Path copy) throws Exception {
		Optional<AudioPrint.Match> match = print.matchAgainst(AudioPrint.ofFile(copy));
		assertThat(match).isPresent();
		log.info("{} {} similarity {}", copy.getFileName(), match.get(), match.get().similarity());
		return match.get();
	}

}
