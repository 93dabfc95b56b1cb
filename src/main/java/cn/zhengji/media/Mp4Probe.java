package cn.zhengji.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the facts of an ISO base media file (MP4) from its box structure, without
 * decoding and without reading the media data: the top level is walked by seeking from
 * box header to box header (so a {@code moov} written after a 1 GB {@code mdat}, as
 * phones do, costs a few reads), and only the {@code moov} box is read into memory. Every
 * size is checked against its parent and the file before it is used; depth, box count and
 * the index size are bounded so that a hostile file cannot make the walk loop, recurse or
 * allocate without limit.
 *
 * <p>
 * Chosen over {@code org.mp4parser:isoparser} after measuring (docs/architecture.md,
 * "Media checks").
 */
final class Mp4Probe {

	/**
	 * A real index is a few MB even for hours of video (8 bytes per sample and chunk at
	 * most).
	 */
	static final int MAX_MOOV_BYTES = 64 * 1024 * 1024;

	private static final int MAX_DEPTH = 12;

	private static final int MAX_TOP_LEVEL_BOXES = 10_000;

	private Mp4Probe() {
	}

	/** What the index says about the file. */
	record Mp4Facts(String majorBrand, double durationSeconds, Track video, Track audio) {
	}

	/**
	 * One track. For video, width and height are as displayed (after the rotation of the
	 * track header matrix); for audio, sample rate and bit rate.
	 */
	record Track(String format, String codec, int width, int height, int rotationDegrees, long sampleRateHz,
			long bitRate, double durationSeconds) {
	}

	static Mp4Facts read(Path path) throws IOException, MediaProblem {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			return read(channel);
		}
	}

	static Mp4Facts read(FileChannel channel) throws IOException, MediaProblem {
		long fileSize = channel.size();
		long position = 0;
		String majorBrand = null;
		ByteBuffer moov = null;
		ByteBuffer header = ByteBuffer.allocate(16);
		for (int boxes = 0; position < fileSize; boxes++) {
			if (boxes > MAX_TOP_LEVEL_BOXES) {
				throw MediaProblem.damaged();
			}
			if (fileSize - position < 8) {
				throw MediaProblem.truncated();
			}
			header.clear().limit(16);
			readFully(channel, header, position, (int) Math.min(16, fileSize - position));
			header.flip();
			long size = header.getInt() & 0xFFFFFFFFL;
			String type = fourCc(header);
			int headerSize = 8;
			if (size == 1) {
				if (header.remaining() < 8) {
					throw MediaProblem.truncated();
				}
				size = header.getLong();
				headerSize = 16;
			}
			else if (size == 0) {
				size = fileSize - position;
			}
			if (size < headerSize) {
				throw MediaProblem.damaged();
			}
			if (size > fileSize - position) {
				throw MediaProblem.truncated();
			}
			if (boxes == 0 && !type.equals("ftyp")) {
				throw MediaProblem.damaged();
			}
			if (type.equals("ftyp")) {
				ByteBuffer brand = ByteBuffer.allocate(4);
				readFully(channel, brand, position + headerSize, 4);
				brand.flip();
				majorBrand = fourCc(brand);
			}
			else if (type.equals("moov")) {
				if (moov != null) {
					throw MediaProblem.damaged();
				}
				if (size - headerSize > MAX_MOOV_BYTES) {
					throw MediaProblem.indexTooLarge();
				}
				moov = ByteBuffer.allocate((int) (size - headerSize));
				readFully(channel, moov, position + headerSize, moov.capacity());
				moov.flip();
			}
			position += size;
		}
		if (moov == null) {
			throw MediaProblem.truncated();
		}
		return new IndexReader(fileSize).moov(majorBrand, moov);
	}

	private static void readFully(FileChannel channel, ByteBuffer buffer, long position, int length)
			throws IOException, MediaProblem {
		buffer.limit(buffer.position() + length);
		while (buffer.hasRemaining()) {
			int read = channel.read(buffer, position + buffer.position());
			if (read < 0) {
				throw MediaProblem.truncated();
			}
		}
	}

	static String fourCc(ByteBuffer buffer) {
		byte[] bytes = new byte[4];
		buffer.get(bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	/** Parses the in-memory index. Any read past a box end surfaces as a damaged file. */
	private static final class IndexReader {

		private final long fileSize;

		private long movieTimescale;

		private long movieDuration;

		private Track video;

		private Track audio;

		IndexReader(long fileSize) {
			this.fileSize = fileSize;
		}

		Mp4Facts moov(String majorBrand, ByteBuffer moov) throws MediaProblem {
			try {
				children(moov, 0, (type, box, depth) -> {
					switch (type) {
						case "mvhd" -> mvhd(box);
						case "trak" -> trak(box, depth);
						default -> {
						}
					}
				});
			}
			catch (RuntimeException ex) {
				// BufferUnderflowException, IndexOutOfBounds and the like: the index lies
				// about its sizes.
				throw MediaProblem.damaged();
			}
			double duration = movieTimescale > 0 ? (double) movieDuration / movieTimescale : 0;
			if (duration <= 0) {
				duration = Math.max(video == null ? 0 : video.durationSeconds(),
						audio == null ? 0 : audio.durationSeconds());
			}
			return new Mp4Facts(majorBrand, duration, video, audio);
		}

		private void mvhd(ByteBuffer box) {
			int version = box.get() & 0xFF;
			skip(box, 3);
			if (version == 1) {
				skip(box, 16);
				movieTimescale = box.getInt() & 0xFFFFFFFFL;
				movieDuration = box.getLong();
			}
			else {
				skip(box, 8);
				movieTimescale = box.getInt() & 0xFFFFFFFFL;
				movieDuration = box.getInt() & 0xFFFFFFFFL;
			}
		}

		private void trak(ByteBuffer trak, int depth) throws MediaProblem {
			TrackBuilder track = new TrackBuilder();
			walk(trak, depth + 1, track);
			if ("vide".equals(track.handler) && video == null) {
				video = track.build();
			}
			else if ("soun".equals(track.handler) && audio == null) {
				audio = track.build();
			}
		}

		/**
		 * Descends through the containers of a track, handing each leaf box to the
		 * builder.
		 */
		private void walk(ByteBuffer container, int depth, TrackBuilder track) throws MediaProblem {
			children(container, depth, (type, box, childDepth) -> {
				switch (type) {
					case "mdia", "minf", "stbl" -> walk(box, childDepth + 1, track);
					case "tkhd" -> track.tkhd(box);
					case "mdhd" -> track.mdhd(box);
					case "hdlr" -> {
						skip(box, 8);
						track.handler = fourCc(box);
					}
					case "stsd" -> track.stsd(box, childDepth + 1);
					case "stsz" -> track.stsz(box);
					case "stz2" -> track.sampleBytesUnknown = true;
					case "stco" -> track.chunkOffsets(box, false, fileSize);
					case "co64" -> track.chunkOffsets(box, true, fileSize);
					default -> {
					}
				}
			});
		}

	}

	@FunctionalInterface
	private interface BoxVisitor {

		void visit(String type, ByteBuffer box, int depth) throws MediaProblem;

	}

	/**
	 * Calls the visitor with a slice per child box; sizes are checked against the parent.
	 */
	private static void children(ByteBuffer parent, int depth, BoxVisitor visitor) throws MediaProblem {
		if (depth > MAX_DEPTH) {
			throw MediaProblem.damaged();
		}
		ByteBuffer buffer = parent.duplicate();
		while (buffer.remaining() >= 8) {
			int start = buffer.position();
			long size = buffer.getInt() & 0xFFFFFFFFL;
			String type = fourCc(buffer);
			int headerSize = 8;
			if (size == 1) {
				size = buffer.getLong();
				headerSize = 16;
			}
			else if (size == 0) {
				size = buffer.limit() - start;
			}
			if (size < headerSize || size > buffer.limit() - start) {
				throw MediaProblem.damaged();
			}
			ByteBuffer box = buffer.slice(start + headerSize, (int) size - headerSize);
			visitor.visit(type, box, depth);
			buffer.position(start + (int) size);
		}
	}

	private static void skip(ByteBuffer buffer, int bytes) {
		buffer.position(buffer.position() + bytes);
	}

	private static final class TrackBuilder {

		String handler;

		String format;

		int width;

		int height;

		int rotation;

		long timescale;

		long duration;

		long sampleRate;

		long esdsAverageBitRate;

		int objectType = -1;

		long totalSampleBytes;

		boolean sampleBytesUnknown;

		void tkhd(ByteBuffer box) {
			int version = box.get() & 0xFF;
			skip(box, 3);
			skip(box, version == 1 ? 32 : 20);
			skip(box, 16);
			int a = box.getInt();
			int b = box.getInt();
			skip(box, 4);
			int c = box.getInt();
			int d = box.getInt();
			skip(box, 16);
			width = box.getInt() >>> 16;
			height = box.getInt() >>> 16;
			rotation = rotation(a, b, c, d);
		}

		/**
		 * The display matrix of a track: a phone filming upright writes 90° on
		 * landscape-coded frames.
		 */
		private static int rotation(int a, int b, int c, int d) {
			if (a == 0 && d == 0 && b > 0 && c < 0) {
				return 90;
			}
			if (a == 0 && d == 0 && b < 0 && c > 0) {
				return 270;
			}
			if (a < 0 && d < 0 && b == 0 && c == 0) {
				return 180;
			}
			return 0;
		}

		void mdhd(ByteBuffer box) {
			int version = box.get() & 0xFF;
			skip(box, 3);
			if (version == 1) {
				skip(box, 16);
				timescale = box.getInt() & 0xFFFFFFFFL;
				duration = box.getLong();
			}
			else {
				skip(box, 8);
				timescale = box.getInt() & 0xFFFFFFFFL;
				duration = box.getInt() & 0xFFFFFFFFL;
			}
		}

		void stsd(ByteBuffer box, int depth) throws MediaProblem {
			skip(box, 4);
			long entries = box.getInt() & 0xFFFFFFFFL;
			if (entries == 0) {
				return;
			}
			// The first sample entry describes the codec; later ones (rare) are variants
			// of it.
			int start = box.position();
			long size = box.getInt() & 0xFFFFFFFFL;
			format = fourCc(box);
			if (size < 8 || size > box.limit() - start) {
				throw MediaProblem.damaged();
			}
			ByteBuffer entry = box.slice(start + 8, (int) size - 8);
			if ("vide".equals(handler)) {
				// SampleEntry (8) + VisualSampleEntry pre-defined/reserved (16), then
				// width and height.
				skip(entry, 24);
				int codedWidth = entry.getShort() & 0xFFFF;
				int codedHeight = entry.getShort() & 0xFFFF;
				if (width == 0 || height == 0) {
					width = codedWidth;
					height = codedHeight;
				}
			}
			else if ("soun".equals(handler)) {
				skip(entry, 8);
				int soundVersion = entry.getShort() & 0xFFFF;
				skip(entry, 14);
				sampleRate = (entry.getInt() & 0xFFFFFFFFL) >>> 16;
				// QuickTime sound descriptions v1 and v2 carry extra fields before the
				// child boxes.
				skip(entry, soundVersion == 1 ? 16 : soundVersion == 2 ? 36 : 0);
				children(entry.slice(), depth + 1, (type, child, childDepth) -> {
					if (type.equals("esds")) {
						esds(child);
					}
					else if (type.equals("wave")) {
						children(child, childDepth + 1, (waveType, waveChild, d) -> {
							if (waveType.equals("esds")) {
								esds(waveChild);
							}
						});
					}
				});
			}
		}

		/**
		 * The MPEG-4 elementary stream descriptor: object type (AAC or MP3) and average
		 * bit rate.
		 */
		private void esds(ByteBuffer box) {
			skip(box, 4);
			while (box.remaining() > 2) {
				int tag = box.get() & 0xFF;
				int length = 0;
				for (int i = 0; i < 4; i++) {
					int b = box.get() & 0xFF;
					length = (length << 7) | (b & 0x7F);
					if ((b & 0x80) == 0) {
						break;
					}
				}
				if (tag == 0x03) {
					skip(box, 2);
					int flags = box.get() & 0xFF;
					if ((flags & 0x80) != 0) {
						skip(box, 2);
					}
					if ((flags & 0x40) != 0) {
						skip(box, box.get() & 0xFF);
					}
					if ((flags & 0x20) != 0) {
						skip(box, 2);
					}
				}
				else if (tag == 0x04) {
					objectType = box.get() & 0xFF;
					skip(box, 1 + 3 + 4);
					esdsAverageBitRate = box.getInt() & 0xFFFFFFFFL;
					return;
				}
				else {
					skip(box, length);
				}
			}
		}

		void stsz(ByteBuffer box) throws MediaProblem {
			skip(box, 4);
			long sampleSize = box.getInt() & 0xFFFFFFFFL;
			long count = box.getInt() & 0xFFFFFFFFL;
			if (sampleSize != 0) {
				totalSampleBytes = sampleSize * count;
				return;
			}
			if (count > box.remaining() / 4) {
				throw MediaProblem.damaged();
			}
			long total = 0;
			for (long i = 0; i < count; i++) {
				total += box.getInt() & 0xFFFFFFFFL;
			}
			totalSampleBytes = total;
		}

		/**
		 * A chunk that starts past the end of the file means the upload (or the export)
		 * was cut short.
		 */
		void chunkOffsets(ByteBuffer box, boolean wide, long fileSize) throws MediaProblem {
			skip(box, 4);
			long count = box.getInt() & 0xFFFFFFFFL;
			if (count > box.remaining() / (wide ? 8 : 4)) {
				throw MediaProblem.damaged();
			}
			for (long i = 0; i < count; i++) {
				long offset = wide ? box.getLong() : box.getInt() & 0xFFFFFFFFL;
				if (offset < 0 || offset >= fileSize) {
					throw MediaProblem.truncated();
				}
			}
		}

		Track build() {
			double seconds = timescale > 0 ? (double) duration / timescale : 0;
			long bitRate = esdsAverageBitRate;
			if (bitRate <= 0 && seconds > 0 && !sampleBytesUnknown) {
				bitRate = Math.round(totalSampleBytes * 8 / seconds);
			}
			boolean quarterTurn = rotation == 90 || rotation == 270;
			return new Track(format, codec(), quarterTurn ? height : width, quarterTurn ? width : height, rotation,
					sampleRate, bitRate, seconds);
		}

		private String codec() {
			if (format == null) {
				return null;
			}
			return switch (format) {
				case "avc1", "avc3" -> "H.264";
				case "hvc1", "hev1" -> "H.265";
				case "av01" -> "AV1";
				case "vp08" -> "VP8";
				case "vp09" -> "VP9";
				case "mp4v" -> "MPEG-4 Part 2";
				case "s263" -> "H.263";
				case ".mp3" -> "MP3";
				case "ac-3" -> "AC-3";
				case "ec-3" -> "E-AC-3";
				case "Opus" -> "Opus";
				case "fLaC" -> "FLAC";
				case "alac" -> "ALAC";
				case "samr" -> "AMR";
				case "lpcm", "sowt", "twos" -> "PCM";
				case "mp4a" -> switch (objectType) {
					case 0x40, 0x66, 0x67, 0x68 -> "AAC";
					case 0x69, 0x6B -> "MP3";
					case 0xA9 -> "DTS";
					case 0xAD -> "Opus";
					case -1 -> "AAC";
					default -> "mp4a/0x%02X".formatted(objectType);
				};
				default -> format.strip();
			};
		}

	}

}
