package cn.zhengji.handoff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;
import org.springframework.stereotype.Component;

/**
 * The Excel manifest of a package (清单): one row per file of each work — number, title,
 * author or unit, unit chain, province category, award, note, the file's path in the
 * package, its size and the SHA-256 stored since its upload (never hashed again). A
 * generated nomination form has no size or checksum in the manifest (it is made at each
 * export). Reproducible: the same plan gives the same bytes — the workbook's dates and
 * its entries' times are fixed.
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
							file.generated() ? null : file.size(), file.generated() ? null : file.sha256());
				}
			}
		});
		return normalised(workbook.toByteArray());
	}

	/** The workbook again with fixed entry times and fixed document dates. */
	static byte[] normalised(byte[] xlsx) throws IOException {
		ByteArrayOutputStream result = new ByteArrayOutputStream(xlsx.length + 1024);
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream out = new ZipOutputStream(result, StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().startsWith("docProps/")) {
					content = DOCUMENT_DATE.matcher(new String(content, StandardCharsets.UTF_8))
						.replaceAll("<dcterms:$1$2>2024-01-01T00:00:00Z</dcterms:$3>")
						.getBytes(StandardCharsets.UTF_8);
				}
				ZipEntry fixed = new ZipEntry(entry.getName());
				fixed.setTimeLocal(FIXED_TIME);
				out.putNextEntry(fixed);
				out.write(content);
				out.closeEntry();
			}
		}
		return result.toByteArray();
	}

}
