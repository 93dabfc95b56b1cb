package cn.zhengji.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import cn.zhengji.media.BlindCopyException.Reason;
import cn.zhengji.support.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.zhengji.media.BlindCopyChecks.NAME;
import static cn.zhengji.media.BlindCopyChecks.assertNowhereIn;
import static cn.zhengji.media.BlindCopyChecks.blindCopy;
import static cn.zhengji.media.BlindCopyChecks.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The contract every format shares: content decides, failures leave nothing behind. */
class BlindCopiesTest {

	@TempDir
	Path directory;

	@Test
	void stripsByContentNotByFileName() {
		Path original = BlindCopyChecks.write(directory.resolve("photo.pdf"), BlindCopiesImageTest
			.withJpegMetadata(BlindCopiesImageTest.encode(BlindCopiesImageTest.picture(), "jpg"), 1));

		assertNowhereIn(blindCopy(original, directory), NAME);
	}

	@Test
	void refusesAnArchiveBecauseItsEntriesAreTheSubmittersOwnFiles() throws IOException {
		Path original = HostileFiles.zipWithEntries(directory, "works.zip", 3);

		assertRefusedLeavingNothing(original, Reason.UNSUPPORTED_FORMAT);
	}

	@Test
	void refusesAnMp4CutShort() throws IOException {
		Path original = HostileFiles.firstHalf(TestMedia.mp4(320, 240, 3, 5), directory, "cut.mp4");

		assertRefusedLeavingNothing(original, Reason.TRUNCATED);
	}

	@Test
	void refusesADamagedPdf() throws IOException {
		Path original = HostileFiles.write(directory, "broken.pdf",
				"%PDF-1.7\n1 0 obj << /Author (x) >>\nnot a pdf".getBytes(StandardCharsets.ISO_8859_1));

		assertRefusedLeavingNothing(original, Reason.DAMAGED);
	}

	@Test
	void keepsAnEarlierCopyWhenANewAttemptFails() throws Exception {
		Path target = directory.resolve("blind").resolve("work");
		Path good = BlindCopyChecks.write(directory.resolve("good.png"),
				BlindCopiesImageTest.encode(BlindCopiesImageTest.picture(), "png"));
		new BlindCopies().makeBlindCopy(good, target);
		String before = sha256(target);
		Path cut = HostileFiles.firstHalf(good, directory, "cut.png");

		assertThatExceptionOfType(BlindCopyException.class)
			.isThrownBy(() -> new BlindCopies().makeBlindCopy(cut, target));
		assertThat(sha256(target)).isEqualTo(before);
		try (Stream<Path> files = Files.list(target.getParent())) {
			assertThat(files).containsExactly(target);
		}
	}

	private void assertRefusedLeavingNothing(Path original, Reason reason) throws IOException {
		String before = sha256(original);
		Path target = directory.resolve("blind").resolve(original.getFileName());

		assertThatExceptionOfType(BlindCopyException.class)
			.isThrownBy(() -> new BlindCopies().makeBlindCopy(original, target))
			.extracting(BlindCopyException::reason)
			.isEqualTo(reason);
		assertThat(sha256(original)).isEqualTo(before);
		if (Files.isDirectory(target.getParent())) {
			try (Stream<Path> files = Files.list(target.getParent())) {
				assertThat(files).isEmpty();
			}
		}
	}

}
