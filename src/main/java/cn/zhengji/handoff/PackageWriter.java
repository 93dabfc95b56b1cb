package cn.zhengji.handoff;

import java.io.FilterOutputStream;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Issue 14 items 2 and 6: writes one sub-project's package as a ZIP straight to the given
 * stream (the HTTP response): the manifest first, then each work's files under
 * {@code <sub-project>/<no>-<title>/<file>}.
 * <p>
 * The stored files are STORED (media does not compress; no CPU spent on it) and read
 * once, with one fixed buffer: no temporary copy and the same memory for 5 works or 5000.
 * A STORED entry's header carries the CRC-32 before the bytes; it is the one the files
 * module stored with the file ({@link StoredFiles#crc32}), so the file is not read a
 * second time for it. {@link ZipOutputStream} still computes the CRC-32 of the bytes it
 * copies and fails the entry when they differ from the header's, so bytes changed since
 * the upload break the download instead of arriving silently. (The alternative, entries
 * with a data descriptor after the bytes, needs no CRC up front, but then the sizes come
 * only after the bytes too: Windows' built-in ZIP folders and older unzip tools misread
 * STORED entries written that way.)
 * <p>
 * Every file is checked as every serving path checks it ({@link StoredFiles#servable}: a
 * file found corrupted is never served, a small one is hashed again) before the first
 * byte is sent, so that a refusal is an error page, not a cut ZIP. The CRC-32 is asked
 * for when the file's entry is written: a file stored before the files module kept it is
 * then read once more (and its CRC-32 kept for the next export) there, rather than before
 * the first byte, where reading many such files would keep the client waiting for the
 * answer's headers.
 * <p>
 * A nomination form is generated (the same bytes each time, see
 * {@code infrastructure.documents.XhtmlPdf}), hashed for the manifest before it, and
 * written as a deflated entry: the manifest lists it with its size and SHA-256 like any
 * file. Forms up to {@link #FORMS_KEPT} bytes in all are kept from the hashing to the
 * writing; beyond that they are generated again, so that memory stays bounded. Every
 * entry has the same fixed time and the order is the plan's: the same selection gives the
 * same bytes.
 */
@Component
class PackageWriter {

	/** The most bytes of generated nomination forms kept between hashing and writing. */
	static final long FORMS_KEPT = 8L * 1024 * 1024;

	private final Manifest manifest;

	private final StoredFiles storedFiles;

	PackageWriter(Manifest manifest, StoredFiles storedFiles) {
		this.manifest = manifest;
		this.storedFiles = storedFiles;
	}

	/**
	 * Checks every file and makes the nomination forms; the body returned streams the
	 * package, leaving the caller's stream open. Takes a database connection only briefly
	 * per file (its check, its CRC-32, a nomination form), never while bytes flow.
	 * @param nominationPdf the nomination form of a work (entry id), for the files the
	 * plan marks as generated
	 * @throws cn.zhengji.files.StoredFileCorruptedException when a file's stored bytes no
	 * longer match its SHA-256
	 */
	HandoffPackage.Body prepare(Handoffs.PackagePlan plan, LongFunction<byte[]> nominationPdf) {
		Map<Long, byte[]> kept = new HashMap<>();
		List<Handoffs.PackageWork> works = new ArrayList<>();
		Map<Handoffs.PackageFile, Resource> stored = new HashMap<>();
		long keptBytes = 0;
		for (Handoffs.PackageWork work : plan.works()) {
			List<Handoffs.PackageFile> files = new ArrayList<>();
			for (Handoffs.PackageFile file : work.files()) {
				if (file.generated()) {
					byte[] pdf = nominationPdf.apply(file.nominationEntryId());
					if (keptBytes + pdf.length <= FORMS_KEPT) {
						kept.put(file.nominationEntryId(), pdf);
						keptBytes += pdf.length;
					}
					files.add(file.withContent(pdf.length, sha256(pdf)));
				}
				else {
					stored.put(file, storedFiles.servable(file.stored()));
					files.add(file);
				}
			}
			works.add(work.withFiles(files));
		}
		Handoffs.PackagePlan resolved = new Handoffs.PackagePlan(plan.campaign(), plan.subProject(), works);
		return out -> write(resolved, stored, kept, nominationPdf, out);
	}

	private void write(Handoffs.PackagePlan resolved, Map<Handoffs.PackageFile, Resource> stored,
			Map<Long, byte[]> kept, LongFunction<byte[]> nominationPdf, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				out.flush();
			}
		}, StandardCharsets.UTF_8);
		String root = resolved.root();
		deflated(zip, root + "/" + manifest.fileName(resolved), manifest.write(resolved));
		byte[] buffer = new byte[HandoffPackage.Body.WRITE_SIZE];
		for (Handoffs.PackageWork work : resolved.works()) {
			for (Handoffs.PackageFile file : work.files()) {
				String name = root + "/" + work.folder() + "/" + file.fileName();
				if (file.generated()) {
					byte[] pdf = kept.remove(file.nominationEntryId());
					deflated(zip, name, pdf != null ? pdf : nominationPdf.apply(file.nominationEntryId()));
				}
				else {
					stored(zip, name, file.stored(), stored.get(file), storedFiles.crc32(file.stored()), buffer);
				}
			}
		}
		zip.close();
	}

	private static void deflated(ZipOutputStream zip, String name, byte[] content) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTimeLocal(Manifest.FIXED_TIME);
		zip.putNextEntry(entry);
		zip.write(content);
		zip.closeEntry();
	}

	private static void stored(ZipOutputStream zip, String name, StoredFile file, Resource bytes, long crc32,
			byte[] buffer) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTimeLocal(Manifest.FIXED_TIME);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(file.size());
		entry.setCompressedSize(file.size());
		entry.setCrc(crc32);
		zip.putNextEntry(entry);
		try (InputStream in = bytes.getInputStream()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				zip.write(buffer, 0, read);
			}
		}
		// Fails (ZipException) when the bytes' size or CRC-32 differ from the header's.
		zip.closeEntry();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
