package cn.zhengji.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Cuts the tags off an MP3: ID3v2 at the start (several in a row happen), and at the end
 * ID3v1 (with its "TAG+" extension), APEv2, Lyrics3 v2 and an appended ID3v2.4 — in
 * whatever order taggers stacked them. The audio frames between are copied byte for byte.
 * A byte range is exact and cheap; jaudiotagger's tag deletion rewrites the file in place
 * and leaves APEv2 and Lyrics3 behind.
 */
final class Mp3Stripper {

	private static final int ID3V1 = 128;

	private static final int ID3V1_EXTENDED = 227;

	private static final int APE_FOOTER = 32;

	private Mp3Stripper() {
	}

	static void strip(Path original, Path partial) throws IOException, MediaProblem {
		Mp3Probe.read(original);
		try (FileChannel in = FileChannel.open(original, StandardOpenOption.READ);
				FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING)) {
			long size = in.size();
			long start = 0;
			while (size - start >= 10 && ascii(in, start, 3).equals("ID3")) {
				ByteBuffer header = BlindCopies.readExactly(in, start, 10);
				boolean footer = (header.get(5) & 0x10) != 0;
				start += 10 + synchsafe(header, 6) + (footer ? 10 : 0);
			}
			long end = size;
			boolean cut = true;
			while (cut && end > start) {
				cut = false;
				if (end - start >= ID3V1 && ascii(in, end - ID3V1, 3).equals("TAG")) {
					end -= ID3V1;
					if (end - start >= ID3V1_EXTENDED && ascii(in, end - ID3V1_EXTENDED, 4).equals("TAG+")) {
						end -= ID3V1_EXTENDED;
					}
					cut = true;
				}
				if (end - start >= APE_FOOTER && ascii(in, end - APE_FOOTER, 8).equals("APETAGEX")) {
					ByteBuffer footer = BlindCopies.readExactly(in, end - APE_FOOTER, APE_FOOTER)
						.order(ByteOrder.LITTLE_ENDIAN);
					long tagSize = footer.getInt(12) & 0xFFFFFFFFL;
					boolean withHeader = (footer.getInt(20) & 0x80000000) != 0;
					end -= tagSize + (withHeader ? APE_FOOTER : 0);
					cut = true;
				}
				if (end - start >= 10 && ascii(in, end - 10, 3).equals("3DI")) {
					end -= synchsafe(BlindCopies.readExactly(in, end - 10, 10), 6) + 20;
					cut = true;
				}
				if (end - start >= 15 && ascii(in, end - 9, 9).equals("LYRICS200")) {
					String digits = ascii(in, end - 15, 6);
					if (!digits.matches("\\d{6}")) {
						throw MediaProblem.damaged();
					}
					end -= Long.parseLong(digits) + 15;
					cut = true;
				}
			}
			if (end <= start) {
				throw MediaProblem.damaged();
			}
			for (long at = start; at < end;) {
				at += in.transferTo(at, end - at, out);
			}
		}
	}

	private static long synchsafe(ByteBuffer header, int offset) {
		return ((header.get(offset) & 0x7FL) << 21) | ((header.get(offset + 1) & 0x7F) << 14)
				| ((header.get(offset + 2) & 0x7F) << 7) | (header.get(offset + 3) & 0x7F);
	}

	private static String ascii(FileChannel channel, long position, int length) throws IOException, MediaProblem {
		ByteBuffer bytes = BlindCopies.readExactly(channel, position, length);
		return new String(bytes.array(), StandardCharsets.ISO_8859_1);
	}

}
