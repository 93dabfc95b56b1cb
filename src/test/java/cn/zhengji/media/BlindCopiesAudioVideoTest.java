package cn.zhengji.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import cn.zhengji.support.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.zhengji.media.BlindCopyChecks.COMPANY;
import static cn.zhengji.media.BlindCopyChecks.NAME;
import static cn.zhengji.media.BlindCopyChecks.assertNowhereIn;
import static cn.zhengji.media.BlindCopyChecks.blindCopy;
import static cn.zhengji.media.BlindCopyChecks.concat;
import static cn.zhengji.media.BlindCopyChecks.read;
import static cn.zhengji.media.BlindCopyChecks.run;
import static cn.zhengji.media.BlindCopyChecks.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Real files made by Debian's ffmpeg, tagged by ffmpeg itself (an independent writer).
 */
class BlindCopiesAudioVideoTest {

	private static final String FFMPEG = "/usr/bin/ffmpeg";

	private static final byte[] XMP_UUID = HexFormat.of().parseHex("be7acfcb97a942e89c71999491e3afac");

	@TempDir
	Path directory;

	@Test
	void blanksTheUserDataAndXmpOfAnMp4WithItsIndexAtTheEnd() throws Exception {
		assertStrippedKeepingEveryPacket(taggedMp4("phone.mp4", false));
	}

	@Test
	void blanksTheUserDataOfAnMp4WithItsIndexBeforeTheMediaData() throws Exception {
		// the case where moving anything in moov would break every chunk offset
		assertStrippedKeepingEveryPacket(taggedMp4("faststart.mp4", true));
	}

	@Test
	void movesTheIndexOfAnMp4BeforeItsMediaDataShiftingEveryChunkOffset() throws Exception {
		Path original = taggedMp4("phone-end.mp4", false);
		assertThat(topLevelTypes(original)).containsExactly("ftyp", "free", "mdat", "moov", "uuid");

		Path copy = blindCopy(original, directory);

		// (the XMP box blanked to free where it was)
		assertThat(topLevelTypes(copy)).containsExactly("ftyp", "free", "moov", "mdat", "free");
		assertThat(packetHashes(copy)).isEqualTo(packetHashes(original));
		// every frame decodes from the moved offsets
		assertThat(run(List.of(FFMPEG, "-hide_banner", "-loglevel", "error", "-i", copy.toString(), "-f", "null", "-")))
			.isEmpty();
	}

	@Test
	void leavesAnMp4WhoseIndexComesFirstInItsOrder() throws Exception {
		Path original = taggedMp4("already.mp4", true);

		Path copy = blindCopy(original, directory);

		assertThat(topLevelTypes(original)).containsExactly("ftyp", "moov", "free", "mdat", "uuid");
		assertThat(topLevelTypes(copy)).containsExactly("ftyp", "moov", "free", "mdat", "free");
	}

	/** The types of the top-level boxes in file order. */
	private static List<String> topLevelTypes(Path file) {
		byte[] bytes = read(file);
		List<String> types = new ArrayList<>();
		for (long position = 0; position + 8 <= bytes.length;) {
			ByteBuffer header = ByteBuffer.wrap(bytes, (int) position, 16 <= bytes.length - position ? 16 : 8);
			long size = header.getInt() & 0xFFFFFFFFL;
			types.add(new String(bytes, (int) position + 4, 4, StandardCharsets.ISO_8859_1));
			if (size == 1) {
				size = header.getLong();
			}
			position += size == 0 ? bytes.length - position : size;
		}
		return types;
	}

	private void assertStrippedKeepingEveryPacket(Path original) throws Exception {
		Path copy = blindCopy(original, directory);

		assertNowhereIn(copy, NAME, COMPANY, "Zhang San", "Lavf");
		assertThat(copy).hasSize(read(original).length);
		Mp4Probe.Mp4Facts before = Mp4Probe.read(original);
		Mp4Probe.Mp4Facts after = Mp4Probe.read(copy);
		assertThat(after).isEqualTo(before);
		assertThat(after.durationSeconds()).isEqualTo(3.0, offset(0.1));
		assertThat(packetHashes(copy)).isEqualTo(packetHashes(original));
	}

	@Test
	void cutsTheId3v2Apev2AndId3v1TagsOffAnMp3KeepingEveryFrame() throws Exception {
		Path original = taggedMp3();
		byte[] before = read(original);

		Path copy = blindCopy(original, directory);

		// (the encoder's name in the first frame, LAME's Info header, is audio data and
		// names no person)
		assertNowhereIn(copy, NAME, COMPANY, "Zhang San", "APETAGEX");
		byte[] copied = read(copy);
		assertThat(new String(copied, 0, 3, StandardCharsets.ISO_8859_1)).isNotEqualTo("ID3");
		assertThat(new String(copied, copied.length - 128, 3, StandardCharsets.ISO_8859_1)).isNotEqualTo("TAG");
		int audioStart = 10 + synchsafe(before, 6);
		assertThat(copied).isEqualTo(Arrays.copyOfRange(before, audioStart, audioStart + copied.length));
		assertThat(Mp3Probe.read(copy)).isEqualTo(Mp3Probe.read(original));
		assertThat(packetHashes(copy)).isEqualTo(packetHashes(original));
	}

	private Path taggedMp4(String name, boolean fastStart) {
		Path tagged = directory.resolve("tagged-" + name);
		List<String> command = new ArrayList<>(List.of(FFMPEG, "-hide_banner", "-loglevel", "error", "-y", "-i",
				TestMedia.mp4(320, 240, 3, 5).toString(), "-c", "copy", "-metadata", "artist=" + NAME, "-metadata",
				"title=" + NAME + "的作品", "-metadata", "copyright=" + COMPANY, "-metadata:s:v",
				"handler_name=Zhang San"));
		if (fastStart) {
			command.addAll(List.of("-movflags", "+faststart"));
		}
		command.add(tagged.toString());
		run(command);
		// an XMP box after everything else, as Adobe tools append it
		byte[] xmp = ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:creator>" + NAME + "</dc:creator></x:xmpmeta>")
			.getBytes(StandardCharsets.UTF_8);
		byte[] box = concat(ByteBuffer.allocate(4).putInt(8 + 16 + xmp.length).array(),
				"uuid".getBytes(StandardCharsets.ISO_8859_1), XMP_UUID, xmp);
		return write(directory.resolve(name), concat(read(tagged), box));
	}

	/**
	 * ffmpeg writes ID3v2.3 (UTF-16) and ID3v1; an APEv2 tag with the artist in UTF-8 is
	 * put before the ID3v1 tag, where taggers such as foobar2000 write it.
	 */
	private Path taggedMp3() {
		Path tagged = directory.resolve("tagged.mp3");
		run(List.of(FFMPEG, "-hide_banner", "-loglevel", "error", "-y", "-i", TestMedia.mp3(3, 128, 44100).toString(),
				"-c", "copy", "-metadata", "artist=" + NAME, "-metadata", "publisher=" + COMPANY, "-metadata",
				"comment=Zhang San", "-id3v2_version", "3", "-write_id3v1", "1", tagged.toString()));
		byte[] bytes = read(tagged);
		byte[] id3v1 = Arrays.copyOfRange(bytes, bytes.length - 128, bytes.length);
		assertThat(new String(id3v1, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("TAG");
		byte[] value = NAME.getBytes(StandardCharsets.UTF_8);
		byte[] item = concat(
				ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(value.length).putInt(0).array(),
				"Artist\0".getBytes(StandardCharsets.ISO_8859_1), value);
		int tagSize = item.length + 32;
		byte[] header = apeFrame(tagSize, 0xA0000000);
		byte[] footer = apeFrame(tagSize, 0x80000000);
		return write(directory.resolve("song.mp3"),
				concat(Arrays.copyOfRange(bytes, 0, bytes.length - 128), header, item, footer, id3v1));
	}

	private static byte[] apeFrame(int tagSize, int flags) {
		return ByteBuffer.allocate(32)
			.order(ByteOrder.LITTLE_ENDIAN)
			.put("APETAGEX".getBytes(StandardCharsets.ISO_8859_1))
			.putInt(2000)
			.putInt(tagSize)
			.putInt(1)
			.putInt(flags)
			.putLong(0)
			.array();
	}

	/**
	 * One MD5 per demuxed packet: equal lists mean every sample is where the index says.
	 */
	private static String packetHashes(Path file) throws IOException {
		return run(List.of(FFMPEG, "-hide_banner", "-loglevel", "error", "-i", file.toString(), "-map", "0", "-c",
				"copy", "-f", "framemd5", "-"));
	}

	private static int synchsafe(byte[] bytes, int offset) {
		return (bytes[offset] & 0x7F) << 21 | (bytes[offset + 1] & 0x7F) << 14 | (bytes[offset + 2] & 0x7F) << 7
				| (bytes[offset + 3] & 0x7F);
	}

}
