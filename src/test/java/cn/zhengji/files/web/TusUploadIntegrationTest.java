package cn.zhengji.files.web;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.files.UploadExpiry;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-SUB-2 The tus endpoint over real HTTP against the running server, real files and the
 * real database: every extension, the lease between parallel PATCHes, a cut PATCH
 * resumed, expiry, other people's uploads, hostile file names, and downloads with ranges.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TusUploadIntegrationTest {

	static final String UPLOADS = "/api/v1/uploads";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	StoredFiles storedFiles;

	@Autowired
	UploadExpiry expiry;

	@Autowired
	List<Task<?>> tasks;

	@Autowired
	PlatformTransactionManager transactionManager;

	UploadTestClient uploader;

	UploadTestClient stranger;

	@BeforeAll
	void signIn() throws Exception {
		uploader = UploadTestClient.signedIn(port, jdbc, passwordEncoder);
		stranger = UploadTestClient.signedIn(port, jdbc, passwordEncoder);
	}

	static byte[] randomBytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	static String base64Digest(String algorithm, byte[] bytes, int from, int to) throws Exception {
		MessageDigest digest = MessageDigest.getInstance(algorithm);
		digest.update(bytes, from, to - from);
		return Base64.getEncoder().encodeToString(digest.digest());
	}

	static UUID idOf(String location) {
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	Path storedBytes(String location) {
		return Path.of("target/test-data/files")
			.resolve(idOf(location).toString().substring(0, 2))
			.resolve(idOf(location).toString().substring(2, 4))
			.resolve(idOf(location).toString());
	}

	long offsetOf(String location) throws Exception {
		return Long.parseLong(uploader.head(location).headers().firstValue("Upload-Offset").orElseThrow());
	}

	// --- Discovery and protocol version
	// ---------------------------------------------------------------

	@Test
	void optionsNamesVersionExtensionsChecksumsAndMaximumWithoutSigningIn() throws Exception {
		HttpResponse<String> response = UploadTestClient.anonymous(port)
			.send(uploader.request(UPLOADS).method("OPTIONS", BodyPublishers.noBody()).build());

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Tus-Version")).hasValue("1.0.0");
		assertThat(response.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
		assertThat(response.headers().firstValue("Tus-Extension")).hasValue("creation,termination,checksum,expiration");
		assertThat(response.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("sha1,sha256,md5");
		assertThat(response.headers().firstValue("Tus-Max-Size")).hasValue(String.valueOf(2L * 1024 * 1024 * 1024));
	}

	@Test
	void requestWithoutTusResumableIsRefusedWith412AndTheSupportedVersion() throws Exception {
		HttpResponse<String> response = uploader.send(uploader.request(UPLOADS)
			.header(uploader.csrfHeader(), uploader.csrfToken())
			.header("Upload-Length", "10")
			.header("Upload-Metadata", UploadTestClient.metadata("a.mp4"))
			.POST(BodyPublishers.noBody())
			.build());

		assertThat(response.statusCode()).isEqualTo(412);
		assertThat(response.headers().firstValue("Tus-Version")).hasValue("1.0.0");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"detail\":\"不支持的 tus 协议版本，请使用 Tus-Resumable: 1.0.0\"");
	}

	@Test
	void withoutSessionTheApiAnswers401AndWithoutCsrfTokenNothingIsCreated() throws Exception {
		String upload = uploader.createdUpload(10, "session.mp4");
		HttpResponse<String> anonymous = UploadTestClient.anonymous(port)
			.send(uploader.request(upload)
				.header("Tus-Resumable", "1.0.0")
				.method("HEAD", BodyPublishers.noBody())
				.build());
		long before = countOwnedBy(uploader.accountId);
		HttpResponse<String> noToken = uploader.send(uploader.request(UPLOADS)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", "10")
			.header("Upload-Metadata", UploadTestClient.metadata("a.mp4"))
			.POST(BodyPublishers.noBody())
			.build());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		// The API chain answers a refused CSRF check like every other denial: nothing
		// there.
		assertThat(noToken.statusCode()).isEqualTo(404);
		assertThat(countOwnedBy(uploader.accountId)).isEqualTo(before);
	}

	// --- Creation, PATCH, HEAD, completion
	// ----------------------------------------------------------

	@Test
	void uploadInThreePatchesCompletesWithTheSha256AndBytesOfTheSource() throws Exception {
		byte[] source = randomBytes(3 * 1024 * 1024 + 17, 1);
		HttpResponse<String> created = uploader.create(source.length, "工会之歌.mp4");
		String upload = created.headers().firstValue("Location").orElseThrow();

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(upload).matches("/api/v1/uploads/[0-9a-f-]{36}");
		assertThat(created.headers().firstValue("Upload-Expires")).isPresent();
		HttpResponse<String> first = uploader.patch(upload, 0, source, 0, 1_000_000);
		assertThat(first.statusCode()).isEqualTo(204);
		assertThat(first.headers().firstValue("Upload-Offset")).hasValue("1000000");
		assertThat(first.headers().firstValue("Upload-Expires")).isPresent();
		HttpResponse<String> head = uploader.head(upload);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Upload-Offset")).hasValue("1000000");
		assertThat(head.headers().firstValue("Upload-Length")).hasValue(String.valueOf(source.length));
		assertThat(head.headers().firstValue("Upload-Metadata")).hasValue(UploadTestClient.metadata("工会之歌.mp4"));
		assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(uploader.patch(upload, 1_000_000, source, 1_000_000, 2_000_000).statusCode()).isEqualTo(204);
		HttpResponse<String> last = uploader.patch(upload, 2_000_000, source, 2_000_000, source.length);
		assertThat(last.statusCode()).isEqualTo(204);
		assertThat(last.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(source.length));

		HttpResponse<String> afterCompletion = uploader.head(upload);
		assertThat(afterCompletion.statusCode()).isEqualTo(200);
		assertThat(afterCompletion.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(source.length));
		assertThat(afterCompletion.headers().firstValue("Upload-Expires")).isEmpty();
		StoredFile file = storedFiles.findCompleted(idOf(upload)).orElseThrow();
		assertThat(file.fileName()).isEqualTo("工会之歌.mp4");
		assertThat(file.size()).isEqualTo(source.length);
		assertThat(file.ownerAccountId()).isEqualTo(uploader.accountId);
		assertThat(file.sha256()).isEqualTo(sha256(source));
		// issue 14 item 6: the CRC-32 is stored with the SHA-256, from the same pass
		assertThat(storedCrc32(file.id())).isEqualTo(crc32(source, source.length));
		assertThat(Files.readAllBytes(storedFiles.localPath(file))).isEqualTo(source);
		assertThat(storedFiles.localPath(file).getFileName().toString()).isEqualTo(file.id().toString());
		assertThat(jdbc.sql(
				"select count(*) from audit_event where target_type = 'stored-file' and target_id = ? and action = 'CREATED'")
			.param(file.id().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void unfinishedUploadIsNotAStoredFile() throws Exception {
		String upload = uploader.createdUpload(100, "half.mp3");
		uploader.patch(upload, 0, randomBytes(100, 2), 0, 50);

		assertThat(storedFiles.findCompleted(idOf(upload))).isEmpty();
	}

	@Test
	void emptyFileIsCompleteAtCreation() throws Exception {
		String upload = uploader.createdUpload(0, "empty.txt");

		StoredFile file = storedFiles.findCompleted(idOf(upload)).orElseThrow();
		assertThat(file.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(storedCrc32(file.id())).isEqualTo(0L);
	}

	@Test
	void aFileStoredByThePlatformHasItsCrc32AndAnOlderFileGetsItOnceOutsideATransaction() throws Exception {
		byte[] source = randomBytes(700_000, 21);
		Path content = Files.createTempFile("crc", ".bin");
		Files.write(content, source);
		StoredFile imported = storedFiles.storeImported(content, "导入.mp4", uploader.accountId, "/1/");
		Files.delete(content);
		assertThat(storedCrc32(imported.id())).isEqualTo(crc32(source, source.length));

		// a file stored before V144: no CRC-32 until it is asked for, then computed once
		// from the bytes and kept
		jdbc.sql("update stored_file set crc32 = null where id = ?").param(imported.id()).update();
		assertThat(storedCrc32(imported.id())).isNull();
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> transaction.executeWithoutResult(status -> storedFiles.crc32(imported))))
			.isInstanceOf(IllegalStateException.class);
		assertThat(storedCrc32(imported.id())).isNull();
		assertThat(storedFiles.crc32(imported)).isEqualTo(crc32(source, source.length));
		assertThat(storedCrc32(imported.id())).isEqualTo(crc32(source, source.length));
		// known now: answered from the row, even inside a transaction
		Long inTransaction = transaction.execute(status -> storedFiles.crc32(imported));
		assertThat(inTransaction).isEqualTo(crc32(source, source.length));
	}

	private Long storedCrc32(UUID id) {
		return jdbc.sql("select crc32 from stored_file where id = ?")
			.param(id)
			.query((row, n) -> row.getObject("crc32", Long.class))
			.list()
			.getFirst();
	}

	private static long crc32(byte[] bytes, int length) {
		CRC32 crc = new CRC32();
		crc.update(bytes, 0, length);
		return crc.getValue();
	}

	@Test
	void patchAtAnotherOffsetIs409AndChangesNothing() throws Exception {
		byte[] source = randomBytes(1000, 3);
		String upload = uploader.createdUpload(source.length, "offset.mp4");
		uploader.patch(upload, 0, source, 0, 400);

		HttpResponse<String> behind = uploader.patch(upload, 300, source, 300, 600);
		HttpResponse<String> ahead = uploader.patch(upload, 500, source, 500, 600);

		assertThat(behind.statusCode()).isEqualTo(409);
		assertThat(behind.body()).contains("上传位置不一致：服务器已保存 400 字节，本次请求从 300 字节开始");
		assertThat(ahead.statusCode()).isEqualTo(409);
		assertThat(offsetOf(upload)).isEqualTo(400);
		assertThat(Files.size(storedBytes(upload))).isEqualTo(400);
	}

	@Test
	void patchWithoutTheOffsetContentTypeIs415() throws Exception {
		String upload = uploader.createdUpload(10, "type.mp4");

		HttpResponse<String> response = uploader.send(uploader.tus(upload)
			.header("Content-Type", "application/octet-stream")
			.header("Upload-Offset", "0")
			.method("PATCH", BodyPublishers.ofByteArray(new byte[10]))
			.build());

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body()).contains("application/offset+octet-stream");
		assertThat(offsetOf(upload)).isZero();
	}

	// --- Checksum extension
	// ---------------------------------------------------------------------------

	@Test
	void checksumMismatchIs460AndTheChunkIsDiscarded() throws Exception {
		byte[] source = randomBytes(300_000, 4);
		String upload = uploader.createdUpload(source.length, "checksum.mp4");

		HttpResponse<String> good = uploader.send(uploader.tus(upload)
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", "0")
			.header("Upload-Checksum", "sha1 " + base64Digest("SHA-1", source, 0, 100_000))
			.method("PATCH", BodyPublishers.ofByteArray(source, 0, 100_000))
			.build());
		HttpResponse<String> bad = uploader.send(uploader.tus(upload)
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", "100000")
			.header("Upload-Checksum", "md5 " + base64Digest("MD5", source, 0, 100_000))
			.method("PATCH", BodyPublishers.ofByteArray(source, 100_000, 200_000))
			.build());

		assertThat(good.statusCode()).isEqualTo(204);
		assertThat(bad.statusCode()).isEqualTo(460);
		assertThat(bad.body()).contains("本段数据的校验和不一致，已丢弃");
		assertThat(offsetOf(upload)).isEqualTo(100_000);
		assertThat(Files.size(storedBytes(upload))).isEqualTo(100_000);

		HttpResponse<String> again = uploader.send(uploader.tus(upload)
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", "100000")
			.header("Upload-Checksum", "sha256 " + base64Digest("SHA-256", source, 100_000, source.length))
			.method("PATCH", BodyPublishers.ofByteArray(source, 100_000, source.length - 100_000))
			.build());
		assertThat(again.statusCode()).isEqualTo(204);
		// The SHA-256 of the file is right although a chunk was thrown away in between.
		StoredFile file = storedFiles.findCompleted(idOf(upload)).orElseThrow();
		assertThat(file.sha256()).isEqualTo(sha256(source));
		// The running CRC-32 cannot be rolled back with the chunk: it is left for later,
		// then computed from the bytes.
		assertThat(storedCrc32(file.id())).isNull();
		assertThat(storedFiles.crc32(file)).isEqualTo(crc32(source, source.length));
	}

	@Test
	void unknownChecksumAlgorithmIs400() throws Exception {
		String upload = uploader.createdUpload(10, "crc.mp4");

		HttpResponse<String> response = uploader.send(uploader.tus(upload)
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", "0")
			.header("Upload-Checksum", "crc32 AAAAAA==")
			.method("PATCH", BodyPublishers.ofByteArray(new byte[10]))
			.build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("不支持的校验算法 crc32，支持：sha1,sha256,md5");
		assertThat(offsetOf(upload)).isZero();
	}

	// --- Size limit
	// -----------------------------------------------------------------------------------

	@Test
	void uploadLargerThanTheLimitIsRefusedAtCreationWith413() throws Exception {
		long before = countOwnedBy(uploader.accountId);

		HttpResponse<String> response = uploader.create(2L * 1024 * 1024 * 1024 + 1, "big.mp4");

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("文件大小超过上限 2048 MB");
		assertThat(countOwnedBy(uploader.accountId)).isEqualTo(before);
	}

	@Test
	void patchBeyondTheDeclaredLengthIs413AndStoresNothing() throws Exception {
		byte[] source = randomBytes(200, 5);
		String upload = uploader.createdUpload(100, "short.mp4");

		HttpResponse<String> response = uploader.patch(upload, 0, source, 0, 200);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("上传的数据超过了声明的文件大小 100 字节");
		assertThat(offsetOf(upload)).isZero();
		assertThat(Files.size(storedBytes(upload))).isZero();
	}

	@Test
	void chunkedPatchBeyondTheDeclaredLengthStopsAtTheLengthAndIs413() throws Exception {
		byte[] source = randomBytes(300_000, 6);
		String upload = uploader.createdUpload(100_000, "chunked.mp4");

		// No Content-Length: the server finds out while reading and never writes past the
		// length.
		HttpResponse<String> response = uploader.send(uploader.tus(upload)
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", "0")
			.method("PATCH", BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(source)))
			.build());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(Files.size(storedBytes(upload))).isLessThanOrEqualTo(100_000);
		assertThat(offsetOf(upload)).isEqualTo(Files.size(storedBytes(upload)));
	}

	// --- Termination
	// ----------------------------------------------------------------------------------

	@Test
	void deleteRemovesTheUploadAndItsBytes() throws Exception {
		String upload = uploader.createdUpload(100, "delete.mp4");
		uploader.patch(upload, 0, randomBytes(100, 7), 0, 60);
		assertThat(storedBytes(upload)).exists();

		HttpResponse<String> response = uploader.send(uploader.tus(upload).DELETE().build());

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
		assertThat(uploader.head(upload).statusCode()).isEqualTo(404);
		assertThat(storedBytes(upload)).doesNotExist();
		assertThat(jdbc.sql(
				"select count(*) from audit_event where target_type = 'stored-file' and target_id = ? and action = 'DELETED'")
			.param(idOf(upload).toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	// --- Somebody else's upload
	// -----------------------------------------------------------------------

	@Test
	void anotherUserSeesNothingOfAnUpload() throws Exception {
		byte[] source = randomBytes(100, 8);
		String unfinished = uploader.createdUpload(100, "mine.mp4");
		uploader.patch(unfinished, 0, source, 0, 50);
		String finished = uploader.createdUpload(100, "mine-too.mp4");
		uploader.patch(finished, 0, source, 0, 100);

		assertThat(stranger.head(unfinished).statusCode()).isEqualTo(404);
		assertThat(stranger.head(unfinished).body()).isEmpty();
		assertThat(stranger.patch(unfinished, 50, source, 50, 100).statusCode()).isEqualTo(404);
		HttpResponse<String> delete = stranger.send(stranger.tus(unfinished).DELETE().build());
		assertThat(delete.statusCode()).isEqualTo(404);
		assertThat(delete.body()).contains("未找到该上传");
		assertThat(stranger.send(stranger.get("/files/" + idOf(finished)).build()).statusCode()).isEqualTo(404);
		assertThat(offsetOf(unfinished)).isEqualTo(50);
		assertThat(uploader.send(uploader.get("/files/" + idOf(finished)).build()).statusCode()).isEqualTo(200);
	}

	@Test
	void malformedUploadIdIs404() throws Exception {
		assertThat(uploader.head(UPLOADS + "/not-a-uuid").statusCode()).isEqualTo(404);
	}

	// --- Expiration
	// -----------------------------------------------------------------------------------

	@Test
	void expiredUploadIs410AndTheExpiryJobRemovesItsBytesAndRow() throws Exception {
		byte[] source = randomBytes(100, 9);
		String expired = uploader.createdUpload(100, "expired.mp4");
		uploader.patch(expired, 0, source, 0, 40);
		String finished = uploader.createdUpload(100, "finished.mp4");
		uploader.patch(finished, 0, source, 0, 100);
		jdbc.sql("update stored_file set expires_at = now() - interval '1 minute' where id in (?, ?)")
			.params(idOf(expired), idOf(finished))
			.update();

		assertThat(uploader.head(expired).statusCode()).isEqualTo(410);
		assertThat(uploader.patch(expired, 40, source, 40, 100).statusCode()).isEqualTo(410);

		int removed = expiry.removeExpired();

		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from stored_file where id = ?")
			.param(idOf(expired))
			.query(Long.class)
			.single()).isZero();
		assertThat(storedBytes(expired)).doesNotExist();
		assertThat(uploader.head(expired).statusCode()).isEqualTo(404);
		// A completed file never expires.
		assertThat(storedFiles.findCompleted(idOf(finished))).isPresent();
		assertThat(storedBytes(finished)).exists();
	}

	@Test
	void expiryRunsAsARecurringDbSchedulerTask() {
		assertThat(tasks).extracting(task -> task.getName()).contains("remove-expired-uploads");
		assertThat(tasks).filteredOn(task -> task.getName().equals("remove-expired-uploads"))
			.singleElement()
			.isInstanceOf(RecurringTask.class);
	}

	// --- Parallel PATCHes, cut connections
	// -------------------------------------------------------------

	/**
	 * Starts a PATCH on a raw connection and sends only the first {@code sent} bytes of
	 * the body.
	 */
	Socket startPatch(String upload, long offset, byte[] body, int sent) throws Exception {
		Socket socket = new Socket("127.0.0.1", port);
		OutputStream out = socket.getOutputStream();
		String head = "PATCH " + upload + " HTTP/1.1\r\n" + "Host: 127.0.0.1:" + port + "\r\n" + "Cookie: "
				+ uploader.sessionCookie() + "\r\n" + uploader.csrfHeader() + ": " + uploader.csrfToken() + "\r\n"
				+ "Tus-Resumable: 1.0.0\r\n" + "Content-Type: application/offset+octet-stream\r\n" + "Upload-Offset: "
				+ offset + "\r\n" + "Content-Length: " + (body.length - offset) + "\r\n\r\n";
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		out.write(body, (int) offset, sent);
		out.flush();
		return socket;
	}

	void awaitLease(String upload, boolean held) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			boolean leased = jdbc.sql("select lease_token is not null from stored_file where id = ?")
				.param(idOf(upload))
				.query(Boolean.class)
				.single();
			if (leased == held) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("lease of " + upload + " never became " + (held ? "held" : "free"));
	}

	@Test
	void secondParallelPatchIsRefusedWith423AndTheFileStaysIdenticalToTheSource() throws Exception {
		byte[] source = randomBytes(4 * 1024 * 1024, 10);
		String upload = uploader.createdUpload(source.length, "parallel.mp4");

		try (Socket first = startPatch(upload, 0, source, 1024 * 1024)) {
			awaitLease(upload, true);
			// Different bytes at the same offset: had they been written, the file would
			// differ.
			HttpResponse<String> second = uploader.patch(upload, 0, new byte[500_000], 0, 500_000);
			assertThat(second.statusCode()).isEqualTo(423);
			assertThat(second.body()).contains("该文件正在另一个连接中上传，请稍后重试");

			first.getOutputStream().write(source, 1024 * 1024, source.length - 1024 * 1024);
			first.getOutputStream().flush();
			String status = new String(first.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(status).isEqualTo("HTTP/1.1 204");
		}

		StoredFile file = storedFiles.findCompleted(idOf(upload)).orElseThrow();
		assertThat(file.sha256()).isEqualTo(sha256(source));
		// issue 14 item 6: the CRC-32 is stored with the SHA-256, from the same pass
		assertThat(storedCrc32(file.id())).isEqualTo(crc32(source, source.length));
		assertThat(Files.readAllBytes(storedFiles.localPath(file))).isEqualTo(source);
	}

	@Test
	void patchCutHalfwayKeepsWhatArrivedAndTheResumedUploadHasTheSourceSha256() throws Exception {
		byte[] source = randomBytes(20 * 1024 * 1024, 11);
		int half = 10 * 1024 * 1024 + 12345;
		String upload = uploader.createdUpload(source.length, "cut.mp4");

		try (Socket socket = startPatch(upload, 0, source, half)) {
			awaitLease(upload, true);
		}
		// The connection is gone: the server keeps the bytes that reached it.
		awaitLease(upload, false);
		long offset = offsetOf(upload);
		assertThat(offset).isEqualTo(half);
		assertThat(Files.size(storedBytes(upload))).isEqualTo(half);

		HttpResponse<String> rest = uploader.patch(upload, offset, source, (int) offset, source.length);

		assertThat(rest.statusCode()).isEqualTo(204);
		StoredFile file = storedFiles.findCompleted(idOf(upload)).orElseThrow();
		assertThat(file.sha256()).isEqualTo(sha256(source));
		// issue 14 item 6: the CRC-32 is stored with the SHA-256, from the same pass
		assertThat(storedCrc32(file.id())).isEqualTo(crc32(source, source.length));
		assertThat(Files.readAllBytes(storedFiles.localPath(file))).isEqualTo(source);
	}

	// --- File names
	// -----------------------------------------------------------------------------------

	static Stream<Arguments> hostileNames() {
		return Stream.of(Arguments.of("../../etc/passwd", "文件名不能包含路径（如“../”、“/”或“\\”），只能是文件本身的名称"),
				Arguments.of("视频/作品.mp4", "文件名不能包含路径（如“../”、“/”或“\\”），只能是文件本身的名称"),
				Arguments.of("..\\作品.mp4", "文件名不能包含路径（如“../”、“/”或“\\”），只能是文件本身的名称"),
				Arguments.of("作品\u0000.mp4", "文件名不能包含空字符（NUL）"), Arguments.of("作品\n.mp4", "文件名不能包含控制字符（如换行、制表符）"),
				Arguments.of("发票\u202Efdp.exe", "文件名不能包含改变文字方向的不可见字符（如 U+202E），这类字符可能让文件名看起来像另一种类型"),
				Arguments.of("作品\u2066.mp4", "文件名不能包含改变文字方向的不可见字符（如 U+202E），这类字符可能让文件名看起来像另一种类型"),
				Arguments.of("作品\u200F.mp4", "文件名不能包含改变文字方向的不可见字符（如 U+202E），这类字符可能让文件名看起来像另一种类型"),
				Arguments.of("长".repeat(296) + ".mp4", "文件名不能超过 255 个字符"), Arguments.of("", "文件名不能为空"),
				Arguments.of("   ", "文件名不能为空"));
	}

	@ParameterizedTest
	@MethodSource("hostileNames")
	void hostileFileNameIsRefusedAtCreationWithItsMessage(String name, String message) throws Exception {
		long before = countOwnedBy(uploader.accountId);

		HttpResponse<String> response = uploader.create(100, name);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"detail\":\"" + message.replace("\\", "\\\\") + "\"");
		assertThat(countOwnedBy(uploader.accountId)).isEqualTo(before);
	}

	@Test
	void uploadWithoutFileNameIsRefused() throws Exception {
		HttpResponse<String> response = uploader
			.send(uploader.tus(UPLOADS).header("Upload-Length", "10").POST(BodyPublishers.noBody()).build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("文件名不能为空");
	}

	@Test
	void nameOf255CharactersIsAccepted() throws Exception {
		assertThat(uploader.create(10, "长".repeat(251) + ".mp4").statusCode()).isEqualTo(201);
	}

	// --- Downloads
	// ------------------------------------------------------------------------------------

	@Test
	void ownFileDownloadsWithRangesNosniffEtagAndTheRfc6266Name() throws Exception {
		byte[] source = randomBytes(10_000, 12);
		String upload = uploader.createdUpload(source.length, "我的 作品\"1\".mp4");
		uploader.patch(upload, 0, source, 0, source.length);
		String url = "/files/" + idOf(upload);

		HttpResponse<byte[]> whole = uploader.http.send(uploader.get(url).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> range = uploader.http.send(uploader.get(url).header("Range", "bytes=100-199").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> suffix = uploader.http.send(uploader.get(url).header("Range", "bytes=-10").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> unsatisfiable = uploader.http
			.send(uploader.get(url).header("Range", "bytes=10000-").build(), HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> otherVersion = uploader.http.send(
				uploader.get(url).header("Range", "bytes=0-9").header("If-Range", "\"0000\"").build(),
				HttpResponse.BodyHandlers.ofByteArray());

		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(source);
		assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		assertThat(whole.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		assertThat(whole.headers().firstValue("ETag")).hasValue("\"" + sha256(source) + "\"");
		assertThat(whole.headers().firstValue("Content-Disposition")).hasValue(
				"attachment; filename=\"__ ___1_.mp4\"; filename*=UTF-8''%E6%88%91%E7%9A%84%20%E4%BD%9C%E5%93%81%221%22.mp4");
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(source, 100, 200));
		assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 100-199/10000");
		assertThat(range.headers().firstValue("Content-Length")).hasValue("100");
		assertThat(suffix.statusCode()).isEqualTo(206);
		assertThat(suffix.body()).isEqualTo(java.util.Arrays.copyOfRange(source, 9990, 10000));
		assertThat(unsatisfiable.statusCode()).isEqualTo(416);
		assertThat(unsatisfiable.headers().firstValue("Content-Range")).hasValue("bytes */10000");
		assertThat(otherVersion.statusCode()).isEqualTo(200);
		assertThat(otherVersion.body()).isEqualTo(source);
	}

	@Test
	void downloadOfAnUnfinishedUploadIs404() throws Exception {
		String upload = uploader.createdUpload(100, "unfinished.mp4");

		assertThat(uploader.send(uploader.get("/files/" + idOf(upload)).build()).statusCode()).isEqualTo(404);
	}

	long countOwnedBy(long accountId) {
		return jdbc.sql("select count(*) from stored_file where owner_account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single();
	}

}
