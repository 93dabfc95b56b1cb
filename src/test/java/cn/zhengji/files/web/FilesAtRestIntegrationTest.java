package cn.zhengji.files.web;

import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 9, files at rest, over real HTTP with real files: permissions of what is
 * stored, a flipped byte on disk refused and reported, and a full disk (a stored file
 * that is a link to {@code /dev/full}, which answers every write with ENOSPC) answered
 * 507, and the upload lease of a node that crashed free at once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilesAtRestIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	StoredFiles storedFiles;

	@Autowired
	DataSource dataSource;

	UploadTestClient uploader;

	@BeforeAll
	void signIn() throws Exception {
		uploader = UploadTestClient.signedIn(port, jdbc, passwordEncoder);
	}

	private StoredFile uploaded(byte[] source, String name) throws Exception {
		String upload = uploader.createdUpload(source.length, name);
		assertThat(uploader.patch(upload, 0, source, 0, source.length).statusCode()).isEqualTo(204);
		return storedFiles.findCompleted(idOf(upload)).orElseThrow();
	}

	private static UUID idOf(String upload) {
		return UUID.fromString(upload.substring(upload.lastIndexOf('/') + 1));
	}

	@Test
	void storedFilesAreReadableByTheOwnerOnlyAndTheirFoldersTraversableByTheOwnerOnly() throws Exception {
		StoredFile file = uploaded(TusUploadIntegrationTest.randomBytes(1000, 11), "权限.mp4");
		Path stored = storedFiles.localPath(file);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
		// Both levels of folders under the storage root, and the root itself.
		for (Path folder : new Path[] { stored.getParent(), stored.getParent().getParent(),
				stored.getParent().getParent().getParent() }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as(folder.toString())
				.isEqualTo("rwx------");
		}
	}

	@Test
	void aFlippedByteOnDiskIsNotServedAndIsReportedOnceToTheSecurityAdministrators() throws Exception {
		StoredFile file = uploaded(TusUploadIntegrationTest.randomBytes(5000, 12), "翻转.mp4");
		assertThat(uploader.send(uploader.get("/files/" + file.id()).build()).statusCode()).isEqualTo(200);
		try (RandomAccessFile bytes = new RandomAccessFile(storedFiles.localPath(file).toFile(), "rw")) {
			bytes.seek(2345);
			int original = bytes.read();
			bytes.seek(2345);
			bytes.write(original ^ 0x01);
		}

		HttpResponse<String> first = uploader.send(uploader.get("/files/" + file.id()).build());
		HttpResponse<String> second = uploader.send(uploader.get("/files/" + file.id()).build());

		assertThat(first.statusCode()).isEqualTo(409);
		assertThat(first.body()).contains("文件已损坏");
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(jdbc.sql("""
				select count(*) from audit_event
				where action = 'FILE_CORRUPTED' and target_type = 'stored-file' and target_id = ?
				""").param(file.id().toString()).query(Long.class).single()).isEqualTo(1);
		// every security administrator is told, once
		assertThat(jdbc.sql("""
				select a.username from notice n join account a on a.id = n.account_id
				where n.kind = 'FILE_CORRUPTED' and n.body like '%' || ? || '%'
				""").param(file.id().toString()).query(String.class).list())
			.containsExactlyInAnyOrderElementsOf(
					jdbc.sql("select username from account where role = 'SECURITY_ADMIN' and enabled")
						.query(String.class)
						.list())
			.contains("secadmin");
	}

	@Test
	void theLeaseOfANodeThatCrashedIsFreeAtOnce() throws Exception {
		String upload = uploader.createdUpload(100, "崩溃.mp4");
		byte[] bytes = TusUploadIntegrationTest.randomBytes(100, 14);
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		// Another node: its own connection holding its liveness lock, and a lease it took
		// a moment ago, good for another 30 seconds.
		try (Connection otherNode = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
				pool.getPassword())) {
			try (var lock = otherNode.createStatement()) {
				lock.execute("select pg_advisory_lock(" + 0x5A4A4C56 + ", 4242)");
			}
			jdbc.sql("""
					update stored_file set lease_token = gen_random_uuid(), lease_until = now() + interval '30 seconds',
					    lease_node = 4242
					where id = ?
					""").param(idOf(upload)).update();

			assertThat(uploader.patch(upload, 0, bytes, 0, 100).statusCode()).as("the live node holds it")
				.isEqualTo(423);
		}
		// The other node is gone (kill -9 closes its connection the same way). The server
		// releases the lock when that backend has exited, a moment after the close: wait
		// for it, as a crashed node's lock is gone by the time anyone retries.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (jdbc.sql(
				"select count(*) from pg_locks where locktype = 'advisory' and classid::int8 = :namespace and objid = 4242")
			.param("namespace", 0x5A4A4C56)
			.query(Long.class)
			.single() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}

		assertThat(uploader.patch(upload, 0, bytes, 0, 100).statusCode()).isEqualTo(204);
	}

	@Test
	void aFullDiskWhileWritingAnUploadIs507WithAChineseProblem() throws Exception {
		String upload = uploader.createdUpload(100, "满盘.mp4");
		Path stored = storedFiles
			.localPath(new StoredFile(idOf(upload), uploader.accountId, "满盘.mp4", 100, null, Instant.now()));
		Files.delete(stored);
		Files.createSymbolicLink(stored, Path.of("/dev/full"));

		HttpResponse<String> response = uploader.patch(upload, 0, TusUploadIntegrationTest.randomBytes(100, 13), 0,
				100);

		assertThat(response.statusCode()).isEqualTo(507);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("存储空间已满");
		assertThat(uploader.head(upload).headers().firstValue("Upload-Offset")).hasValue("0");
	}

}
