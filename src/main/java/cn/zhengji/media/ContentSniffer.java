package cn.zhengji.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the format of a file from its first bytes (magic numbers, box and frame
 * structure), never from its name. Zip and OLE2 containers are only recognised as such
 * here; what is inside them (PPTX or DOCX, PPT or DOC) is told apart by {@link ZipProbe}
 * and {@link Ole2Probe}.
 */
final class ContentSniffer {

	private static final int HEAD_BYTES = 8192;

	/** How far past the start (or an ID3 tag) the first MPEG audio frame may begin. */
	private static final int MP3_SCAN_BYTES = 4096;

	private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8",
			"iso9", "mp41", "mp42", "mp71", "avc1", "dash", "M4V ", "M4VH", "M4VP", "f4v ", "mmp4", "MSNV", "XAVC",
			"NDAS", "NDSC", "NDSH", "NDSM", "NDSP", "NDSS", "NDXC", "NDXH", "NDXM", "NDXP", "NDXS");

	/** An {@code onload=} style attribute: script in an SVG without a script element. */
	private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=");

	private ContentSniffer() {
	}

	static Format sniff(FileChannel channel) throws IOException {
		long size = channel.size();
		if (size == 0) {
			return Format.EMPTY;
		}
		byte[] head = read(channel, 0, (int) Math.min(HEAD_BYTES, size));
		if (startsWith(head, 4, "ftyp")) {
			return isoFamily(head);
		}
		if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
			return Format.JPG;
		}
		if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Format.PNG;
		}
		if (indexOf(head, "%PDF-", 1024) >= 0) {
			return Format.PDF;
		}
		if (startsWith(head, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return Format.OLE2_OTHER;
		}
		if (startsWith(head, 0, 'P', 'K', 3, 4) || startsWith(head, 0, 'P', 'K', 5, 6)) {
			return Format.ZIP;
		}
		if (isMp3(channel, head, size)) {
			return Format.MP3;
		}
		Format other = otherBinary(head, size);
		if (other != null) {
			return other;
		}
		return textOrUnknown(head);
	}

	private static Format isoFamily(byte[] head) {
		String major = ascii(head, 8, 4);
		switch (major) {
			case "qt  " -> {
				return Format.MOV;
			}
			case "M4A ", "M4B ", "M4P " -> {
				return Format.M4A;
			}
			case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1" -> {
				return Format.HEIF;
			}
			case "avif", "avis" -> {
				return Format.AVIF;
			}
			default -> {
			}
		}
		if (major.startsWith("3gp") || major.startsWith("3g2")) {
			return Format.THREE_GP;
		}
		if (MP4_BRANDS.contains(major)) {
			return Format.MP4;
		}
		long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8)
				| (head[3] & 0xFF);
		for (int offset = 16; offset + 4 <= Math.min(boxSize, head.length); offset += 4) {
			if (MP4_BRANDS.contains(ascii(head, offset, 4))) {
				return Format.MP4;
			}
		}
		return Format.UNKNOWN;
	}

	/**
	 * An ID3v2 tag followed by a frame, or several consecutive valid MPEG audio frame
	 * headers.
	 */
	private static boolean isMp3(FileChannel channel, byte[] head, long size) throws IOException {
		long start = 0;
		int framesNeeded = 3;
		if (startsWith(head, 0, 'I', 'D', '3') && head.length >= 10) {
			long tagSize = ((head[6] & 0x7FL) << 21) | ((head[7] & 0x7F) << 14) | ((head[8] & 0x7F) << 7)
					| (head[9] & 0x7F);
			boolean footer = (head[5] & 0x10) != 0;
			start = 10 + tagSize + (footer ? 10 : 0);
			framesNeeded = 2;
		}
		if (start >= size) {
			return false;
		}
		byte[] window = read(channel, start, (int) Math.min(size - start, MP3_SCAN_BYTES + 3 * 2881L + 4));
		for (int offset = 0; offset < Math.min(MP3_SCAN_BYTES, window.length); offset++) {
			if ((window[offset] & 0xFF) != 0xFF) {
				continue;
			}
			int position = offset;
			int frames = 0;
			while (frames < framesNeeded) {
				int length = mpegFrameLength(window, position);
				if (length <= 0) {
					break;
				}
				frames++;
				position += length;
				if (position >= window.length) {
					// A short file whose frames all check out up to its end is still an
					// MP3.
					frames = position >= size - start ? framesNeeded : frames;
					break;
				}
			}
			if (frames >= framesNeeded) {
				return true;
			}
		}
		return false;
	}

	private static final int[][] BIT_RATES = {
			// MPEG-1 layer I, II, III
			{ 0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448 },
			{ 0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384 },
			{ 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320 },
			// MPEG-2/2.5 layer I, II and III
			{ 0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256 },
			{ 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 } };

	private static final int[] SAMPLE_RATES = { 44100, 48000, 32000 };

	/**
	 * Length in bytes of the MPEG audio frame whose header starts at offset, or 0 if none
	 * does.
	 */
	static int mpegFrameLength(byte[] bytes, int offset) {
		if (offset + 4 > bytes.length) {
			return 0;
		}
		int b1 = bytes[offset] & 0xFF;
		int b2 = bytes[offset + 1] & 0xFF;
		int b3 = bytes[offset + 2] & 0xFF;
		if (b1 != 0xFF || (b2 & 0xE0) != 0xE0) {
			return 0;
		}
		int version = (b2 >> 3) & 3; // 0 = 2.5, 2 = 2, 3 = 1
		int layer = (b2 >> 1) & 3; // 1 = III, 2 = II, 3 = I
		int bitRateIndex = (b3 >> 4) & 0xF;
		int sampleRateIndex = (b3 >> 2) & 3;
		if (version == 1 || layer == 0 || bitRateIndex == 0 || bitRateIndex == 15 || sampleRateIndex == 3) {
			return 0;
		}
		boolean mpeg1 = version == 3;
		int table = mpeg1 ? 3 - layer : (layer == 3 ? 3 : 4);
		int bitRate = BIT_RATES[table][bitRateIndex] * 1000;
		int sampleRate = SAMPLE_RATES[sampleRateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
		int padding = (b3 >> 1) & 1;
		if (layer == 3) {
			return (12 * bitRate / sampleRate + padding) * 4;
		}
		int factor = layer == 1 && !mpeg1 ? 72 : 144;
		return factor * bitRate / sampleRate + padding;
	}

	private static Format otherBinary(byte[] head, long size) {
		if (startsWith(head, 0, 'G', 'I', 'F', '8')) {
			return Format.GIF;
		}
		if (startsWith(head, 0, 'R', 'I', 'F', 'F') && head.length >= 12) {
			return switch (ascii(head, 8, 4)) {
				case "WEBP" -> Format.WEBP;
				case "AVI " -> Format.AVI;
				case "WAVE" -> Format.WAV;
				default -> Format.UNKNOWN;
			};
		}
		if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
			return Format.MATROSKA;
		}
		if (startsWith(head, 0, 'F', 'L', 'V', 1)) {
			return Format.FLV;
		}
		if (head.length > 376 && head[0] == 0x47 && head[188] == 0x47 && head[376] == 0x47) {
			return Format.MPEG_TS;
		}
		if (startsWith(head, 0, 'f', 'L', 'a', 'C')) {
			return Format.FLAC;
		}
		if (startsWith(head, 0, 'O', 'g', 'g', 'S')) {
			return Format.OGG;
		}
		if (startsWith(head, 0, '#', '!', 'A', 'M', 'R')) {
			return Format.AMR;
		}
		if (startsWith(head, 0, 'B', 'M') && head.length >= 6 && ((head[2] & 0xFFL) | (head[3] & 0xFFL) << 8
				| (head[4] & 0xFFL) << 16 | (head[5] & 0xFFL) << 24) == size) {
			return Format.BMP;
		}
		if (startsWith(head, 0, 'I', 'I', '*', 0) || startsWith(head, 0, 'M', 'M', 0, '*')) {
			return Format.TIFF;
		}
		if (startsWith(head, 0, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
			return Format.RAR;
		}
		if (startsWith(head, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
			return Format.SEVEN_ZIP;
		}
		if (startsWith(head, 0, 0x1F, 0x8B)) {
			return Format.GZIP;
		}
		if (startsWith(head, 0, 0x7F, 'E', 'L', 'F') || startsWith(head, 0, 'M', 'Z')) {
			return Format.EXECUTABLE;
		}
		return null;
	}

	/**
	 * Text is told by the absence of binary control bytes (so GBK text counts as text
	 * too); markup and scripts by what they start with. An SVG is an image a browser runs
	 * scripts in.
	 */
	private static Format textOrUnknown(byte[] head) {
		int controls = 0;
		for (byte b : head) {
			int c = b & 0xFF;
			if (c == 0) {
				return Format.UNKNOWN;
			}
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
				controls++;
			}
		}
		if (controls * 100 > head.length) {
			return Format.UNKNOWN;
		}
		String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
		if (text.contains("<svg")) {
			return text.contains("<script") || EVENT_HANDLER.matcher(text).find() ? Format.SVG_WITH_SCRIPT : Format.SVG;
		}
		if (text.startsWith("<!doctype html") || text.contains("<html") || text.contains("<script")) {
			return Format.HTML;
		}
		if (text.startsWith("<?xml") || text.startsWith("<")) {
			return Format.XML;
		}
		if (text.startsWith("#!") || text.startsWith("<?php") || text.startsWith("@echo")) {
			return Format.SCRIPT;
		}
		return Format.TEXT;
	}

	static byte[] read(FileChannel channel, long position, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		while (buffer.hasRemaining()) {
			int read = channel.read(buffer, position + buffer.position());
			if (read < 0) {
				break;
			}
		}
		byte[] bytes = new byte[buffer.position()];
		buffer.flip().get(bytes);
		return bytes;
	}

	private static boolean startsWith(byte[] bytes, int offset, int... expected) {
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xFF) != (expected[i] & 0xFF)) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] bytes, int offset, String expected) {
		return startsWith(bytes, offset, expected.chars().toArray());
	}

	private static int indexOf(byte[] bytes, String needle, int within) {
		byte[] target = needle.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + target.length <= Math.min(bytes.length, within + target.length); i++) {
			if (startsWith(bytes, i, needle)) {
				return i;
			}
		}
		return -1;
	}

	private static String ascii(byte[] bytes, int offset, int length) {
		if (bytes.length < offset + length) {
			return "";
		}
		return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
	}

}
