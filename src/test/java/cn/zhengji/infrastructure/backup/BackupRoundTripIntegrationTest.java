package cn.zhengji.infrastructure.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import cn.zhengji.support.ZhengjiTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 11: a backup and its restore bring back every row and every stored file
 * as they were (compared by checksums), and a damaged backup is refused before anything
 * changes.
 */
@ZhengjiTest
class BackupRoundTripIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Flyway flyway;

	@TempDir
	Path work;

	@Test
	void restoresEveryRowAndFileOfTheBackup() throws Exception {
		DataSource owner = flyway.getConfiguration().getDataSource();
		Path files = Files.createDirectories(work.resolve("files"));
		Path stored = Files.createDirectories(files.resolve("ab").resolve("cd")).resolve("0b1e-stored");
		Files.write(stored, "作品原件".getBytes(StandardCharsets.UTF_8));
		long before = audit("备份之前");
		Map<String, String> tablesBefore = tableChecksums(owner);

		Backup backup = new Backup(owner, files);
		backup.backupTo(work.resolve("backup"));
		assertThat(Files.readString(work.resolve("backup").resolve(Backup.SUMS))).contains("  files/ab/cd/0b1e-stored",
				"  database/audit_event.copy");

		long after = audit("备份之后");
		Files.write(stored, "被改动".getBytes(StandardCharsets.UTF_8));
		Files.write(files.resolve("ab").resolve("later"), new byte[] { 1 });

		backup.restoreFrom(work.resolve("backup"));

		assertThat(tableChecksums(owner)).isEqualTo(tablesBefore);
		assertThat(jdbc.sql("select count(*) from audit_event where id in (:ids)")
			.param("ids", List.of(before, after))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(Files.readString(stored)).isEqualTo("作品原件");
		assertThat(Files.exists(files.resolve("ab").resolve("later"))).isFalse();
		// The sequences are back too: the next row does not collide with a restored one.
		assertThat(audit("恢复之后")).isGreaterThan(before);
	}

	@Test
	void refusesADamagedBackupAndChangesNothing() throws Exception {
		DataSource owner = flyway.getConfiguration().getDataSource();
		Path files = Files.createDirectories(work.resolve("files"));
		Files.write(files.resolve("kept"), new byte[] { 7, 7 });
		Backup backup = new Backup(owner, files);
		backup.backupTo(work.resolve("backup"));
		long later = audit("损坏的备份之后");
		Path copy = work.resolve("backup").resolve("database").resolve("audit_event.copy");
		byte[] bytes = Files.readAllBytes(copy);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(copy, bytes);

		assertThatThrownBy(() -> backup.restoreFrom(work.resolve("backup"))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SHA256SUMS");
		assertThat(jdbc.sql("select count(*) from audit_event where id = :id")
			.param("id", later)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private long audit(String summary) {
		return jdbc.sql("""
				insert into audit_event (occurred_at, action, target_type, target_id, summary)
				values (now(), 'UPDATED', 'backup-test', 'x', :summary) returning id
				""").param("summary", summary).query(Long.class).single();
	}

	/**
	 * One checksum per table over its rows in a fixed order; the scheduler's heartbeat
	 * table changes by itself and is left out.
	 */
	private static Map<String, String> tableChecksums(DataSource owner) throws SQLException {
		Map<String, String> sums = new TreeMap<>();
		try (Connection connection = owner.getConnection(); Statement sql = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = sql.executeQuery(
					"select tablename from pg_tables where schemaname = 'public' and tablename <> 'scheduled_tasks'")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet rows = sql
					.executeQuery("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from \"" + table
							+ "\" t")) {
					rows.next();
					sums.put(table, rows.getString(1));
				}
			}
		}
		return sums;
	}

}
