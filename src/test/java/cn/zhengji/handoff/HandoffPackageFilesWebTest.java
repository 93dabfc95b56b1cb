package cn.zhengji.handoff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.SceneryRows;
import cn.zhengji.support.Spreadsheets;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14 items 2 and 6, the files of a package: the nomination forms of a sub-project
 * whose category has them (八闽职工好网民 → 职工网络达人) as a PDF entry at
 * {@code <sub-project>/<no>-<title>/推荐表.pdf} that parses, listed in the manifest with its
 * size and SHA-256, the same bytes at each export; the STORED media entries written with
 * the CRC-32 the files module keeps (filled once for files stored without it), checked by
 * Debian's {@code unzip -t} where it is installed and by {@link ZipInputStream}; a file
 * found corrupted refused before the first byte; and the package with its forms imported
 * into the national campaign, every listed checksum verified.
 */
@AccountTestContext
class HandoffPackageFilesWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	RoundResults results;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	PackageImports imports;

	@Autowired
	Handoffs handoffs;

	@Autowired
	Manifest manifest;

	@Autowired
	cn.zhengji.files.StoredFiles storedFiles;

	@Autowired
	cn.zhengji.submission.HandoffEntries handoffEntries;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	com.github.kagkarlsson.scheduler.task.helper.OneTimeTask<Void> handoffImportTask;

	@Value("${zhengji.data-dir}")
	Path dataDir;

	HandoffScenery scenery;

	String base;

	long named;

	long blank;

	UUID evidence;

	@BeforeEach
	void scenery() {
		scenery = new HandoffScenery(administration, campaigns, results, organisations, accounts, entries, jdbc,
				dataDir);
		base = "/admin/campaigns/" + scenery.campaign.code() + "/handoff";
		Category goodNetizen = campaigns.category(scenery.campaign, "good-netizen").orElseThrow();
		named = entries.draft(scenery.campaign, goodNetizen.id(), scenery.city, null, scenery.hostAdmin.accountId(),
				"网络达人甲");
		blank = entries.draft(scenery.campaign, goodNetizen.id(), scenery.city, null, scenery.hostAdmin.accountId(),
				"网络达人乙");
		// 附件4 as the form's page saves it (its checks are WorksPagesWebTest's): the
		// personal data masked beside its real cipher (the database is shared: a later
		// export in full decrypts it); the second work's form was never filled
		jdbc.sql(
				"""
						insert into entry_nomination (entry_id, name, sex, birth_month, political_status, account_name, platform,
						    followers, unit_and_position, mobile_cipher, mobile_masked, id_number_cipher, id_number_masked,
						    profile, reasons)
						values (?, '林小闽', 'FEMALE', date '1990-05-01', '中共党员', '八闽工匠说', '抖音', '12.5万', '福州某厂 技术员',
						    ?, '138****5678', ?, '350102********1234', '扎根一线十年', '传播正能量')
						""")
			.params(named, cipher.encrypt("13812345678"), cipher.encrypt("350102199005011234"))
			.update();
		Organisation province = organisations.byCode("fj");
		entries.approvedBy(named, province);
		entries.approvedBy(blank, province);
		evidence = SceneryRows.storedFile(jdbc, dataDir, scenery.submitter.id(), "佐证.png", new byte[] { 1, 2, 3, 4 });
		jdbc.sql(
				"""
						insert into entry_attachment (entry_id, slot_key, file_id, file_name, size, sha256, content_type,
						    inspection, blocking, attached_by, attached_at)
						select ?, 'evidence-images', id, file_name, upload_length, sha256, 'image/png',
						    cast('{"detectedKind":null,"contentType":null,"facts":null,"findings":[]}' as jsonb), false, ?, now()
						from stored_file where id = ?
						""")
			.params(named, scenery.submitter.id(), evidence)
			.update();
	}

	@Test
	void eachNominationFormIsAPdfEntryListedWithItsSizeAndSha256TheSameAtEachExport(@TempDir Path folder)
			throws Exception {
		select(named, blank);

		byte[] zip = download(base + "/packages/online-influencer.zip");
		Map<String, ZipEntry> headers = new LinkedHashMap<>();
		Map<String, byte[]> contents = unzip(zip, headers);
		assertThat(contents.keySet()).containsExactly("职工网络达人/职工网络达人推荐清单.xlsx", "职工网络达人/001-网络达人甲/推荐表.pdf",
				"职工网络达人/001-网络达人甲/佐证.png", "职工网络达人/002-网络达人乙/推荐表.pdf");
		for (String form : List.of("职工网络达人/001-网络达人甲/推荐表.pdf", "职工网络达人/002-网络达人乙/推荐表.pdf")) {
			byte[] pdf = contents.get(form);
			assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).as(form).isEqualTo("%PDF-");
			assertThat(headers.get(form).getMethod()).isEqualTo(ZipEntry.DEFLATED);
			try (PDDocument document = Loader.loadPDF(pdf)) {
				assertThat(document.getNumberOfPages()).as(form).isGreaterThanOrEqualTo(1);
			}
		}
		String named = text(contents.get("职工网络达人/001-网络达人甲/推荐表.pdf"));
		assertThat(named).contains("林小闽", "八闽工匠说", "138****5678", "350102********1234").doesNotContain("13812345678");
		assertThat(text(contents.get("职工网络达人/002-网络达人乙/推荐表.pdf"))).doesNotContain("林小闽");

		List<List<String>> rows = Spreadsheets.rows(contents.get("职工网络达人/职工网络达人推荐清单.xlsx"));
		assertThat(rows).hasSize(4);
		assertThat(rows.stream().map(row -> row.get(7)).toList().subList(1, 4)).containsExactly("001-网络达人甲/推荐表.pdf",
				"001-网络达人甲/佐证.png", "002-网络达人乙/推荐表.pdf");
		for (List<String> row : rows.subList(1, rows.size())) {
			byte[] file = contents.get("职工网络达人/" + row.get(7));
			assertThat(row.get(8)).as(row.get(7)).isEqualTo(String.valueOf(file.length));
			assertThat(row.get(9)).as(row.get(7)).isEqualTo(SceneryRows.sha256(file));
		}

		// the forms are made again at each export, with the same bytes: the manifest
		// (and the whole package) is reproducible
		assertThat(download(base + "/packages/online-influencer.zip")).isEqualTo(zip);
		assertUnzipTests(folder, zip);

		// forms beyond what the writer keeps between hashing and writing are made and
		// compressed again when their entries are written, to the same bytes
		PackageWriter keepingNoForm = new PackageWriter(manifest, storedFiles, 0);
		java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
		keepingNoForm
			.prepare(handoffs.plan(scenery.hostAdmin, scenery.campaign.code(), "online-influencer"),
					(id) -> handoffEntries.nominationPdf(scenery.hostAdmin, id))
			.write(again);
		assertThat(again.toByteArray()).isEqualTo(zip);
	}

	@Test
	void thePackageWithItsFormsImportsIntoTheNationalCampaignEveryChecksumVerified() throws Exception {
		select(named, blank);
		byte[] zip = download(base + "/packages/online-influencer.zip");
		Map<String, byte[]> contents = unzip(zip, new LinkedHashMap<>());
		HandoffImportScenery national = new HandoffImportScenery(administration, campaigns, organisations, accounts,
				jdbc, dataDir, dataSource, handoffImportTask);
		try {
			long id = imports.request(national.nationalAdmin, national.national.code(),
					national.uploaded("职工网络达人推荐包.zip", zip));
			assertThat(national.awaitFinished(id)).isEqualTo("DONE");
			assertThat(jdbc.sql("select works, created, cardinality(problems) from handoff_import where id = ?")
				.param(id)
				.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
				.single()).containsExactly(2L, 2L, 0L);
			// the forms arrive as files of the national entries, with the manifest's
			// SHA-256 (a form listed without one would not be verified)
			assertThat(jdbc
				.sql("select a.sha256 from entry_attachment a join entry e on e.id = a.entry_id"
						+ " where e.campaign_id = ? and a.file_name = '推荐表.pdf' order by e.id")
				.param(national.national.id())
				.query(String.class)
				.list()).containsExactly(SceneryRows.sha256(contents.get("职工网络达人/001-网络达人甲/推荐表.pdf")),
						SceneryRows.sha256(contents.get("职工网络达人/002-网络达人乙/推荐表.pdf")));
		}
		finally {
			national.stop();
		}
	}

	@Test
	void storedEntriesCarryTheCrc32KeptWithTheFileFilledOnceForOlderFiles(@TempDir Path folder) throws Exception {
		mvc.perform(post(base).with(csrf()).with(user(scenery.hostAdmin)).param("origin", "RANKING"))
			.andExpect(status().is3xxRedirection());
		List<UUID> files = jdbc.sql("select file_id from entry_attachment where entry_id in (?, ?, ?) order by id")
			.params(scenery.songs[0], scenery.songs[1], scenery.songs[2])
			.query(UUID.class)
			.list();
		assertThat(files).hasSize(7);
		// stored as before V144: no CRC-32 yet
		assertThat(crc32Column(files)).containsOnlyNulls();

		byte[] zip = download(base + "/packages/song.zip");
		Map<String, ZipEntry> headers = new LinkedHashMap<>();
		Map<String, byte[]> contents = unzip(zip, headers);
		List<Long> stored = crc32Column(files);
		assertThat(stored).doesNotContainNull();
		for (UUID file : files) {
			byte[] bytes = Files.readAllBytes(storage(file));
			CRC32 crc = new CRC32();
			crc.update(bytes);
			assertThat(stored.get(files.indexOf(file))).isEqualTo(crc.getValue());
		}
		ZipEntry video = headers.get("歌曲/002-奋斗的青春/作品1.mp4");
		assertThat(video.getMethod()).isEqualTo(ZipEntry.STORED);
		CRC32 crc = new CRC32();
		crc.update(contents.get("歌曲/002-奋斗的青春/作品1.mp4"));
		assertThat(video.getCrc()).isEqualTo(crc.getValue());
		assertUnzipTests(folder, zip);

		// ZipStream checks the bytes it copies against the header's CRC-32: a CRC-32
		// that does not match them fails the entry (ZipException, logged with an error
		// id) and the download breaks off short of its Content-Length
		long kept = stored.get(2);
		jdbc.sql("update stored_file set crc32 = ? where id = ?").params(kept ^ 1, files.get(2)).update();
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> mvc.perform(get(base + "/packages/song.zip").with(user(scenery.hostAdmin)))))
			.isInstanceOf(jakarta.servlet.ServletException.class);
		jdbc.sql("update stored_file set crc32 = ? where id = ?").params(kept, files.get(2)).update();

		// bytes changed after the upload: found by the check every serving path makes
		// (a small file is hashed again), the file flagged, the package refused before
		// its first byte with the files module's message
		Path changed = storage(files.get(1));
		byte[] bytes = Files.readAllBytes(changed);
		bytes[bytes.length / 2] ^= 1;
		Files.write(changed, bytes);
		mvc.perform(get(base + "/packages/song.zip").with(user(scenery.hostAdmin)))
			.andExpect(status().isConflict())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("文件已损坏：服务器上保存的内容与上传时的校验值不一致")));
		assertThat(jdbc.sql("select corrupted_at is not null from stored_file where id = ?")
			.param(files.get(1))
			.query(Boolean.class)
			.single()).isTrue();
	}

	private List<Long> crc32Column(List<UUID> files) {
		return files.stream()
			.map(id -> jdbc.sql("select crc32 from stored_file where id = ?")
				.param(id)
				.query((row, n) -> row.getObject("crc32", Long.class))
				.list()
				.getFirst())
			.toList();
	}

	private Path storage(UUID file) {
		String key = file.toString();
		return dataDir.resolve("files").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
	}

	/**
	 * Debian's unzip reads the package without an error (skipped where not installed).
	 */
	private static void assertUnzipTests(Path folder, byte[] zip) throws Exception {
		Path unzip = Path.of("/usr/bin/unzip");
		if (!Files.isExecutable(unzip)) {
			return;
		}
		Path file = folder.resolve("package-" + UUID.randomUUID() + ".zip");
		Files.write(file, zip);
		Process process = new ProcessBuilder(unzip.toString(), "-t", file.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("No errors detected");
	}

	private void select(long... ids) throws Exception {
		var request = post(base).with(csrf()).with(user(scenery.hostAdmin)).param("origin", "MANUAL");
		for (long id : ids) {
			request.param("entryId", String.valueOf(id));
		}
		mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private byte[] download(String path) throws Exception {
		var response = mvc.perform(get(path).with(user(scenery.hostAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		// the writes reach the connection whole, not as 8 KiB HTTP chunks (bench/handoff)
		assertThat(response.getBufferSize()).isEqualTo(256 * 1024);
		byte[] zip = response.getContentAsByteArray();
		// the length announced before the first byte is the length sent
		assertThat(response.getHeader("Content-Length")).isEqualTo(Long.toString(zip.length));
		return zip;
	}

	private static Map<String, byte[]> unzip(byte[] zip, Map<String, ZipEntry> headers) throws IOException {
		Map<String, byte[]> contents = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				contents.put(entry.getName(), in.readAllBytes());
				headers.put(entry.getName(), entry);
			}
		}
		return contents;
	}

}
