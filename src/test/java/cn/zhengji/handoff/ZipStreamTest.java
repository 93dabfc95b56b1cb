package cn.zhengji.handoff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The package's ZIP writer: its length is known before the first byte and is the length
 * written; the JDK's readers and Debian's {@code unzip -t} accept what it writes, ZIP64
 * included (an entry over 4 GiB, written as a sparse file; more than 65 535 entries); a
 * STORED entry whose bytes differ from its header breaks the stream.
 */
class ZipStreamTest {

	private static final LocalDateTime TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

	@Test
	void smallEntriesAreReadBackByTheJdkWithTheirMethodsSizesAndTime() throws IOException {
		byte[] video = "一段视频的字节".repeat(1000).getBytes(StandardCharsets.UTF_8);
		byte[] text = "推荐清单".repeat(500).getBytes(StandardCharsets.UTF_8);
		byte[] deflated = deflate(text);
		ZipStream zip = new ZipStream(List.of(
				ZipStream.Entry.stored("微视频/001-作品/作品1.mp4", video.length, () -> crc(video),
						(out, from, count) -> out.write(video, (int) from, (int) count)),
				new ZipStream.Entry("微视频/推荐清单.xlsx", ZipStream.Method.DEFLATED, text.length, deflated.length,
						() -> crc(text), (out, from, count) -> out.write(deflated, (int) from, (int) count)),
				ZipStream.Entry.stored("微视频/002-空/空.txt", 0, () -> 0, (out, from, count) -> {
				})), TIME);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		zip.write(out);
		assertThat(out.size()).isEqualTo(zip.length());

		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
				byte[] content = in.readAllBytes();
				assertThat(entry.getTimeLocal()).isEqualTo(TIME);
				switch (entry.getName()) {
					case "微视频/001-作品/作品1.mp4" -> {
						assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
						assertThat(entry.getSize()).isEqualTo(video.length);
						assertThat(content).isEqualTo(video);
					}
					case "微视频/推荐清单.xlsx" -> {
						assertThat(entry.getMethod()).isEqualTo(ZipEntry.DEFLATED);
						assertThat(content).isEqualTo(text);
					}
					default -> assertThat(content).isEmpty();
				}
			}
		}
		assertThat(names).containsExactly("微视频/001-作品/作品1.mp4", "微视频/推荐清单.xlsx", "微视频/002-空/空.txt");
	}

	@Test
	void anEntryOver4GiBAndItsFollowersUseZip64AndUnzipAcceptsThem(@TempDir Path folder) throws Exception {
		long large = (4L << 30) + 12345;
		byte[] zeros = new byte[1 << 20];
		CRC32 zerosCrc = new CRC32();
		for (long left = large; left > 0; left -= Math.min(left, zeros.length)) {
			zerosCrc.update(zeros, 0, (int) Math.min(left, zeros.length));
		}
		byte[] after = "在 4 GiB 之后".getBytes(StandardCharsets.UTF_8);
		// An ASCII name past 4 GiB: Debian's unzip 6.0 reads the local UTF-8 name of an
		// entry there as another character set and warns (exit 1); it does so for
		// ZipOutputStream's ZIPs as well. The JDK's ZipFile reads it right.
		ZipStream zip = new ZipStream(
				List.of(ZipStream.Entry.stored("大/零.bin", large, zerosCrc::getValue, (out, from, count) -> {
					for (long left = large; left > 0; left -= Math.min(left, zeros.length)) {
						out.write(zeros, 0, (int) Math.min(left, zeros.length));
					}
				}), ZipStream.Entry.stored("big/after.txt", after.length, () -> crc(after),
						(out, from, count) -> out.write(after))),
				TIME);
		Path file = folder.resolve("large.zip");
		try (SparseFile out = new SparseFile(file, zeros)) {
			zip.write(out);
		}
		assertThat(Files.size(file)).isEqualTo(zip.length());

		try (ZipFile read = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
			assertThat(read.getEntry("大/零.bin").getSize()).isEqualTo(large);
			assertThat(read.getEntry("大/零.bin").getCrc()).isEqualTo(zerosCrc.getValue());
			try (var in = read.getInputStream(read.getEntry("big/after.txt"))) {
				assertThat(in.readAllBytes()).isEqualTo(after);
			}
		}
		assertUnzipTests(file);
	}

	@Test
	void moreThan65535EntriesGetAZip64End(@TempDir Path folder) throws Exception {
		List<ZipStream.Entry> entries = new ArrayList<>();
		for (int i = 0; i < 70_000; i++) {
			byte[] content = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
			entries.add(ZipStream.Entry.stored("许多/" + i + ".txt", content.length, () -> crc(content),
					(out, from, count) -> out.write(content)));
		}
		ZipStream zip = new ZipStream(entries, TIME);
		Path file = folder.resolve("many.zip");
		try (OutputStream out = Files.newOutputStream(file)) {
			zip.write(out);
		}
		assertThat(Files.size(file)).isEqualTo(zip.length());
		try (ZipFile read = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
			assertThat(read.size()).isEqualTo(70_000);
			try (var in = read.getInputStream(read.getEntry("许多/69999.txt"))) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("69999");
			}
		}
		assertUnzipTests(file);
	}

	@Test
	void everyByteRangeIsTheSameSliceOfTheWholeZip() throws IOException {
		byte[] video = new byte[70_000];
		new java.util.Random(7).nextBytes(video);
		byte[] text = "推荐清单".repeat(800).getBytes(StandardCharsets.UTF_8);
		byte[] deflated = deflate(text);
		ZipStream zip = new ZipStream(List.of(
				new ZipStream.Entry("微视频/推荐清单.xlsx", ZipStream.Method.DEFLATED, text.length, deflated.length,
						() -> crc(text), (out, from, count) -> out.write(deflated, (int) from, (int) count)),
				ZipStream.Entry.stored("微视频/002-空/空.txt", 0, () -> 0, (out, from, count) -> {
				}), ZipStream.Entry.stored("微视频/001-作品/作品1.mp4", video.length, () -> crc(video),
						(out, from, count) -> out.write(video, (int) from, (int) count))),
				TIME);
		ByteArrayOutputStream whole = new ByteArrayOutputStream();
		zip.write(whole);
		byte[] all = whole.toByteArray();
		assertThat(all).hasSize((int) zip.length());

		java.util.Random random = new java.util.Random(42);
		List<long[]> ranges = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			long from = random.nextInt(all.length);
			ranges.add(new long[] { from, random.nextInt(all.length - (int) from + 1) });
		}
		// every start and end near a structure's boundary: headers, contents, the
		// central directory, the end record
		for (int at = 0; at <= all.length; at++) {
			if (at < 200 || Math.abs(at - all.length / 2) < 50 || all.length - at < 400) {
				ranges.add(new long[] { at, all.length - at });
				ranges.add(new long[] { 0, at });
				ranges.add(new long[] { at, Math.min(3, all.length - at) });
			}
		}
		for (long[] range : ranges) {
			ByteArrayOutputStream part = new ByteArrayOutputStream();
			zip.write(part, range[0], range[1]);
			assertThat(part.toByteArray()).as("bytes %d+%d", range[0], range[1])
				.isEqualTo(java.util.Arrays.copyOfRange(all, (int) range[0], (int) (range[0] + range[1])));
		}
		assertThatThrownBy(() -> zip.write(OutputStream.nullOutputStream(), all.length - 1, 2))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void storedBytesThatDifferFromTheHeaderBreakTheStream() {
		byte[] content = "作品".getBytes(StandardCharsets.UTF_8);
		ZipStream wrongCrc = new ZipStream(List.of(ZipStream.Entry.stored("a.bin", content.length,
				() -> crc(content) ^ 1, (out, from, count) -> out.write(content))), TIME);
		assertThatThrownBy(() -> wrongCrc.write(OutputStream.nullOutputStream())).isInstanceOf(ZipException.class)
			.hasMessageContaining("CRC-32");

		ByteArrayOutputStream sent = new ByteArrayOutputStream();
		ZipStream longer = new ZipStream(List.of(ZipStream.Entry.stored("b.bin", content.length - 1, () -> crc(content),
				(out, from, count) -> out.write(content))), TIME);
		assertThatThrownBy(() -> longer.write(sent)).isInstanceOf(ZipException.class).hasMessageContaining("more than");
		// the excess was refused before it was written: only the local header went out
		assertThat(sent.size()).isEqualTo(30 + "b.bin".length());

		ZipStream shorter = new ZipStream(List.of(ZipStream.Entry.stored("c.bin", content.length + 1,
				() -> crc(content), (out, from, count) -> out.write(content))), TIME);
		assertThatThrownBy(() -> shorter.write(OutputStream.nullOutputStream())).isInstanceOf(ZipException.class)
			.hasMessageContaining("bytes instead of");
	}

	private static long crc(byte[] content) {
		CRC32 crc = new CRC32();
		crc.update(content);
		return crc.getValue();
	}

	private static byte[] deflate(byte[] content) {
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		deflater.setInput(content);
		deflater.finish();
		byte[] buffer = new byte[content.length + 64];
		int length = deflater.deflate(buffer);
		deflater.end();
		return java.util.Arrays.copyOf(buffer, length);
	}

	private static void assertUnzipTests(Path file) throws Exception {
		Process process = new ProcessBuilder("unzip", "-tq", file.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("No errors detected");
	}

	/**
	 * A file written through a channel where a write of the given all-zero buffer leaves
	 * a hole instead: gigabytes of zeros cost no disk.
	 */
	private static final class SparseFile extends OutputStream {

		private final FileChannel channel;

		private final byte[] zeros;

		SparseFile(Path file, byte[] zeros) throws IOException {
			this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			this.zeros = zeros;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (b == this.zeros) {
				this.channel.position(this.channel.position() + len);
				return;
			}
			ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
		}

		@Override
		public void close() throws IOException {
			this.channel.close();
		}

	}

}
