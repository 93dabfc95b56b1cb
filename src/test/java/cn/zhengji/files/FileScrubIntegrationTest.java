package cn.zhengji.files;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 9: the scrub re-hashes stored files, big ones included (those are not
 * checked when served), flags a changed one once and leaves intact ones verified.
 */
@ZhengjiTest
class FileScrubIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStorage storage;

	@Autowired
	FileScrub scrub;

	@Test
	void aChangedFileIsFlaggedAndReportedOnceAndAnIntactOneIsMarkedVerified() throws Exception {
		UUID intact = stored("完好的内容".repeat(1000));
		UUID changed = stored("将被改动的内容".repeat(1000));
		try (RandomAccessFile bytes = new RandomAccessFile(storage.localPath(changed.toString()).toFile(), "rw")) {
			bytes.seek(100);
			int original = bytes.read();
			bytes.seek(100);
			bytes.write(original ^ 0x80);
		}

		scrub.run();
		scrub.run();

		assertThat(jdbc.sql("select verified_at is not null and corrupted_at is null from stored_file where id = ?")
			.param(intact)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("select corrupted_at is not null from stored_file where id = ?")
			.param(changed)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("""
				select count(*) from audit_event
				where action = 'FILE_CORRUPTED' and target_type = 'stored-file' and target_id = ?
				""").param(changed.toString()).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notice where kind = 'FILE_CORRUPTED' and body like '%' || ? || '%'")
			.param(changed.toString())
			.query(Long.class)
			.single())
			.isEqualTo(jdbc.sql("select count(*) from account where role = 'SECURITY_ADMIN' and enabled")
				.query(Long.class)
				.single());
	}

	private UUID stored(String content) throws Exception {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		UUID id = UUID.randomUUID();
		storage.create(id.toString());
		try (FileStorage.Appender appender = storage.openForAppend(id.toString(), 0)) {
			appender.write(bytes, 0, bytes.length);
			appender.sync();
		}
		storage.complete(id.toString());
		jdbc.sql("""
				insert into stored_file (id, owner_account_id, organisation_path, file_name, storage_key, upload_length,
				    upload_offset, sha256, created_at, expires_at, completed_at)
				values (?, (select id from account where username = 'admin'), '/1/', '巡检.txt', ?, ?, ?, ?,
				    now(), now() + interval '1 day', now())
				""")
			.params(id, id.toString(), bytes.length, bytes.length,
					HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
			.update();
		return id;
	}

}
