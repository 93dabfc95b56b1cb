package cn.zhengji.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Looks inside a zip (PPTX, DOCX, XLSX or a plain archive) without extracting anything to
 * disk: every entry is inflated into a counter, never trusting the sizes the archive
 * declares, and the walk stops at the first sign of a zip bomb (too many entries, too
 * many bytes in all, or one entry swelling far beyond its compressed size) or of an entry
 * name that would escape a target folder when someone unpacks it (zip slip).
 */
final class ZipProbe {

	/** Far above the few hundred parts of a large presentation. */
	static final int MAX_ENTRIES = 10_000;

	/**
	 * A 100 MB presentation of photos expands to little more than itself; 1 GiB leaves
	 * ten times that.
	 */
	static final long MAX_TOTAL_BYTES = 1L << 30;

	/**
	 * Office XML compresses 10 to 30 times; a bomb's runs of one byte compress 1000
	 * times.
	 */
	static final int MAX_RATIO = 200;

	/**
	 * Small entries may compress extremely well without harm, so the ratio applies above
	 * this.
	 */
	private static final long RATIO_APPLIES_ABOVE = 8L << 20;

	private ZipProbe() {
	}

	/** What the archive holds, once it has been read safely. */
	record ZipFacts(Format format, int entries, long uncompressedBytes) {
	}

	static ZipFacts read(Path path) throws MediaProblem {
		boolean contentTypes = false;
		boolean ppt = false;
		boolean word = false;
		boolean xl = false;
		int entries = 0;
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipFile zip = new ZipFile(path.toFile())) {
			Enumeration<? extends ZipEntry> all = zip.entries();
			while (all.hasMoreElements()) {
				ZipEntry entry = all.nextElement();
				if (++entries > MAX_ENTRIES) {
					throw new MediaProblem("archive", "media.archive.entries", MAX_ENTRIES);
				}
				String name = entry.getName();
				String unsafe = unsafeName(name);
				if (unsafe != null) {
					throw new MediaProblem("archive", "media.archive.unsafeName", printable(name),
							new MediaProblem.MessageKey("media.archive.reason." + unsafe));
				}
				contentTypes |= name.equals("[Content_Types].xml");
				ppt |= name.startsWith("ppt/");
				word |= name.startsWith("word/");
				xl |= name.startsWith("xl/");
				if (entry.isDirectory()) {
					continue;
				}
				long compressed = Math.max(entry.getCompressedSize(), 1);
				long inflated = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					int read;
					while ((read = in.read(buffer)) > 0) {
						inflated += read;
						total += read;
						if (total > MAX_TOTAL_BYTES) {
							throw new MediaProblem("archive", "media.archive.total", MAX_TOTAL_BYTES >> 20);
						}
						if (inflated > RATIO_APPLIES_ABOVE && inflated / compressed > MAX_RATIO) {
							throw new MediaProblem("archive", "media.archive.ratio", printable(name), MAX_RATIO);
						}
					}
				}
			}
		}
		catch (ZipException ex) {
			throw new MediaProblem("integrity", "media.integrity.damagedArchive");
		}
		catch (IOException | RuntimeException ex) {
			// ZipFile reports some malformed central directories (bad name encodings) as
			// unchecked exceptions.
			throw new MediaProblem("integrity", "media.integrity.damagedArchive");
		}
		Format format = Format.ZIP;
		if (contentTypes && ppt) {
			format = Format.PPTX;
		}
		else if (contentTypes && word) {
			format = Format.DOCX;
		}
		else if (contentTypes && xl) {
			format = Format.XLSX;
		}
		return new ZipFacts(format, entries, total);
	}

	/** Why an entry name is unsafe to unpack, or null. */
	private static String unsafeName(String name) {
		if (name.indexOf('\\') >= 0) {
			return "backslash";
		}
		if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
			return "absolute";
		}
		for (String segment : name.split("/")) {
			if (segment.equals("..")) {
				return "parent";
			}
		}
		if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
			return "control";
		}
		return null;
	}

	/** The name as it may be shown: no control or direction characters, not too long. */
	static String printable(String name) {
		String cleaned = name.codePoints()
			.map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return cleaned.length() > 80 ? cleaned.substring(0, 80) + "…" : cleaned;
	}

}
