package cn.zhengji.media;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Frame size of a PNG or JPEG from its header only: a bitmap is never decoded, so a file
 * claiming 50000×50000 pixels costs a few bytes of reading, not 10 GB of memory.
 */
final class ImageProbe {

	/**
	 * JPEG markers before the frame header: APPn blocks of EXIF and thumbnails, tables.
	 */
	private static final int MAX_JPEG_MARKERS = 1000;

	private ImageProbe() {
	}

	record Size(int width, int height) {

		long pixels() {
			return (long) width * height;
		}
	}

	static Size png(FileChannel channel) throws IOException, MediaProblem {
		ByteBuffer header = ByteBuffer.allocate(24);
		while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
			// read the signature and the IHDR chunk, which the format requires to come
			// first
		}
		if (header.hasRemaining()) {
			throw MediaProblem.truncated();
		}
		header.flip().position(12);
		if (!Mp4Probe.fourCc(header).equals("IHDR")) {
			throw MediaProblem.damaged();
		}
		int width = header.getInt();
		int height = header.getInt();
		if (width <= 0 || height <= 0) {
			throw MediaProblem.damaged();
		}
		return new Size(width, height);
	}

	static Size jpeg(Path path) throws IOException, MediaProblem {
		try (InputStream file = Files.newInputStream(path);
				DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
			in.skipNBytes(2);
			for (int markers = 0; markers < MAX_JPEG_MARKERS; markers++) {
				int marker = in.readUnsignedByte();
				if (marker != 0xFF) {
					throw MediaProblem.damaged();
				}
				int type = in.readUnsignedByte();
				while (type == 0xFF) {
					type = in.readUnsignedByte();
				}
				if (type == 0x01 || (type >= 0xD0 && type <= 0xD7)) {
					continue;
				}
				if (type == 0xD9 || type == 0xDA) {
					// end of image or start of scan before any frame header
					throw MediaProblem.damaged();
				}
				int length = in.readUnsignedShort();
				if (length < 2) {
					throw MediaProblem.damaged();
				}
				boolean frameHeader = type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
				if (frameHeader) {
					in.readUnsignedByte();
					int height = in.readUnsignedShort();
					int width = in.readUnsignedShort();
					if (width == 0 || height == 0) {
						throw MediaProblem.damaged();
					}
					return new Size(width, height);
				}
				in.skipNBytes(length - 2);
			}
			throw MediaProblem.damaged();
		}
		catch (EOFException ex) {
			throw MediaProblem.truncated();
		}
	}

}
