package cn.zhengji.playback;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.ReviewOutcome;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 3 end to end on the real database, storage and db-scheduler: works
 * awarded through {@link EntryLifecycle#recordReviewOutcome} (their copies requested
 * after the commit), the copies made by two extra scheduler instances besides the
 * application's own (one run each), served by the showcase with byte ranges and a poster;
 * a broken file FAILED and the original served; the admin page and its retry; an
 * input/output failure retried with backoff.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class PlaybackIntegrationTest {

	@Autowired
	MockMvc mvc;

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
	EntryLifecycle lifecycle;

	@Autowired
	StoredFiles storedFiles;

	@Autowired
	WebCopyRequests requests;

	@Autowired
	WebCopies webCopies;

	@Autowired
	OneTimeTask<Void> makeWebCopyTask;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	SignedInUser hostAdmin;

	Organisation province;

	Campaign campaign;

	Category song;

	List<Scheduler> nodes;

	@BeforeEach
	void campaign() {
		requests.requestOnAward(true);
		province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		String code = "playback-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "网页播放测试活动", 2020);
		campaign = campaigns.getByCode(code);
		song = campaigns.category(campaign, "song").orElseThrow();
		// Two more nodes besides the application's own scheduler, polling often.
		nodes = List.of(node("playback-test-a"), node("playback-test-b"));
		nodes.forEach(Scheduler::start);
	}

	@AfterEach
	void stop() {
		requests.requestOnAward(false);
		nodes.forEach(Scheduler::stop);
	}

	@Test
	void anAwardedWorksVideoGetsOneFastStartCopyThatTheShowcaseServesWithRangesAndAPoster() throws Exception {
		long work = awardedWork("劳动者之歌", PlaybackMedia.hevc1440Mkv(), "video/x-matroska");
		long attachment = attachmentOf(work);

		WebCopy copy = await(() -> webCopies.readyCopyOf(attachment).orElse(null));

		assertThat(copy.copyType()).isEqualTo("video/mp4");
		assertThat(copy.reencoded()).isTrue();
		assertThat(copy.progress()).isEqualTo(100);
		// three schedulers polled the same execution: one run, one copy
		assertThat(copy.attempts()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from stored_file where file_name = ?")
			.param("web-" + attachment + ".mp4")
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(
				jdbc.sql("select count(*) from scheduled_tasks where task_name = 'make-web-copy' and task_instance = ?")
					.param(String.valueOf(attachment))
					.query(Integer.class)
					.single())
			.isZero();
		StoredFile stored = webCopies.openCopy(attachment).orElseThrow().copy();
		Path local = storedFiles.localPath(stored);
		assertThat(PlaybackMedia.streams(local)).containsExactly("h264,Constrained Baseline,video,1920,1080",
				"aac,LC,audio");
		TranscoderTest.assertFastStart(local);

		entries.publicityEnded(work);
		String url = "/showcase/works/" + work + "/files/" + attachment;
		MockHttpServletResponse whole = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse();
		byte[] bytes = whole.getContentAsByteArray();
		assertThat(bytes).isEqualTo(Files.readAllBytes(local));
		assertThat(whole.getContentType()).isEqualTo("video/mp4");
		assertThat(whole.getHeader("ETag")).isEqualTo("\"" + stored.sha256() + "\"");
		assertThat(whole.getHeader("Content-Disposition")).contains("work-" + attachment + ".mp4");
		assertThat(whole.getHeader("Cache-Control")).contains("public");
		MockHttpServletResponse part = mvc.perform(get(url).header("Range", "bytes=0-1023"))
			.andExpect(status().isPartialContent())
			.andReturn()
			.getResponse();
		assertThat(part.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 0, 1024));
		assertThat(part.getHeader("Content-Range")).isEqualTo("bytes 0-1023/" + bytes.length);
		// moov comes first: the first kilobyte already names the index
		assertThat(new String(part.getContentAsByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.contains("moov");

		String page = mvc.perform(get("/showcase/works/" + work)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("src=\"" + url + "\"").contains("poster=\"" + url + "/poster.jpg\"");
		MockHttpServletResponse poster = mvc.perform(get(url + "/poster.jpg"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(poster.getContentType()).isEqualTo("image/jpeg");
		assertThat(ImageIO.read(new ByteArrayInputStream(poster.getContentAsByteArray())).getWidth()).isEqualTo(1280);
	}

	@Test
	void aBrokenFileFailsWithAChineseReasonKeepsServingTheOriginalAndCanBeRetried() throws Exception {
		Path broken = Files.createTempFile("broken", ".mp4");
		byte[] bytes = new byte[8192];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 7 + 3);
		}
		Files.write(broken, bytes);
		long work = awardedWork("坏文件作品", broken, "video/mp4");
		long attachment = attachmentOf(work);

		WebCopy failed = await(() -> jdbc.sql("select state from web_copy where attachment_id = ?")
			.param(attachment)
			.query(String.class)
			.optional()
			.filter("FAILED"::equals)
			.flatMap((state) -> new WebCopyRecords(jdbc).find(attachment))
			.orElse(null));
		assertThat(failed.errorReason()).isEqualTo("UNREADABLE");
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(webCopies.openCopy(attachment)).isEmpty();

		// the showcase serves the original, unchanged
		entries.publicityEnded(work);
		String url = "/showcase/works/" + work + "/files/" + attachment;
		assertThat(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray())
			.isEqualTo(bytes);
		mvc.perform(get(url + "/poster.jpg")).andExpect(status().isNotFound());

		String admin = "/admin/campaigns/" + campaign.code() + "/playback";
		String page = mvc.perform(get(admin).with(user(hostAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("坏文件作品", "失败", "无法读取该文件", "/playback/" + attachment + "/retry");
		assertThat(mvc.perform(get("/admin/campaigns/" + campaign.code()).with(user(hostAdmin)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("href=\"" + admin + "\"");

		mvc.perform(post(admin + "/" + attachment + "/retry").with(user(hostAdmin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		// queued again, run again by a node, failed again: the file is still broken
		WebCopy again = await(() -> new WebCopyRecords(jdbc).find(attachment)
			.filter((copy) -> copy.state() == WebCopy.State.FAILED && copy.finishedAt() != null
					&& copy.finishedAt().isAfter(failed.finishedAt()))
			.orElse(null));
		assertThat(again.attempts()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where target_type = 'web_copy' and target_id = ?")
			.param(String.valueOf(attachment))
			.query(Integer.class)
			.single()).isEqualTo(3);
		// someone else's retry: 404
		SignedInUser outsider = accounts
			.signedIn(accounts
				.admin(organisations.create(province, "播放测试市总工会", cn.zhengji.organisation.OrganisationKind.CITY))
				.create())
			.withPasswordChanged();
		mvc.perform(post(admin + "/" + attachment + "/retry").with(user(outsider)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get(admin).with(user(outsider))).andExpect(status().isNotFound());
	}

	@Test
	void anInputOutputFailureIsRetriedWithBackoffAndThenSucceeds() throws Exception {
		Path[] moved = new Path[2];
		long work = awardedWork("存储暂不可用", PlaybackMedia.mp3WithTags(), "audio/mpeg", (stored) -> {
			// the storage is away when the first run comes
			Path original = storedFiles.localPath(stored);
			moved[0] = original;
			moved[1] = original.resolveSibling(original.getFileName() + ".away");
			move(moved[0], moved[1]);
		});
		long attachment = attachmentOf(work);
		WebCopy waiting = await(() -> new WebCopyRecords(jdbc).find(attachment)
			.filter((copy) -> copy.state() == WebCopy.State.QUEUED && copy.errorReason() != null)
			.orElse(null));
		assertThat(waiting.errorReason()).isEqualTo("INPUT_OUTPUT");
		assertThat(waiting.attempts()).isEqualTo(1);
		// db-scheduler runs it again a minute later (then 2, 4 … minutes)
		Instant next = await(() -> jdbc.sql(
				"select execution_time from scheduled_tasks where task_name = 'make-web-copy' and task_instance = ? and consecutive_failures = 1 and picked = false")
			.param(String.valueOf(attachment))
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(null));
		assertThat(Duration.between(Instant.now(), next)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(61));

		move(moved[1], moved[0]);
		jdbc.sql(
				"update scheduled_tasks set execution_time = now() where task_name = 'make-web-copy' and task_instance = ?")
			.param(String.valueOf(attachment))
			.update();

		WebCopy ready = await(() -> webCopies.readyCopyOf(attachment).orElse(null));
		assertThat(ready.attempts()).isEqualTo(2);
		assertThat(ready.copyType()).isEqualTo("audio/mpeg");
		assertThat(ready.errorReason()).isNull();
		assertThat(ready.posterFileId()).isNull();
	}

	private static void move(Path from, Path to) {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private long awardedWork(String title, Path file, String contentType) {
		return awardedWork(title, file, contentType, (stored) -> {
		});
	}

	private long awardedWork(String title, Path file, String contentType,
			java.util.function.Consumer<StoredFile> beforeAward) {
		long entry = entries.draft(campaign, song.id(), province, null, hostAdmin.accountId(), title);
		entries.approvedBy(entry, province);
		StoredFile stored = storedFiles.storeImported(file, "作品." + extension(file), hostAdmin.accountId(),
				province.path());
		jdbc.sql("""
				insert into entry_attachment (entry_id, slot_key, file_id, file_name, size, sha256, content_type,
				    inspection, blocking, attached_by, attached_at)
				values (?, 'work', ?, ?, ?, ?, ?, cast(? as jsonb), false, ?, now())
				""")
			.params(entry, stored.id(), stored.fileName(), stored.size(), stored.sha256(), contentType,
					"{\"detectedKind\":null,\"contentType\":\"" + contentType + "\",\"facts\":null,\"findings\":[]}",
					hostAdmin.accountId())
			.update();
		beforeAward.accept(stored);
		new TransactionTemplate(transactionManager).executeWithoutResult(
				(status) -> lifecycle.recordReviewOutcome(hostAdmin, entry, ReviewOutcome.AWARDED, "复评：一等奖"));
		// requested after the commit
		assertThat(jdbc.sql("select state from web_copy where entry_id = ?").param(entry).query(String.class).list())
			.hasSize(1)
			.allMatch((state) -> List.of("QUEUED", "RUNNING", "READY", "FAILED").contains(state));
		return entry;
	}

	private long attachmentOf(long entry) {
		return jdbc.sql("select attachment_id from web_copy where entry_id = ?")
			.param(entry)
			.query(Long.class)
			.single();
	}

	private Scheduler node(String name) {
		return Scheduler.create(dataSource, makeWebCopyTask)
			.schedulerName(new SchedulerName.Fixed(name))
			.pollingInterval(Duration.ofMillis(200))
			.threads(2)
			.build();
	}

	private static <T> T await(Supplier<T> condition) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(until)) {
			T value = condition.get();
			if (value != null) {
				return value;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("not reached in 120 s");
	}

	private static String extension(Path file) {
		String name = file.getFileName().toString();
		return name.substring(name.lastIndexOf('.') + 1);
	}

}
