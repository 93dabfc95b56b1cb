package cn.zhengji.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Copies a JPEG or PNG segment by segment (chunk by chunk), leaving out those that carry
 * metadata. The compressed picture is copied byte for byte, never decoded and re-encoded:
 * the expert sees exactly the submitted pixels, and a 20 MB photo costs one sequential
 * read. Streams rather than files, so that the pictures inside Office documents go
 * through the same code.
 */
final class ImageStripper {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	/**
	 * Text chunks (where tools put Author, Comment and XMP), EXIF, and the time of the
	 * last edit. Everything else, colour chunks included, is kept.
	 */
	private static final Set<String> PNG_METADATA = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

	private static final int APP0 = 0xE0;

	private static final int APP1 = 0xE1;

	private static final int APP2 = 0xE2;

	private static final int APP14 = 0xEE;

	private static final int APP15 = 0xEF;

	private static final int COMMENT = 0xFE;

	private static final int START_OF_SCAN = 0xDA;

	private static final int END_OF_IMAGE = 0xD9;

	private ImageStripper() {
	}

	@FunctionalInterface
	interface StreamStripper {

		void strip(InputStream in, OutputStream out) throws IOException, MediaProblem;

	}

	static void copy(Path original, Path partial, StreamStripper stripper) throws IOException, MediaProblem {
		try (InputStream in = Files.newInputStream(original); OutputStream out = Files.newOutputStream(partial)) {
			stripper.strip(in, out);
		}
	}

	/**
	 * Keeps the segments a decoder needs (tables, frame and scan headers, the
	 * entropy-coded data) and of the application segments only JFIF, the ICC colour
	 * profile and Adobe's colour transform; drops EXIF, XMP, IPTC (Photoshop APP13),
	 * maker segments and comments, and anything after the end of the image (phones append
	 * a second picture with its own EXIF there). A rotated photo keeps a minimal EXIF
	 * holding only its orientation, so it is not shown lying on its side.
	 */
	static void jpeg(InputStream source, OutputStream target) throws IOException, MediaProblem {
		DataInputStream in = new DataInputStream(new BufferedInputStream(source, 64 * 1024));
		DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, 64 * 1024));
		try {
			if (in.readUnsignedShort() != 0xFFD8) {
				throw MediaProblem.damaged();
			}
			out.writeShort(0xFFD8);
			boolean inScan = false;
			boolean orientationWritten = false;
			while (true) {
				int type = inScan ? copyEntropyCodedData(in, out) : nextMarker(in);
				if (type == END_OF_IMAGE) {
					out.writeShort(0xFFD9);
					out.flush();
					return;
				}
				if (type == 0x01 || (type >= 0xD0 && type <= 0xD7)) {
					// markers without a length
					out.write(0xFF);
					out.write(type);
					continue;
				}
				int length = in.readUnsignedShort();
				if (length < 2) {
					throw MediaProblem.damaged();
				}
				byte[] payload = in.readNBytes(length - 2);
				if (payload.length < length - 2) {
					throw MediaProblem.truncated();
				}
				if (keepJpegSegment(type, payload)) {
					out.write(0xFF);
					out.write(type);
					out.writeShort(length);
					out.write(payload);
				}
				else if (type == APP1 && !orientationWritten) {
					int orientation = orientation(payload);
					if (orientation != 1) {
						byte[] exif = orientationOnlyExif(orientation);
						out.write(0xFF);
						out.write(APP1);
						out.writeShort(exif.length + 2);
						out.write(exif);
						orientationWritten = true;
					}
				}
				inScan = type == START_OF_SCAN;
			}
		}
		catch (EOFException ex) {
			throw MediaProblem.truncated();
		}
	}

	/** The next marker outside a scan; fill bytes (0xFF runs) are allowed before it. */
	private static int nextMarker(DataInputStream in) throws IOException, MediaProblem {
		if (in.readUnsignedByte() != 0xFF) {
			throw MediaProblem.damaged();
		}
		int type = in.readUnsignedByte();
		while (type == 0xFF) {
			type = in.readUnsignedByte();
		}
		return type;
	}

	/**
	 * Copies compressed data up to the marker that ends the scan and returns that marker.
	 * Inside a scan, 0xFF 0x00 is a stuffed data byte and 0xFF 0xD0–0xD7 a restart
	 * marker; both belong to the data.
	 */
	private static int copyEntropyCodedData(DataInputStream in, DataOutputStream out) throws IOException {
		while (true) {
			int b = in.readUnsignedByte();
			if (b != 0xFF) {
				out.write(b);
				continue;
			}
			int next = in.readUnsignedByte();
			while (next == 0xFF) {
				next = in.readUnsignedByte();
			}
			if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
				out.write(0xFF);
				out.write(next);
				continue;
			}
			return next;
		}
	}

	private static boolean keepJpegSegment(int type, byte[] payload) {
		if (type == COMMENT) {
			return false;
		}
		if (type < APP0 || type > APP15) {
			return true;
		}
		return switch (type) {
			case APP0 -> startsWith(payload, "JFIF\0");
			case APP2 -> startsWith(payload, "ICC_PROFILE\0");
			// CMYK and YCCK pictures decode wrongly without it
			case APP14 -> startsWith(payload, "Adobe");
			default -> false;
		};
	}

	/** EXIF Orientation (tag 0x0112 of IFD0), 1 when absent or unreadable. */
	static int orientation(byte[] app1) {
		if (!startsWith(app1, "Exif\0\0")) {
			return 1;
		}
		ByteBuffer tiff = ByteBuffer.wrap(app1, 6, app1.length - 6).slice();
		try {
			if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
				tiff.order(ByteOrder.LITTLE_ENDIAN);
			}
			else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
				return 1;
			}
			if (tiff.getShort(2) != 42) {
				return 1;
			}
			int ifd = tiff.getInt(4);
			int entries = tiff.getShort(ifd) & 0xFFFF;
			for (int i = 0; i < entries; i++) {
				int entry = ifd + 2 + 12 * i;
				if ((tiff.getShort(entry) & 0xFFFF) == 0x0112 && tiff.getShort(entry + 2) == 3) {
					int orientation = tiff.getShort(entry + 8) & 0xFFFF;
					return orientation >= 1 && orientation <= 8 ? orientation : 1;
				}
			}
			return 1;
		}
		catch (IndexOutOfBoundsException ex) {
			return 1;
		}
	}

	/** A big-endian TIFF header with one IFD holding one SHORT: the orientation. */
	private static byte[] orientationOnlyExif(int orientation) {
		return new byte[] { 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
				0, (byte) orientation, 0, 0, 0, 0, 0, 0 };
	}

	/**
	 * Copies every chunk up to IEND except the text, EXIF and time chunks; data after
	 * IEND is dropped. The EXIF orientation of a PNG (rare, and ignored by most viewers)
	 * goes with the eXIf chunk.
	 */
	static void png(InputStream source, OutputStream target) throws IOException, MediaProblem {
		DataInputStream in = new DataInputStream(new BufferedInputStream(source, 64 * 1024));
		DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, 64 * 1024));
		try {
			byte[] signature = in.readNBytes(PNG_SIGNATURE.length);
			if (!Arrays.equals(signature, PNG_SIGNATURE)) {
				throw signature.length < PNG_SIGNATURE.length ? MediaProblem.truncated() : MediaProblem.damaged();
			}
			out.write(signature);
			while (true) {
				int length = in.readInt();
				if (length < 0) {
					throw MediaProblem.damaged();
				}
				byte[] type = in.readNBytes(4);
				if (type.length < 4) {
					throw MediaProblem.truncated();
				}
				String name = new String(type, StandardCharsets.ISO_8859_1);
				// data and CRC
				long rest = length + 4L;
				if (PNG_METADATA.contains(name)) {
					in.skipNBytes(rest);
				}
				else {
					out.writeInt(length);
					out.write(type);
					copy(in, out, rest);
				}
				if (name.equals("IEND")) {
					out.flush();
					return;
				}
			}
		}
		catch (EOFException ex) {
			throw MediaProblem.truncated();
		}
	}

	private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
		byte[] buffer = new byte[(int) Math.min(bytes, 64 * 1024)];
		long left = bytes;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(left, buffer.length));
			if (read < 0) {
				throw new EOFException();
			}
			out.write(buffer, 0, read);
			left -= read;
		}
	}

	private static boolean startsWith(byte[] bytes, String prefix) {
		byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
		return bytes.length >= expected.length
				&& Arrays.equals(bytes, 0, expected.length, expected, 0, expected.length);
	}

}
