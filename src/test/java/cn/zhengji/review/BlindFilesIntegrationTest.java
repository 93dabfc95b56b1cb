package cn.zhengji.review;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestMedia;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12 item 4 end to end on the real database and storage: a work of the song
 * category with a JPEG carrying an EXIF artist, a DOCX with author and company, an MP4
 * with its index at the end and title/artist tags, and an MP3 cut short; assigned to
 * three experts of the pool, the blind copies made by the task's code, then served
 * through MockMvc.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class BlindFilesIntegrationTest {

	private static final String NAME = "张三";

	private static final String COMPANY = "某某公司";

	private static final String LATIN_NAME = "Zhang San Artist";

	@Autowired
	MockMvc mvc;

	@Autowired
	ReviewPools pools;

	@Autowired
	ReviewAssignments assignments;

	@Autowired
	BlindFiles blindFiles;

	@Autowired
	BlindCopyMaker maker;

	@Autowired
	StoredFiles storedFiles;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	JdbcClient jdbc;

	@Value("${zhengji.data-dir}")
	Path dataDir;

	@TempDir
	Path directory;

	SignedInUser hostAdmin;

	SignedInUser expert;

	SignedInUser outsider;

	SignedInUser participant;

	long roundId;

	long work;

	UUID jpeg;

	UUID docx;

	UUID mp4;

	UUID brokenMp3;

	long jpegAttachment;

	long docxAttachment;

	long mp4Attachment;

	long brokenAttachment;

	@BeforeEach
	void assignedWork() throws Exception {
		Organisation province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		String code = "blind-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "盲评副本测试活动", 2020);
		Campaign campaign = campaigns.getByCode(code);
		Category song = campaigns.category(campaign, "song").orElseThrow();
		roundId = campaigns.reviewRounds(song.id()).getFirst().id();
		Organisation submitting = organisations.create(province, "盲评测试甲市总工会", OrganisationKind.CITY);
		Organisation other = organisations.create(province, "盲评测试乙市总工会", OrganisationKind.CITY);
		List<SignedInUser> pool = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			SignedInUser member = accounts.signedIn(accounts.staff(Role.EXPERT, other).create()).withPasswordChanged();
			pools.add(hostAdmin, roundId, member.accountId());
			pool.add(member);
		}
		expert = pool.getFirst();
		outsider = accounts.signedIn(accounts.staff(Role.EXPERT, other).create()).withPasswordChanged();
		participant = accounts.signedIn(accounts.participant(submitting).create());

		work = entries.draft(campaign, song.id(), submitting, null, hostAdmin.accountId(), "盲评测试作品");
		entries.approvedBy(work, province);
		jpeg = store("张三的照片.jpg", jpegWithExif());
		docx = store("张三-歌词.docx", docxWithAuthor());
		mp4 = store("张三的作品.mp4", taggedMp4());
		brokenMp3 = store("坏文件.mp3", Arrays.copyOf(Files.readAllBytes(TestMedia.mp3(3, 128, 44100)), 10));
		jpegAttachment = attach("score", jpeg, "image/jpeg");
		docxAttachment = attach("lyrics", docx,
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		mp4Attachment = attach("work", mp4, "video/mp4");
		brokenAttachment = attach("work", brokenMp3, "audio/mpeg");

		assignments.assign(hostAdmin, roundId);
		assertThat(assignments.assignedWorks(expert, roundId)).containsExactly(work);
	}

	@Test
	void servesOnlyBlindCopiesWithoutAuthorsTagsOrFileNames() throws Exception {
		String jpegBefore = sha256(storedFiles.localPath(storedFiles.findCompleted(jpeg).orElseThrow()));
		String mp4Before = sha256(storedFiles.localPath(storedFiles.findCompleted(mp4).orElseThrow()));
		assertThat(jdbc.sql("select count(*) from review_blind_copy where source_file_id in (?, ?, ?, ?)")
			.params(jpeg, docx, mp4, brokenMp3)
			.query(Integer.class)
			.single()).isEqualTo(4);

		for (UUID source : List.of(jpeg, docx, mp4, brokenMp3)) {
			maker.make(source);
		}

		List<BlindFile> files = blindFiles.of(expert, roundId, work);
		String base = "/expert/reviews/" + roundId + "/works/" + work + "/files/";
		assertThat(files).extracting(BlindFile::attachmentId, BlindFile::kind, BlindFile::status, BlindFile::url)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(jpegAttachment, BlindFile.Kind.IMAGE, BlindFile.Status.READY,
							base + jpegAttachment),
					org.assertj.core.groups.Tuple.tuple(docxAttachment, BlindFile.Kind.DOCUMENT, BlindFile.Status.READY,
							base + docxAttachment),
					org.assertj.core.groups.Tuple.tuple(mp4Attachment, BlindFile.Kind.VIDEO, BlindFile.Status.READY,
							base + mp4Attachment),
					org.assertj.core.groups.Tuple.tuple(brokenAttachment, BlindFile.Kind.AUDIO, BlindFile.Status.FAILED,
							base + brokenAttachment));

		MvcResult image = mvc.perform(get(base + jpegAttachment).with(user(expert)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(image.getResponse().getContentType()).isEqualTo("image/jpeg");
		assertThat(image.getResponse().getHeader("Content-Disposition")).isEqualTo("inline; filename=\"work-"
				+ jpegAttachment + ".jpg\"; filename*=UTF-8''work-" + jpegAttachment + ".jpg");
		assertThat(image.getResponse().getHeader("Cache-Control")).contains("private");
		byte[] jpegBytes = image.getResponse().getContentAsByteArray();
		assertAbsent(jpegBytes, LATIN_NAME, "Exif");
		assertThat(ImageIO.read(new ByteArrayInputStream(jpegBytes)).getWidth()).isEqualTo(64);

		MvcResult document = mvc.perform(get(base + docxAttachment).with(user(expert)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(document.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"work-");
		assertNowhereInEntries(document.getResponse().getContentAsByteArray(), NAME, COMPANY);

		MvcResult video = mvc.perform(get(base + mp4Attachment).with(user(expert)))
			.andExpect(status().isOk())
			.andReturn();
		byte[] videoBytes = video.getResponse().getContentAsByteArray();
		assertThat(video.getResponse().getContentType()).isEqualTo("video/mp4");
		assertAbsent(videoBytes, NAME, COMPANY, LATIN_NAME);
		List<String> boxes = topLevelTypes(videoBytes);
		assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
		MvcResult range = mvc.perform(get(base + mp4Attachment).header("Range", "bytes=100-199").with(user(expert)))
			.andExpect(status().isPartialContent())
			.andReturn();
		assertThat(range.getResponse().getHeader("Content-Range")).isEqualTo("bytes 100-199/" + videoBytes.length);
		assertThat(range.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(videoBytes, 100, 200));

		// the broken file has no copy and its original is never served
		MvcResult failed = mvc.perform(get(base + brokenAttachment).with(user(expert)))
			.andExpect(status().isConflict())
			.andReturn();
		assertThat(failed.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("该文件无法生成去除作者信息的副本，请联系活动管理员");

		assertThat(sha256(storedFiles.localPath(storedFiles.findCompleted(jpeg).orElseThrow()))).isEqualTo(jpegBefore);
		assertThat(sha256(storedFiles.localPath(storedFiles.findCompleted(mp4).orElseThrow()))).isEqualTo(mp4Before);
	}

	@Test
	void nobodyButTheAssignedExpertsGetsTheFiles() throws Exception {
		maker.make(jpeg);
		String url = "/expert/reviews/" + roundId + "/works/" + work + "/files/" + jpegAttachment;
		mvc.perform(get(url).with(user(expert))).andExpect(status().isOk());
		for (SignedInUser other : List.of(outsider, participant, hostAdmin, accounts.platformAdmin())) {
			mvc.perform(get(url).with(user(other))).andExpect(status().isNotFound());
		}
		// another round's id, another work's id, another work's attachment
		mvc.perform(get("/expert/reviews/" + (roundId + 100000) + "/works/" + work + "/files/" + jpegAttachment)
			.with(user(expert))).andExpect(status().isNotFound());
		mvc.perform(get("/expert/reviews/" + roundId + "/works/" + work + "/files/999999999").with(user(expert)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCopyNotMadeYetIsNotServed() throws Exception {
		// stop the scheduled execution from making it during the test
		jdbc.sql("delete from scheduled_tasks where task_name = 'make-blind-copy' and task_instance = ? and not picked")
			.param(mp4.toString())
			.update();
		assertThat(jdbc.sql("select status from review_blind_copy where source_file_id = ?")
			.param(mp4)
			.query(String.class)
			.single()).isEqualTo("PENDING");

		MvcResult pending = mvc
			.perform(
					get("/expert/reviews/" + roundId + "/works/" + work + "/files/" + mp4Attachment).with(user(expert)))
			.andExpect(status().isServiceUnavailable())
			.andReturn();
		assertThat(pending.getResponse().getHeader("Retry-After")).isEqualTo("30");
		assertThat(pending.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("正在准备（去除作者信息）…，请稍后刷新");
		assertThat(blindFiles.of(expert, roundId, work)).filteredOn((file) -> file.attachmentId() == mp4Attachment)
			.extracting(BlindFile::status)
			.containsExactly(BlindFile.Status.PENDING);
	}

	// --- scenery

	private UUID store(String fileName, byte[] bytes) throws IOException {
		UUID id = UUID.randomUUID();
		String key = id.toString();
		Path file = dataDir.resolve("files").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
		Files.createDirectories(file.getParent());
		Files.write(file, bytes);
		jdbc.sql("""
				insert into stored_file (id, owner_account_id, organisation_path, file_name, storage_key, upload_length,
				    upload_offset, sha256, created_at, expires_at, completed_at)
				values (?, ?, '/1/', ?, ?, ?, ?, ?, now(), now() + interval '1 day', now())
				""")
			.params(id, participant.accountId(), fileName, key, bytes.length, bytes.length, sha256(bytes))
			.update();
		return id;
	}

	private long attach(String slot, UUID fileId, String contentType) {
		return jdbc.sql("""
				insert into entry_attachment (entry_id, slot_key, file_id, file_name, size, sha256, content_type,
				    inspection, blocking, attached_by, attached_at)
				select ?, ?, id, file_name, upload_length, sha256, ?, cast(? as jsonb), false, ?, now()
				from stored_file where id = ?
				returning id
				""")
			.params(work, slot, contentType,
					"{\"detectedKind\":null,\"contentType\":\"" + contentType + "\",\"facts\":null,\"findings\":[]}",
					participant.accountId(), fileId)
			.query(Long.class)
			.single();
	}

	/** A JPEG with an APP1 Exif segment naming the artist (tag 0x013B). */
	private static byte[] jpegWithExif() throws IOException {
		BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = picture.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, 64, 48);
		graphics.dispose();
		ByteArrayOutputStream encoded = new ByteArrayOutputStream();
		ImageIO.write(picture, "jpeg", encoded);
		byte[] jpeg = encoded.toByteArray();
		byte[] artist = (LATIN_NAME + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4 + artist.length);
		tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
		tiff.putShort((short) 1).putShort((short) 0x013B).putShort((short) 2).putInt(artist.length).putInt(26);
		tiff.putInt(0).put(artist);
		byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
		ByteBuffer segment = ByteBuffer.allocate(4 + exif.length);
		segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exif.length)).put(exif);
		// after SOI, before everything else
		return concat(Arrays.copyOf(jpeg, 2), segment.array(), Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	private static byte[] docxWithAuthor() throws IOException {
		try (XWPFDocument document = new XWPFDocument()) {
			document.createParagraph().createRun().setText("歌词正文");
			document.getProperties().getCoreProperties().setCreator(NAME);
			document.getProperties().getCoreProperties().setLastModifiedByUser(NAME);
			document.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany(COMPANY);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.write(out);
			return out.toByteArray();
		}
	}

	private byte[] taggedMp4() throws Exception {
		Path tagged = directory.resolve("tagged.mp4");
		Process process = new ProcessBuilder("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i",
				TestMedia.mp4(320, 240, 2, 5).toString(), "-c", "copy", "-metadata", "artist=" + NAME, "-metadata",
				"title=" + NAME + "的作品", "-metadata", "copyright=" + COMPANY, tagged.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		byte[] bytes = Files.readAllBytes(tagged);
		List<String> boxes = topLevelTypes(bytes);
		assertThat(boxes.indexOf("moov")).as("index at the end, as phones write it")
			.isGreaterThan(boxes.indexOf("mdat"));
		return bytes;
	}

	private static List<String> topLevelTypes(byte[] bytes) {
		List<String> types = new ArrayList<>();
		for (long position = 0; position + 8 <= bytes.length;) {
			ByteBuffer header = ByteBuffer.wrap(bytes, (int) position, (int) Math.min(16, bytes.length - position));
			long size = header.getInt() & 0xFFFFFFFFL;
			types.add(new String(bytes, (int) position + 4, 4, StandardCharsets.ISO_8859_1));
			if (size == 1) {
				size = header.getLong();
			}
			position += (size == 0) ? bytes.length - position : size;
		}
		return types;
	}

	private static void assertNowhereInEntries(byte[] zip, String... texts) throws IOException {
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				assertAbsent(readAll(in), texts);
				entries++;
			}
		}
		assertThat(entries).isGreaterThan(3);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	private static void assertAbsent(byte[] bytes, String... texts) {
		String utf8 = new String(bytes, StandardCharsets.ISO_8859_1);
		for (String text : texts) {
			for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
				assertThat(utf8.contains(new String(text.getBytes(charset), StandardCharsets.ISO_8859_1)))
					.as("%s in %s", text, charset)
					.isFalse();
			}
		}
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static String sha256(Path path) throws Exception {
		return sha256(Files.readAllBytes(path));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
