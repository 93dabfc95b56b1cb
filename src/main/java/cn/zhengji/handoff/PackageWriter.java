package cn.zhengji.handoff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipException;

import cn.zhengji.files.StoredFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Issue 14 items 2 and 6: writes one sub-project's package as a ZIP ({@link ZipStream})
 * straight to the given stream (the HTTP response), with its length known before the
 * first byte: the manifest first, then each work's files under
 * {@code <sub-project>/<no>-<title>/<file>}.
 * <p>
 * The stored files are STORED (media does not compress; no CPU spent on it) and read
 * once, with one fixed buffer: no temporary copy and the same memory for 5 works or 5000.
 * A STORED entry's header carries the CRC-32 before the bytes; it is the one the files
 * module stored with the file ({@link StoredFiles#crc32}), so the file is not read a
 * second time for it. {@link ZipStream} takes the CRC-32 of the bytes as they pass and
 * fails the entry when it differs from the header's (or the file has another length), so
 * bytes changed since the upload break the download instead of arriving silently.
 * <p>
 * Every file is checked as every serving path checks it ({@link StoredFiles#servable}: a
 * file found corrupted is never served, a small one is hashed again) before the first
 * byte is sent, so that a refusal is an error page, not a cut ZIP. The CRC-32 is asked
 * for when the file's entry is written: a file stored before the files module kept it is
 * then read once more (and its CRC-32 kept for the next export) there, rather than before
 * the first byte, where reading many such files would keep the client waiting for the
 * answer's headers. (The length of the ZIP does not depend on it.)
 * <p>
 * The manifest and each nomination form are generated (the same bytes each time, see
 * {@code infrastructure.documents.XhtmlPdf}), hashed for the manifest and compressed
 * before the first byte: a DEFLATED entry's compressed size is part of the ZIP's length.
 * The manifest lists a form with its size and SHA-256 like any file. Compressed forms up
 * to {@link #FORMS_KEPT} bytes in all are kept until they are written; beyond that they
 * are generated and compressed again, and must come out the same. Every entry has the
 * same fixed time and the order is the plan's: the same selection gives the same bytes.
 */
@Component
class PackageWriter {

	/** The most bytes of generated nomination forms kept between hashing and writing. */
	static final long FORMS_KEPT = 8L * 1024 * 1024;

	private final Manifest manifest;

	private final StoredFiles storedFiles;

	private final long formsKept;

	@Autowired
	PackageWriter(Manifest manifest, StoredFiles storedFiles) {
		this(manifest, storedFiles, FORMS_KEPT);
	}

	PackageWriter(Manifest manifest, StoredFiles storedFiles, long formsKept) {
		this.manifest = manifest;
		this.storedFiles = storedFiles;
		this.formsKept = formsKept;
	}

	/**
	 * Checks every file and makes the manifest and the nomination forms; the body
	 * returned knows its length and streams the package, leaving the caller's stream
	 * open. Takes a database connection only briefly per file (its check, its CRC-32, a
	 * nomination form), never while bytes flow.
	 * @param nominationPdf the nomination form of a work (entry id), for the files the
	 * plan marks as generated
	 * @throws cn.zhengji.files.StoredFileCorruptedException when a file's stored bytes no
	 * longer match its SHA-256
	 */
	HandoffPackage.Body prepare(Handoffs.PackagePlan plan, LongFunction<byte[]> nominationPdf) throws IOException {
		Map<Long, Compressed> forms = new HashMap<>();
		List<Handoffs.PackageWork> works = new ArrayList<>();
		Map<Handoffs.PackageFile, Resource> stored = new HashMap<>();
		long keptBytes = 0;
		for (Handoffs.PackageWork work : plan.works()) {
			List<Handoffs.PackageFile> files = new ArrayList<>();
			for (Handoffs.PackageFile file : work.files()) {
				if (file.generated()) {
					byte[] pdf = nominationPdf.apply(file.nominationEntryId());
					Compressed form = Compressed.of(pdf);
					if (keptBytes + form.compressedSize() <= this.formsKept) {
						keptBytes += form.compressedSize();
					}
					else {
						form = form.withoutBytes();
					}
					forms.put(file.nominationEntryId(), form);
					files.add(file.withContent(pdf.length, form.sha256()));
				}
				else {
					stored.put(file, storedFiles.servable(file.stored()));
					files.add(file);
				}
			}
			works.add(work.withFiles(files));
		}
		Handoffs.PackagePlan resolved = new Handoffs.PackagePlan(plan.campaign(), plan.subProject(), works);
		String root = resolved.root();
		List<ZipStream.Entry> entries = new ArrayList<>();
		// the entity tag: a digest of what decides the bytes, each entry's name, method,
		// sizes and content SHA-256 (a stored file's kept since its upload)
		MessageDigest etag = sha256();
		Compressed manifestBytes = Compressed.of(manifest.write(resolved));
		add(entries, etag, manifestBytes.entry(root + "/" + manifest.fileName(resolved), null), manifestBytes.sha256());
		for (Handoffs.PackageWork work : resolved.works()) {
			for (Handoffs.PackageFile file : work.files()) {
				String name = root + "/" + work.folder() + "/" + file.fileName();
				if (file.generated()) {
					add(entries, etag, forms.remove(file.nominationEntryId())
						.entry(name, () -> nominationPdf.apply(file.nominationEntryId())), file.sha256());
				}
				else {
					Resource bytes = stored.get(file);
					add(entries, etag, ZipStream.Entry.stored(name, file.size(), () -> storedFiles.crc32(file.stored()),
							(out, from, count) -> copy(bytes, from, count, from == 0 && count == file.size(), out)),
							file.sha256());
				}
			}
		}
		return new Prepared(new ZipStream(entries, Manifest.FIXED_TIME),
				"\"" + HexFormat.of().formatHex(etag.digest(), 0, 16) + "\"");
	}

	private static void add(List<ZipStream.Entry> entries, MessageDigest etag, ZipStream.Entry entry, String sha256) {
		entries.add(entry);
		etag.update((entry.name() + "\n" + entry.method() + "\n" + entry.size() + "\n" + entry.compressedSize() + "\n"
				+ sha256 + "\n")
			.getBytes(StandardCharsets.UTF_8));
	}

	/** A package ready to be streamed, whole or a byte range of it. */
	private record Prepared(ZipStream zip, String etag) implements HandoffPackage.Body {

		@Override
		public long length() {
			return this.zip.length();
		}

		@Override
		public void write(OutputStream out) throws IOException {
			this.zip.write(out);
		}

		@Override
		public void write(OutputStream out, long from, long count) throws IOException {
			this.zip.write(out, from, count);
		}

	}

	/**
	 * Copies {@code count} bytes of a stored file from {@code from}; all of it (a file
	 * longer than its recorded size then writes the excess, which {@link ZipStream}
	 * refuses).
	 */
	private static void copy(Resource bytes, long from, long count, boolean whole, OutputStream out)
			throws IOException {
		byte[] buffer = new byte[HandoffPackage.Body.WRITE_SIZE];
		try (InputStream in = bytes.getInputStream()) {
			// a seek for a file in local storage
			in.skipNBytes(from);
			long left = whole ? Long.MAX_VALUE : count;
			while (left > 0) {
				int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (read < 0) {
					break;
				}
				out.write(buffer, 0, read);
				left -= read;
			}
		}
	}

	/**
	 * A generated document (the manifest, a nomination form) compressed as a DEFLATED
	 * entry (as {@code ZipOutputStream} does: the default level, raw deflate), its
	 * compressed bytes kept or not.
	 */
	private record Compressed(long size, long crc32, long compressedSize, byte[] bytes, String sha256) {

		static Compressed of(byte[] content) {
			CRC32 crc = new CRC32();
			crc.update(content);
			Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
			try {
				deflater.setInput(content);
				deflater.finish();
				ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
				byte[] chunk = new byte[64 * 1024];
				while (!deflater.finished()) {
					out.write(chunk, 0, deflater.deflate(chunk));
				}
				byte[] compressed = out.toByteArray();
				return new Compressed(content.length, crc.getValue(), compressed.length, compressed,
						PackageWriter.sha256(content));
			}
			finally {
				deflater.end();
			}
		}

		Compressed withoutBytes() {
			return new Compressed(this.size, this.crc32, this.compressedSize, null, this.sha256);
		}

		/**
		 * The entry: its kept bytes, or else the document made (by {@code makeAgain}) and
		 * compressed again when it is written, which must give the same bytes.
		 */
		ZipStream.Entry entry(String name, Supplier<byte[]> makeAgain) {
			return new ZipStream.Entry(name, ZipStream.Method.DEFLATED, this.size, this.compressedSize,
					() -> this.crc32, (out, from, count) -> {
						byte[] compressed = this.bytes;
						if (compressed == null) {
							Compressed again = Compressed.of(makeAgain.get());
							if (again.crc32 != this.crc32 || again.compressedSize != this.compressedSize) {
								throw new ZipException(name + " came out different when it was made again");
							}
							compressed = again.bytes;
						}
						out.write(compressed, (int) from, (int) count);
					});
		}

	}

	static String sha256(byte[] content) {
		return HexFormat.of().formatHex(sha256().digest(content));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
