package cn.zhengji.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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
 *
 * <p>
 * Then the copy is made "fast start" ({@link #fastStart}): phones write the index
 * ({@code moov}) after the media data, and a browser must then fetch the end of the file
 * before it can play anything — a second range request, and on some mobile browsers a
 * download of the whole file. The index is moved before the first {@code mdat} and every
 * chunk offset in it ({@code stco}, {@code co64}) is shifted by where its box moved; the
 * media data is still copied untouched.
 */
final class Mp4Stripper {

	private static final Set<String> METADATA = Set.of("udta", "meta");

	private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "moof", "traf");

	/** The boxes between {@code moov} and the chunk offset tables. */
	private static final Set<String> INDEX_CONTAINERS = Set.of("trak", "mdia", "minf", "stbl");

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
		fastStart(partial);
	}

	/** A top-level box: where it starts and how long it is, header included. */
	private record Box(String type, long start, long size) {

		long end() {
			return start + size;
		}

	}

	/**
	 * Rewrites {@code file} with its {@code moov} before the first {@code mdat}, shifting
	 * every chunk offset of the index by the distance its box moved. Leaves the file as
	 * it is when the index already comes first, when there is no media data, for
	 * fragmented files ({@code moof}: their offsets are relative to the fragments) and
	 * when a 32-bit offset would no longer fit (a file near 4 GB; uploads stop at 2 GB).
	 * The file is replaced by a complete sibling, never half rewritten.
	 */
	static void fastStart(Path file) throws IOException, MediaProblem {
		List<Box> boxes;
		ByteBuffer moov;
		Box moovBox;
		int firstMdat;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			boxes = topLevel(channel);
			moovBox = boxes.stream().filter((box) -> box.type().equals("moov")).findFirst().orElse(null);
			firstMdat = indexOf(boxes, "mdat");
			if (moovBox == null || firstMdat < 0 || boxes.indexOf(moovBox) < firstMdat || indexOf(boxes, "moof") >= 0
					|| moovBox.size() > Mp4Probe.MAX_MOOV_BYTES) {
				return;
			}
			moov = BlindCopies.readExactly(channel, moovBox.start(), (int) moovBox.size());
		}
		List<Box> order = new ArrayList<>(boxes);
		order.remove(moovBox);
		order.add(firstMdat, moovBox);
		long[] newStart = new long[boxes.size()];
		long at = 0;
		for (Box box : order) {
			newStart[boxes.indexOf(box)] = at;
			at += box.size();
		}
		int moovHeader = moov.getInt(0) == 1 ? 16 : 8;
		if (!shiftChunkOffsets(moov, moovHeader, moov.limit(), 0, boxes, newStart)) {
			return;
		}
		Path rewritten = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".",
				".mov");
		try {
			try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
					FileChannel out = FileChannel.open(rewritten, StandardOpenOption.WRITE)) {
				for (Box box : order) {
					if (box == moovBox) {
						write(out, moov.rewind(), out.position());
						out.position(out.position() + moov.limit());
					}
					else {
						for (long done = 0; done < box.size();) {
							done += in.transferTo(box.start() + done, box.size() - done, out);
						}
					}
				}
				out.force(false);
			}
			Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(rewritten);
		}
	}

	private static int indexOf(List<Box> boxes, String type) {
		for (int i = 0; i < boxes.size(); i++) {
			if (boxes.get(i).type().equals(type)) {
				return i;
			}
		}
		return -1;
	}

	private static List<Box> topLevel(FileChannel channel) throws IOException, MediaProblem {
		List<Box> boxes = new ArrayList<>();
		long end = channel.size();
		for (long position = 0; end - position >= 8;) {
			ByteBuffer header = BlindCopies.readExactly(channel, position, (int) Math.min(16, end - position));
			long size = header.getInt() & 0xFFFFFFFFL;
			String type = Mp4Probe.fourCc(header);
			if (size == 1) {
				size = header.getLong();
			}
			else if (size == 0) {
				size = end - position;
			}
			if (size < 8 || size > end - position) {
				throw MediaProblem.damaged();
			}
			boxes.add(new Box(type, position, size));
			position += size;
		}
		return boxes;
	}

	/**
	 * Shifts the chunk offsets of the index in {@code moov} (the whole box, header at 0)
	 * between {@code start} and {@code end}.
	 * @return false when a shifted offset no longer fits its 32-bit field
	 */
	private static boolean shiftChunkOffsets(ByteBuffer moov, int start, int end, int depth, List<Box> boxes,
			long[] newStart) throws MediaProblem {
		int position = start;
		while (end - position >= 8) {
			long size = moov.getInt(position) & 0xFFFFFFFFL;
			String type = new String(new byte[] { moov.get(position + 4), moov.get(position + 5),
					moov.get(position + 6), moov.get(position + 7) }, StandardCharsets.ISO_8859_1);
			int headerSize = 8;
			if (size == 1) {
				size = moov.getLong(position + 8);
				headerSize = 16;
			}
			else if (size == 0) {
				size = end - position;
			}
			if (size < headerSize || size > end - position) {
				throw MediaProblem.damaged();
			}
			int body = position + headerSize;
			if (type.equals("stco") || type.equals("co64")) {
				boolean wide = type.equals("co64");
				long count = moov.getInt(body + 4) & 0xFFFFFFFFL;
				if (8 + count * (wide ? 8 : 4) > size - headerSize) {
					throw MediaProblem.damaged();
				}
				for (int i = 0; i < count; i++) {
					int field = body + 8 + i * (wide ? 8 : 4);
					long offset = wide ? moov.getLong(field) : moov.getInt(field) & 0xFFFFFFFFL;
					long moved = moved(offset, boxes, newStart);
					if (wide) {
						moov.putLong(field, moved);
					}
					else if (moved > 0xFFFFFFFFL) {
						return false;
					}
					else {
						moov.putInt(field, (int) moved);
					}
				}
			}
			else if (INDEX_CONTAINERS.contains(type) && depth < 6
					&& !shiftChunkOffsets(moov, body, (int) (position + size), depth + 1, boxes, newStart)) {
				return false;
			}
			position += (int) size;
		}
		return true;
	}

	/** Where the byte at {@code offset} is after the reordering. */
	private static long moved(long offset, List<Box> boxes, long[] newStart) throws MediaProblem {
		for (int i = 0; i < boxes.size(); i++) {
			Box box = boxes.get(i);
			if (offset >= box.start() && offset < box.end()) {
				return offset - box.start() + newStart[i];
			}
		}
		throw MediaProblem.damaged();
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
