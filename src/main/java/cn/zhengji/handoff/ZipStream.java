package cn.zhengji.handoff;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * Issue 14 items 2 and 6: a ZIP written front to back whose length is known before its
 * first byte, so that a download of tens of gigabytes carries a {@code Content-Length}
 * (the browser shows the size and the time left; a cut download is seen as cut).
 * <p>
 * Why our own writer and not {@link java.util.zip.ZipOutputStream}: every byte of a ZIP
 * other than the entries' contents follows from the names, methods and sizes (APPNOTE
 * 6.3.10: local headers, central directory, ZIP64 records when a size, an offset or the
 * number of entries outgrows the classic fields), but the JDK's writer decides its
 * extras, data descriptors and ZIP64 records while writing and does not say what it will
 * write; computing its length on the side would copy those decisions and drift from them.
 * Here the same functions make the header bytes and count them. Compressing is left to
 * the caller: an entry arrives with its sizes known (a DEFLATED entry as its compressed
 * bytes). No data descriptors: a STORED entry written with one has no sizes in its local
 * header, which Windows' built-in ZIP folders and older unzip tools misread.
 * <p>
 * A STORED entry's bytes are checked as they pass: their count against the header's size
 * (an excess is refused before it is written) and their CRC-32 against the header's, so a
 * file changed since its CRC-32 was taken breaks the stream instead of arriving silently.
 */
final class ZipStream {

	/** The entries' methods (APPNOTE 4.4.5). */
	enum Method {

		STORED(0), DEFLATED(8);

		final int code;

		Method(int code) {
			this.code = code;
		}

	}

	/**
	 * Writes an entry's bytes (for DEFLATED, the compressed ones): {@code count} of them
	 * from {@code from} (all of them: from 0, its compressed size).
	 */
	@FunctionalInterface
	interface Content {

		void writeTo(OutputStream out, long from, long count) throws IOException;

	}

	/**
	 * One entry.
	 *
	 * @param size the uncompressed size
	 * @param compressedSize the number of bytes {@code content} writes
	 * @param crc32 the CRC-32 of the uncompressed bytes, asked for when the entry is
	 * written (so that a value that costs a read is not needed before the first byte)
	 */
	record Entry(String name, Method method, long size, long compressedSize, LongSupplier crc32, Content content) {

		static Entry stored(String name, long size, LongSupplier crc32, Content content) {
			return new Entry(name, Method.STORED, size, size, crc32, content);
		}

	}

	private static final long MAX_32 = 0xFFFFFFFFL;

	private static final int MAX_16 = 0xFFFF;

	private static final int LOCAL_HEADER = 30;

	private static final int CENTRAL_HEADER = 46;

	private static final int END = 22;

	private static final int ZIP64_END = 56;

	private static final int ZIP64_LOCATOR = 20;

	/** General purpose flag bit 11: names are UTF-8. */
	private static final int UTF8 = 0x0800;

	private final List<Entry> entries;

	private final byte[][] names;

	private final long[] offsets;

	private final int dosTime;

	private final int dosDate;

	private final long centralOffset;

	private final long centralSize;

	private final boolean zip64End;

	ZipStream(List<Entry> entries, LocalDateTime time) {
		this.entries = List.copyOf(entries);
		this.names = new byte[this.entries.size()][];
		this.offsets = new long[this.entries.size()];
		this.dosTime = time.getHour() << 11 | time.getMinute() << 5 | time.getSecond() >> 1;
		this.dosDate = (time.getYear() - 1980) << 9 | time.getMonthValue() << 5 | time.getDayOfMonth();
		long position = 0;
		long central = 0;
		for (int i = 0; i < this.entries.size(); i++) {
			Entry entry = this.entries.get(i);
			this.names[i] = entry.name().getBytes(StandardCharsets.UTF_8);
			if (this.names[i].length > MAX_16) {
				throw new IllegalArgumentException("name too long: " + entry.name());
			}
			this.offsets[i] = position;
			position += LOCAL_HEADER + this.names[i].length + localExtra(entry) + entry.compressedSize();
			central += CENTRAL_HEADER + this.names[i].length + centralExtra(entry, this.offsets[i]);
		}
		this.centralOffset = position;
		this.centralSize = central;
		this.zip64End = this.entries.size() >= MAX_16 || position >= MAX_32 || central >= MAX_32;
	}

	/** The number of bytes {@link #write} writes. */
	long length() {
		return this.centralOffset + this.centralSize + (this.zip64End ? ZIP64_END + ZIP64_LOCATOR : 0) + END;
	}

	/**
	 * Writes the ZIP to {@code out}, which is left open.
	 * @throws ZipException when an entry's content writes other than its compressed size,
	 * or a STORED entry's bytes have another CRC-32 than its header
	 */
	void write(OutputStream out) throws IOException {
		write(out, 0, length());
	}

	/**
	 * Writes {@code count} bytes of the ZIP from {@code from} (a byte range: a download
	 * resumed), the same bytes {@link #write(OutputStream)} writes there. Only entries
	 * written whole have their CRC-32 checked; a part of one is counted.
	 * @throws ZipException as {@link #write(OutputStream)}
	 */
	void write(OutputStream out, long from, long count) throws IOException {
		long end = from + count;
		if (from < 0 || count < 0 || end > length()) {
			throw new IllegalArgumentException("bytes " + from + "+" + count + " of " + length());
		}
		long[] crcs = new long[this.entries.size()];
		Arrays.fill(crcs, -1);
		for (int i = 0; i < this.entries.size() && this.offsets[i] < end; i++) {
			Entry entry = this.entries.get(i);
			long contentStart = this.offsets[i] + LOCAL_HEADER + this.names[i].length + localExtra(entry);
			long contentEnd = contentStart + entry.compressedSize();
			if (contentEnd <= from) {
				continue;
			}
			if (from < contentStart) {
				slice(out, localHeader(entry, this.names[i], crc(crcs, i), this.offsets[i]), this.offsets[i], from,
						end);
			}
			long first = Math.max(from, contentStart);
			long last = Math.min(end, contentEnd);
			// an empty entry's content is still asked for (a file that grew since is
			// refused)
			if (first < last || (entry.compressedSize() == 0 && from <= contentStart && contentStart < end)) {
				boolean whole = first == contentStart && last == contentEnd;
				CheckedContent checked = new CheckedContent(out, entry, last - first, whole);
				entry.content().writeTo(checked, first - contentStart, last - first);
				checked.finish(whole ? crc(crcs, i) : -1);
			}
		}
		long position = this.centralOffset;
		for (int i = 0; i < this.entries.size() && position < end; i++) {
			Entry entry = this.entries.get(i);
			long length = CENTRAL_HEADER + this.names[i].length + centralExtra(entry, this.offsets[i]);
			if (position + length > from) {
				slice(out, centralHeader(entry, this.names[i], crc(crcs, i), this.offsets[i]), position, from, end);
			}
			position += length;
		}
		if (end > position) {
			slice(out, end(), position, from, end);
		}
	}

	/**
	 * Writes the part of {@code bytes} (found at {@code at} in the ZIP) within the range.
	 */
	private static void slice(OutputStream out, byte[] bytes, long at, long from, long end) throws IOException {
		int first = (int) Math.max(0, from - at);
		int last = (int) Math.min(bytes.length, end - at);
		if (first < last) {
			out.write(bytes, first, last - first);
		}
	}

	private long crc(long[] crcs, int i) {
		if (crcs[i] < 0) {
			crcs[i] = this.entries.get(i).crc32().getAsLong();
		}
		return crcs[i];
	}

	private static boolean zip64Sizes(Entry entry) {
		return entry.size() >= MAX_32 || entry.compressedSize() >= MAX_32;
	}

	/** A local header's ZIP64 extra carries both sizes (APPNOTE 4.5.3). */
	private static int localExtra(Entry entry) {
		return zip64Sizes(entry) ? 4 + 16 : 0;
	}

	/** A central header's ZIP64 extra carries the fields that overflow, in this order. */
	private static int centralExtra(Entry entry, long offset) {
		int fields = (entry.size() >= MAX_32 ? 1 : 0) + (entry.compressedSize() >= MAX_32 ? 1 : 0)
				+ (offset >= MAX_32 ? 1 : 0);
		return fields == 0 ? 0 : 4 + 8 * fields;
	}

	private static int versionNeeded(Entry entry, long offset) {
		if (zip64Sizes(entry) || offset >= MAX_32) {
			return 45;
		}
		return entry.method() == Method.DEFLATED ? 20 : 10;
	}

	private byte[] localHeader(Entry entry, byte[] name, long crc, long offset) {
		int extra = localExtra(entry);
		ByteBuffer header = buffer(LOCAL_HEADER + name.length + extra);
		header.putInt(0x04034b50);
		header.putShort((short) versionNeeded(entry, offset));
		header.putShort((short) UTF8);
		header.putShort((short) entry.method().code);
		header.putShort((short) this.dosTime);
		header.putShort((short) this.dosDate);
		header.putInt((int) crc);
		header.putInt((int) (extra > 0 ? MAX_32 : entry.compressedSize()));
		header.putInt((int) (extra > 0 ? MAX_32 : entry.size()));
		header.putShort((short) name.length);
		header.putShort((short) extra);
		header.put(name);
		if (extra > 0) {
			header.putShort((short) 0x0001);
			header.putShort((short) 16);
			header.putLong(entry.size());
			header.putLong(entry.compressedSize());
		}
		return header.array();
	}

	private byte[] centralHeader(Entry entry, byte[] name, long crc, long offset) {
		int extra = centralExtra(entry, offset);
		ByteBuffer header = buffer(CENTRAL_HEADER + name.length + extra);
		header.putInt(0x02014b50);
		int version = versionNeeded(entry, offset);
		header.putShort((short) version);
		header.putShort((short) version);
		header.putShort((short) UTF8);
		header.putShort((short) entry.method().code);
		header.putShort((short) this.dosTime);
		header.putShort((short) this.dosDate);
		header.putInt((int) crc);
		header.putInt((int) Math.min(entry.compressedSize(), MAX_32));
		header.putInt((int) Math.min(entry.size(), MAX_32));
		header.putShort((short) name.length);
		header.putShort((short) extra);
		header.putShort((short) 0);
		header.putShort((short) 0);
		header.putShort((short) 0);
		header.putInt(0);
		header.putInt((int) Math.min(offset, MAX_32));
		header.put(name);
		if (extra > 0) {
			header.putShort((short) 0x0001);
			header.putShort((short) (extra - 4));
			if (entry.size() >= MAX_32) {
				header.putLong(entry.size());
			}
			if (entry.compressedSize() >= MAX_32) {
				header.putLong(entry.compressedSize());
			}
			if (offset >= MAX_32) {
				header.putLong(offset);
			}
		}
		return header.array();
	}

	private byte[] end() {
		int count = this.entries.size();
		ByteBuffer end = buffer((this.zip64End ? ZIP64_END + ZIP64_LOCATOR : 0) + END);
		if (this.zip64End) {
			long zip64EndOffset = this.centralOffset + this.centralSize;
			end.putInt(0x06064b50);
			end.putLong(ZIP64_END - 12);
			end.putShort((short) 45);
			end.putShort((short) 45);
			end.putInt(0);
			end.putInt(0);
			end.putLong(count);
			end.putLong(count);
			end.putLong(this.centralSize);
			end.putLong(this.centralOffset);
			end.putInt(0x07064b50);
			end.putInt(0);
			end.putLong(zip64EndOffset);
			end.putInt(1);
		}
		end.putInt(0x06054b50);
		end.putShort((short) 0);
		end.putShort((short) 0);
		end.putShort((short) Math.min(count, MAX_16));
		end.putShort((short) Math.min(count, MAX_16));
		end.putInt((int) Math.min(this.centralSize, MAX_32));
		end.putInt((int) Math.min(this.centralOffset, MAX_32));
		end.putShort((short) 0);
		return end.array();
	}

	private static ByteBuffer buffer(int length) {
		return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
	}

	/**
	 * Passes (a part of) an entry's content through, counting it (an excess is refused
	 * before it is written) and, for a STORED entry written whole, taking its CRC-32.
	 */
	private static final class CheckedContent extends OutputStream {

		private final OutputStream out;

		private final Entry entry;

		private final long expected;

		private final CRC32 crc;

		private long written;

		CheckedContent(OutputStream out, Entry entry, long expected, boolean whole) {
			this.out = out;
			this.entry = entry;
			this.expected = expected;
			this.crc = (whole && entry.method() == Method.STORED) ? new CRC32() : null;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (this.written + len > this.expected) {
				throw new ZipException(this.entry.name() + ": more than its " + this.expected + " bytes");
			}
			if (this.crc != null) {
				this.crc.update(b, off, len);
			}
			this.out.write(b, off, len);
			this.written += len;
		}

		/**
		 * @param expectedCrc the header's CRC-32, checked for a STORED entry written
		 * whole
		 */
		void finish(long expectedCrc) throws ZipException {
			if (this.written != this.expected) {
				throw new ZipException(this.entry.name() + ": " + this.written + " bytes instead of " + this.expected);
			}
			if (this.crc != null && this.crc.getValue() != expectedCrc) {
				throw new ZipException(this.entry.name() + ": CRC-32 " + Long.toHexString(this.crc.getValue())
						+ " instead of " + Long.toHexString(expectedCrc));
			}
		}

	}

}
