package cn.zhengji.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * Turns the metadata boxes of an MP4 into {@code free} boxes of the same size with zeroed
 * content: {@code udta} (©ART, ©nam, ©too, location, …) and {@code meta} at the top
 * level, in {@code moov}, its tracks and movie fragments, and the XMP {@code uuid} box;
 * the names of the tracks' handlers are zeroed. Nothing moves, so every chunk offset in
 * the index stays valid and the media data is copied untouched: no re-muxing, a 1 GB file
 * costs one file copy. Other {@code uuid} boxes are kept: they carry technical data
 * players use (such as spherical video). The structure is first checked by
 * {@link Mp4Probe}, so the walk here can trust the sizes it reads.
 */
final class Mp4Stripper {

	private static final Set<String> METADATA = Set.of("udta", "meta");

	private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "moof", "traf");

	/**
	 * A handler box holds version and flags, pre-defined, handler type and reserved words
	 * before its name.
	 */
	private static final int HANDLER_NAME_OFFSET = 24;

	private static final byte[] XMP_UUID = HexFormat.of().parseHex("be7acfcb97a942e89c71999491e3afac");

	private static final byte[] FREE = "free".getBytes(StandardCharsets.ISO_8859_1);

	private Mp4Stripper() {
	}

	static void strip(Path original, Path partial) throws IOException, MediaProblem {
		Mp4Probe.read(original);
		Files.copy(original, partial, StandardCopyOption.REPLACE_EXISTING);
		try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			blank(channel, 0, channel.size(), 0);
		}
	}

	/** Walks the boxes between {@code start} and {@code end}, blanking metadata ones. */
	private static void blank(FileChannel channel, long start, long end, int depth) throws IOException, MediaProblem {
		long position = start;
		while (end - position >= 8) {
			ByteBuffer header = BlindCopies.readExactly(channel, position, (int) Math.min(32, end - position));
			long size = header.getInt() & 0xFFFFFFFFL;
			String type = Mp4Probe.fourCc(header);
			int headerSize = 8;
			if (size == 1) {
				size = header.getLong();
				headerSize = 16;
			}
			else if (size == 0) {
				size = end - position;
			}
			if (size < headerSize || size > end - position) {
				throw MediaProblem.damaged();
			}
			if (METADATA.contains(type) || isXmp(type, header)) {
				free(channel, position, headerSize, size);
			}
			else if (type.equals("hdlr") && size - headerSize > HANDLER_NAME_OFFSET) {
				// the track's name, which any editor lets a user set; zeros read as an
				// empty name both as a C string (MP4) and a Pascal string (QuickTime)
				zero(channel, position + headerSize + HANDLER_NAME_OFFSET, position + size);
			}
			else if (CONTAINERS.contains(type) && depth < 4) {
				blank(channel, position + headerSize, position + size, depth + 1);
			}
			position += size;
		}
	}

	private static boolean isXmp(String type, ByteBuffer header) {
		if (!type.equals("uuid") || header.remaining() < 16) {
			return false;
		}
		byte[] uuid = new byte[16];
		header.get(uuid);
		return Arrays.equals(uuid, XMP_UUID);
	}

	private static void free(FileChannel channel, long position, int headerSize, long size) throws IOException {
		write(channel, ByteBuffer.wrap(FREE), position + 4);
		zero(channel, position + headerSize, position + size);
	}

	private static void zero(FileChannel channel, long from, long to) throws IOException {
		ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(to - from, 64 * 1024));
		for (long at = from; at < to; at += zeros.capacity()) {
			zeros.clear().limit((int) Math.min(zeros.capacity(), to - at));
			write(channel, zeros, at);
		}
	}

	private static void write(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		while (buffer.hasRemaining()) {
			channel.write(buffer, position + buffer.position());
		}
	}

}
