package cn.zhengji.handoff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipOutputStream;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;
import org.springframework.stereotype.Component;

/**
 * The Excel manifest of a package (清单): one row per file of each work — number, title,
 * author or unit, unit chain, province category, award, note, the file's path in the
 * package, its size and the SHA-256 stored since its upload (never hashed again); a
 * generated nomination form with the size and SHA-256 of the PDF made for the export,
 * which are the same at each export. Reproducible: the same plan gives the same bytes —
 * the workbook's dates and its entries' times are fixed.
 */
@Component
class Manifest {

	/** The time every entry of a package and of its manifest carries. */
	static final LocalDateTime FIXED_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

	private static final Pattern DOCUMENT_DATE = Pattern
		.compile("<dcterms:(created|modified)([^>]*)>[^<]*</dcterms:(created|modified)>");

	private final Texts texts;

	Manifest(Texts texts) {
		this.texts = texts;
	}

	String fileName(Handoffs.PackagePlan plan) {
		return texts.plain("handoff.manifest.fileName", plan.root());
	}

	byte[] write(Handoffs.PackagePlan plan) throws IOException {
		List<String> headers = List.of(texts.plain("handoff.manifest.number"), texts.plain("handoff.manifest.title"),
				texts.plain("handoff.manifest.author"), texts.plain("handoff.manifest.chain"),
				texts.plain("handoff.manifest.category"), texts.plain("handoff.manifest.award"),
				texts.plain("handoff.manifest.note"), texts.plain("handoff.manifest.file"),
				texts.plain("handoff.manifest.size"), texts.plain("handoff.manifest.sha256"));
		ByteArrayOutputStream workbook = new ByteArrayOutputStream();
		SpreadsheetDownload.write(workbook, texts.plain("handoff.manifest.sheet"), headers, rows -> {
			for (Handoffs.PackageWork work : plan.works()) {
				Handoffs.Candidate candidate = work.candidate();
				String award = candidate.award() == null ? "" : candidate.award();
				if (work.files().isEmpty()) {
					rows.row(work.number(), candidate.work().title(), candidate.work().author(), work.unitChain(),
							candidate.categoryName(), award, candidate.note(), null, null, null);
				}
				for (Handoffs.PackageFile file : work.files()) {
					rows.row(work.number(), candidate.work().title(), candidate.work().author(), work.unitChain(),
							candidate.categoryName(), award, candidate.note(), work.folder() + "/" + file.fileName(),
							file.size(), file.sha256());
				}
			}
		});
		return normalised(workbook.toByteArray());
	}

	/**
	 * The workbook again with fixed entry times and fixed document dates. The entries are
	 * found through the central directory (fastexcel's writer leaves sizes out of the
	 * local headers, which {@code ZipInputStream} then misreads).
	 */
	static byte[] normalised(byte[] xlsx) throws IOException {
		ByteBuffer zip = ByteBuffer.wrap(xlsx).order(ByteOrder.LITTLE_ENDIAN);
		int end = -1;
		for (int i = xlsx.length - 22; i >= 0; i--) {
			if (zip.getInt(i) == 0x06054b50) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			throw new IOException("no end of central directory");
		}
		int count = Short.toUnsignedInt(zip.getShort(end + 10));
		int at = zip.getInt(end + 16);
		ByteArrayOutputStream result = new ByteArrayOutputStream(xlsx.length + 1024);
		try (ZipOutputStream out = new ZipOutputStream(result, StandardCharsets.UTF_8)) {
			for (int n = 0; n < count; n++) {
				if (zip.getInt(at) != 0x02014b50) {
					throw new IOException("bad central directory");
				}
				int method = Short.toUnsignedInt(zip.getShort(at + 10));
				int compressed = zip.getInt(at + 20);
				int size = zip.getInt(at + 24);
				int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
				int extraLength = Short.toUnsignedInt(zip.getShort(at + 30));
				int commentLength = Short.toUnsignedInt(zip.getShort(at + 32));
				int local = zip.getInt(at + 42);
				String name = new String(xlsx, at + 46, nameLength, StandardCharsets.UTF_8);
				int data = local + 30 + Short.toUnsignedInt(zip.getShort(local + 26))
						+ Short.toUnsignedInt(zip.getShort(local + 28));
				byte[] content = method == 0 ? Arrays.copyOfRange(xlsx, data, data + size)
						: inflate(xlsx, data, compressed, size);
				if (name.startsWith("docProps/")) {
					content = DOCUMENT_DATE.matcher(new String(content, StandardCharsets.UTF_8))
						.replaceAll("<dcterms:$1$2>2024-01-01T00:00:00Z</dcterms:$3>")
						.getBytes(StandardCharsets.UTF_8);
				}
				ZipEntry fixed = new ZipEntry(name);
				fixed.setTimeLocal(FIXED_TIME);
				out.putNextEntry(fixed);
				out.write(content);
				out.closeEntry();
				at += 46 + nameLength + extraLength + commentLength;
			}
		}
		return result.toByteArray();
	}

	private static byte[] inflate(byte[] zip, int offset, int length, int size) throws IOException {
		Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(zip, offset, length);
			byte[] content = new byte[size];
			int done = 0;
			while (done < size && !inflater.finished()) {
				int read = inflater.inflate(content, done, size - done);
				if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IOException("cut short");
				}
				done += read;
			}
			return content;
		}
		catch (DataFormatException ex) {
			throw new IOException(ex);
		}
		finally {
			inflater.end();
		}
	}

}
