package cn.zhengji.handoff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.SceneryRows;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 14 items 3 and 7: the import of a province's package into the national campaign,
 * round-trip — a Fujian selection, the real package bytes from the real export, the
 * import by the db-scheduler task (an extra node), and the national entries checked
 * against the source: titles, sub-project, the province's unit, the history step, the
 * province's data, and every file's name, size and SHA-256 (the stored bytes hashed
 * again). A tampered package is refused with its problems and creates nothing; the same
 * package imported again creates nothing again.
 */
@AccountTestContext
class HandoffImportIntegrationTest {

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
	Handoffs handoffs;

	@Autowired
	PackageImports imports;

	@Autowired
	StoredFiles storedFiles;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	OneTimeTask<Void> handoffImportTask;

	@Value("${zhengji.data-dir}")
	Path dataDir;

	HandoffScenery province;

	HandoffImportScenery national;

	byte[] songPackage;

	@BeforeEach
	void scenery() throws IOException {
		province = new HandoffScenery(administration, campaigns, results, organisations, accounts, entries, jdbc,
				dataDir);
		national = new HandoffImportScenery(administration, campaigns, organisations, accounts, jdbc, dataDir,
				dataSource, handoffImportTask);
		handoffs.select(province.hostAdmin, province.campaign.code(), Handoffs.Origin.RANKING, List.of(),
				Map.of(province.songs[0], "省级一等奖，推荐参评"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		handoffs.packageOf(province.hostAdmin, province.campaign.code(), "song").writeTo(out);
		songPackage = out.toByteArray();
	}

	@AfterEach
	void stop() {
		national.stop();
	}

	@Test
	void theImportedEntriesEqualTheSourceAndASecondImportCreatesNothing() throws Exception {
		long first = imports.request(national.nationalAdmin, national.national.code(),
				national.uploaded("歌曲推荐包.zip", songPackage));
		assertThat(national.awaitFinished(first)).isEqualTo("DONE");
		long nationalSong = campaigns.category(national.national, "song").orElseThrow().id();
		assertThat(jdbc.sql("""
				select category_id, organisation_id, works, created, already_imported, cardinality(problems)
				from handoff_import where id = ?
				""")
			.param(first)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6)))
			.single()).containsExactly(nationalSong, national.province.id(), 3L, 3L, 0L, 0L);

		List<Long> imported = jdbc.sql("select id from entry where campaign_id = ? order by id")
			.param(national.national.id())
			.query(Long.class)
			.list();
		assertThat(imported).hasSize(3);
		String chain = "中华全国总工会 / 福建省总工会 / " + province.city.name() + " / " + province.county.name();
		assertThat(jdbc
			.sql("""
					select e.title, e.category_id, e.organisation_id, e.organisation_path, e.state, e.pending_organisation_id,
					       i.author, i.unit_chain, i.province_category, i.award, i.note, i.package_name
					from entry e join entry_import i on i.entry_id = e.id where e.campaign_id = ? order by e.id
					""")
			.param(national.national.id())
			.query((rs, n) -> tuple(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
					rs.getString(11), rs.getString(12)))
			.list())
			.containsExactly(
					tuple("劳动者/之歌", nationalSong, national.province.id(), national.province.path(), "SUBMITTED",
							national.host.id(), HandoffScenery.SUBMITTER_NAME, chain, "网络正能量歌曲征集", "一等奖", "省级一等奖，推荐参评",
							"歌曲推荐包.zip"),
					tuple("奋斗的青春", nationalSong, national.province.id(), national.province.path(), "SUBMITTED",
							national.host.id(), HandoffScenery.SUBMITTER_NAME, chain, "网络正能量歌曲征集", "二等奖", "",
							"歌曲推荐包.zip"),
					tuple("工匠精神颂", nationalSong, national.province.id(), national.province.path(), "SUBMITTED",
							national.host.id(), HandoffScenery.SUBMITTER_NAME, chain, "网络正能量歌曲征集", "三等奖", "",
							"歌曲推荐包.zip"));
		assertThat(jdbc.sql("""
				select t.from_state, t.to_state, t.step, t.actor_id, t.remark from entry_transition t
				join entry e on e.id = t.entry_id where e.campaign_id = ? order by e.id, t.id
				""")
			.param(national.national.id())
			.query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
			.list())
			.containsExactly(
					tuple(null, "SUBMITTED", "NATIONAL_IMPORTED", national.nationalAdmin.accountId(),
							"由福建省总工会推荐导入（推荐包 歌曲推荐包.zip；省级奖项：一等奖）"),
					tuple(null, "SUBMITTED", "NATIONAL_IMPORTED", national.nationalAdmin.accountId(),
							"由福建省总工会推荐导入（推荐包 歌曲推荐包.zip；省级奖项：二等奖）"),
					tuple(null, "SUBMITTED", "NATIONAL_IMPORTED", national.nationalAdmin.accountId(),
							"由福建省总工会推荐导入（推荐包 歌曲推荐包.zip；省级奖项：三等奖）"));

		// every file: the same sizes and SHA-256 as the source's (named as in the
		// package), and the stored bytes hash to it
		for (int w = 0; w < 3; w++) {
			assertThat(files(imported.get(w))).as("work %d", w)
				.containsExactlyInAnyOrderElementsOf(files(province.songs[w]));
			for (Object[] file : jdbc.sql("select file_id, sha256, size from entry_attachment where entry_id = ?")
				.param(imported.get(w))
				.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3) })
				.list()) {
				byte[] stored = Files
					.readAllBytes(storedFiles.localPath(storedFiles.findCompleted((UUID) file[0]).orElseThrow()));
				assertThat(SceneryRows.sha256(stored)).isEqualTo(file[1]);
				assertThat((long) stored.length).isEqualTo(file[2]);
			}
		}

		assertThat(jdbc.sql("select file_name from entry_attachment where entry_id = ? order by id")
			.param(imported.get(0))
			.query(String.class)
			.list()).containsExactly("歌谱.png", "歌谱 (2).png", "作品0.mp4");

		// the same package again (a new upload of the same bytes): nothing new
		long second = imports.request(national.nationalAdmin, national.national.code(),
				national.uploaded("歌曲推荐包（再次）.zip", songPackage));
		assertThat(national.awaitFinished(second)).isEqualTo("DONE");
		assertThat(jdbc.sql("select created, already_imported from handoff_import where id = ?")
			.param(second)
			.query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
			.single()).containsExactly(0, 3);
		assertThat(national.entries()).isEqualTo(3);
		// and a fresh export of the same selection is the same works
		ByteArrayOutputStream again = new ByteArrayOutputStream();
		handoffs.packageOf(province.hostAdmin, province.campaign.code(), "song").writeTo(again);
		long third = imports.request(national.nationalAdmin, national.national.code(),
				national.uploaded("歌曲推荐包-重新导出.zip", again.toByteArray()));
		assertThat(national.awaitFinished(third)).isEqualTo("DONE");
		assertThat(national.entries()).isEqualTo(3);
	}

	/**
	 * The README's demo walk: demo-province's package of the demonstration's finished
	 * campaign imports into a national campaign. The selection is made and the package
	 * exported inside a transaction rolled back afterwards, so the demonstration's
	 * entries keep their history.
	 */
	@Test
	void theDemonstrationsPackageImportsUnderFujian() throws Exception {
		SignedInUser demoProvince = accounts.signedIn("demo-province");
		TransactionTemplate rolledBack = new TransactionTemplate(transactionManager);
		byte[] demoPackage = rolledBack.execute(status -> {
			handoffs.select(demoProvince, "demo-results", Handoffs.Origin.RANKING, List.of(), Map.of());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				handoffs.packageOf(demoProvince, "demo-results", "micro-video").writeTo(out);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			status.setRollbackOnly();
			return out.toByteArray();
		});
		int works = (int) HandoffImportScenery.unzip(demoPackage)
			.keySet()
			.stream()
			.filter(name -> name.chars().filter(c -> c == '/').count() == 2)
			.map(name -> name.substring(0, name.lastIndexOf('/')))
			.distinct()
			.count();
		assertThat(works).isPositive();

		long id = imports.request(national.nationalAdmin, national.national.code(),
				national.uploaded("演示-微视频.zip", demoPackage));
		assertThat(national.awaitFinished(id)).isEqualTo("DONE");
		assertThat(jdbc.sql("select created from handoff_import where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(works);
		assertThat(jdbc.sql("select distinct organisation_id from entry where campaign_id = ?")
			.param(national.national.id())
			.query(Long.class)
			.list()).containsExactly(national.province.id());
		assertThat(jdbc
			.sql("select count(*) from handoff_selection s join campaign c on c.id = s.campaign_id "
					+ "where c.code = 'demo-results'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aTamperedPackageIsRefusedWithItsProblemsAndCreatesNothing() throws Exception {
		long storedBefore = storedFileCount();
		byte[] oneByteChanged = HandoffImportScenery.rewritten(songPackage, entry -> {
			if (!entry.getKey().equals("歌曲/002-奋斗的青春/作品1.mp4")) {
				return entry.getValue();
			}
			byte[] changed = Arrays.copyOf(entry.getValue(), entry.getValue().length);
			changed[1000] ^= 1;
			return changed;
		});
		long changed = imports.request(national.nationalAdmin, national.national.code(),
				national.uploaded("改动.zip", oneByteChanged));
		assertThat(national.awaitFinished(changed)).isEqualTo("REFUSED");
		assertThat(problems(changed)).containsExactly("文件 歌曲/002-奋斗的青春/作品1.mp4 的 SHA-256 与推荐清单不符，文件已被改动或损坏");

		// one byte changed in the package as it is: inside the STORED data of a file
		byte[] raw = Arrays.copyOf(songPackage, songPackage.length);
		raw[dataOffset(raw, "歌曲/003-工匠精神颂/作品2.mp4") + 12345] ^= (byte) 0x80;
		long flipped = imports.request(national.nationalAdmin, national.national.code(),
				national.uploaded("改一个字节.zip", raw));
		assertThat(national.awaitFinished(flipped)).isEqualTo("REFUSED");
		assertThat(problems(flipped)).containsExactly("文件 歌曲/003-工匠精神颂/作品2.mp4 的 SHA-256 与推荐清单不符，文件已被改动或损坏");

		byte[] rowRemoved = HandoffImportScenery.rewritten(songPackage,
				entry -> entry.getKey().endsWith(".xlsx") ? withoutRow(entry.getValue(), 1) : entry.getValue());
		long removed = imports.request(national.nationalAdmin, national.national.code(),
				national.uploaded("少一行.zip", rowRemoved));
		assertThat(national.awaitFinished(removed)).isEqualTo("REFUSED");
		assertThat(problems(removed)).containsExactly("推荐包中有推荐清单未列出的文件 歌曲/001-劳动者_之歌/歌谱.png");

		byte[] fileMissing = HandoffImportScenery.rewritten(songPackage,
				entry -> entry.getKey().endsWith("作品2.mp4") ? null : entry.getValue());
		long missing = imports.request(national.nationalAdmin, national.national.code(),
				national.uploaded("缺文件.zip", fileMissing));
		assertThat(national.awaitFinished(missing)).isEqualTo("REFUSED");
		assertThat(problems(missing)).containsExactly("推荐清单列出的文件 歌曲/003-工匠精神颂/作品2.mp4 在推荐包中缺失");

		assertThat(national.entries()).isZero();
		assertThat(jdbc.sql("select count(*) from entry_import where campaign_id = ?")
			.param(national.national.id())
			.query(Long.class)
			.single()).isZero();
		// no file stored for them either (only the four uploads themselves)
		assertThat(storedFileCount()).isEqualTo(storedBefore + 4);
	}

	/**
	 * Where the data of the entry starts: after its local header (the first one named
	 * so).
	 */
	private static int dataOffset(byte[] zip, String name) {
		byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		for (int at = 30; at < zip.length - wanted.length; at++) {
			if (Arrays.equals(zip, at, at + wanted.length, wanted, 0, wanted.length)) {
				int header = at - 30;
				java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
				assertThat(bytes.getInt(header)).isEqualTo(0x04034b50);
				return header + 30 + Short.toUnsignedInt(bytes.getShort(header + 26))
						+ Short.toUnsignedInt(bytes.getShort(header + 28));
			}
		}
		throw new AssertionError(name + " not in the package");
	}

	private long storedFileCount() {
		return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
	}

	private List<String> problems(long importId) {
		return jdbc.sql("select unnest(problems) from handoff_import where id = ?")
			.param(importId)
			.query(String.class)
			.list();
	}

	private List<String> files(long entryId) {
		return jdbc.sql("select size || ' ' || sha256 from entry_attachment where entry_id = ?")
			.param(entryId)
			.query(String.class)
			.list();
	}

	/** The workbook without the row (0: the header), the rows below moved up. */
	private static byte[] withoutRow(byte[] xlsx, int row) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			sheet.removeRow(sheet.getRow(row));
			sheet.shiftRows(row + 1, sheet.getLastRowNum(), -1);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
