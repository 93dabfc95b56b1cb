package cn.zhengji.handoff;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongFunction;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

/**
 * Issue 14 items 2 and 6: writes one sub-project's package as a ZIP straight to the given
 * stream (the HTTP response): the manifest first, then each work's files under
 * {@code <sub-project>/<no>-<title>/<file>}. The stored files are STORED (media does not
 * compress; no CPU spent on it), read from the storage with one fixed buffer: no
 * temporary copy and the same memory for 5 works or 5000. A STORED entry's header carries
 * its CRC-32, so each file is read twice — a CRC pass, then the copy (the second read
 * comes from the page cache for a file that fits it). Every entry has the same fixed
 * time, the order is the plan's: the same selection gives the same bytes except the
 * generated nomination forms.
 */
@Component
class PackageWriter {

	private static final int BUFFER = 256 * 1024;

	private final Manifest manifest;

	PackageWriter(Manifest manifest) {
		this.manifest = manifest;
	}

	/**
	 * Streams the package; the caller's stream is left open.
	 * @param nominationPdf the nomination form of a work (entry id), for the files the
	 * plan marks as generated
	 */
	void write(Handoffs.PackagePlan plan, LongFunction<byte[]> nominationPdf, OutputStream out) throws IOException {
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
		String root = plan.root();
		deflated(zip, root + "/" + manifest.fileName(plan), manifest.write(plan));
		byte[] buffer = new byte[BUFFER];
		ByteBuffer direct = ByteBuffer.allocateDirect(BUFFER);
		for (Handoffs.PackageWork work : plan.works()) {
			for (Handoffs.PackageFile file : work.files()) {
				String name = root + "/" + work.folder() + "/" + file.fileName();
				if (file.generated()) {
					deflated(zip, name, nominationPdf.apply(file.nominationEntryId()));
				}
				else {
					stored(zip, name, file.path(), buffer, direct);
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

	private static void stored(ZipOutputStream zip, String name, Path path, byte[] buffer, ByteBuffer direct)
			throws IOException {
		long size = Files.size(path);
		ZipEntry entry = new ZipEntry(name);
		entry.setTimeLocal(Manifest.FIXED_TIME);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(size);
		entry.setCompressedSize(size);
		entry.setCrc(crc(path, direct));
		zip.putNextEntry(entry);
		try (InputStream in = Files.newInputStream(path)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				zip.write(buffer, 0, read);
			}
		}
		zip.closeEntry();
	}

	private static long crc(Path path, ByteBuffer direct) throws IOException {
		CRC32 crc = new CRC32();
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			direct.clear();
			while (channel.read(direct) >= 0) {
				direct.flip();
				crc.update(direct);
				direct.clear();
			}
		}
		return crc.getValue();
	}

}
