package cn.zhengji.evidence;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.submission.SubmittedEntries;
import cn.zhengji.support.ZhengjiTest;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15 item 3 end to end on the real database, storage and db-scheduler: entries
 * submitted through {@link EntryLifecycle} with a video made by Debian's {@code ffmpeg}
 * (their evidence requested after the commit, or by the sweep for an entry handed in
 * while nothing listened), the evidence made by an extra scheduler node, the images
 * stored as files, the decision panel of the waiting level showing the opening strip, the
 * corners and the pre-flag, and the images refused to those who may not read the entry.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class EvidenceIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	ApplicationContext context;

	@Autowired
	StoredFiles storedFiles;

	@Autowired
	EvidenceRequests requests;

	@Autowired
	JudgementEvidence evidence;

	@Autowired
	OneTimeTask<Void> makeVideoEvidenceTask;

	@Autowired
	DataSource dataSource;

	@Autowired
	SchedulerClient schedulerClient;

	@Autowired
	PlatformTransactionManager transactionManager;

	SubmissionFixtures fixtures;

	SubmittedEntries submitted;

	Organisation grassroots;

	SignedInUser grassrootsAdmin;

	SignedInUser otherCityAdmin;

	Scheduler node;

	@BeforeEach
	void chain() {
		requests.requestOnSubmit(true);
		fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		submitted = SubmittedEntries.from(context);
		Organisation city = fixtures.newOrganisation(fixtures.organisation("fj"), "佐证市总工会", OrganisationKind.CITY);
		grassroots = fixtures.newOrganisation(city, "佐证公司工会", OrganisationKind.GRASSROOTS);
		grassrootsAdmin = fixtures.admin(grassroots);
		otherCityAdmin = fixtures
			.admin(fixtures.newOrganisation(fixtures.organisation("fj"), "另一市总工会", OrganisationKind.CITY));
		node = Scheduler.create(dataSource, makeVideoEvidenceTask)
			.schedulerName(new SchedulerName.Fixed("evidence-test"))
			.pollingInterval(Duration.ofMillis(200))
			.threads(2)
			.build();
		node.start();
	}

	@AfterEach
	void stop() {
		requests.requestOnSubmit(false);
		node.stop();
	}

	@Test
	void aSubmittedVideoWithALogoIsPreFlaggedOnTheDecisionPanelWithItsOpeningStripAndCorners() throws Exception {
		SignedInUser worker = fixtures.participant("WORKER", grassroots);
		long entry = submittedWithVideo(worker, "劳动者之歌", EvidenceMedia.watermarked());
		long attachment = attachmentOf(entry);
		// handed in while nothing listened (before the module was deployed): the sweep
		// fills it in
		requests.requestOnSubmit(false);
		long clean = submittedWithVideo(fixtures.participant("WORKER", grassroots), "匠心", EvidenceMedia.clean());
		assertThat(evidence.forEntry(clean)).isEmpty();
		requests.sweep(schedulerClient, new TransactionTemplate(transactionManager));
		assertThat(jdbc.sql("select count(*) from video_evidence where entry_id = ?")
			.param(clean)
			.query(Integer.class)
			.single()).isEqualTo(1);

		// requested after the commit of the submission: a row and one execution each
		assertThat(jdbc.sql("select task_name from scheduled_tasks where task_instance = ?")
			.param(String.valueOf(attachment))
			.query(String.class)
			.list()).containsAnyOf("make-video-evidence");
		VideoEvidence made = await(() -> ready(entry));
		VideoEvidence cleanMade = await(() -> ready(clean));

		assertThat(made.attachmentId()).isEqualTo(attachment);
		assertThat(made.opening()).extracting(EvidenceImage::atMillis)
			.containsExactly(0L, 2_000L, 4_000L, 6_000L, 8_000L, 10_000L, 12_000L, 14_000L);
		assertThat(made.corners()).extracting(EvidenceImage::corner)
			.containsExactly(Corner.TOP_LEFT, Corner.TOP_RIGHT, Corner.BOTTOM_LEFT, Corner.BOTTOM_RIGHT);
		assertThat(made.watermark()).isPresent();
		WatermarkFlag flag = made.watermark().get();
		assertThat(flag.corner()).isEqualTo(Corner.TOP_RIGHT);
		assertThat(flag.frames()).isEqualTo(16);
		assertThat(flag.sampled()).isEqualTo(16);
		assertThat(jdbc.sql("""
				select state || ' ' || attempts || ' ' || duration_ms || ' ' || corner_samples
				from video_evidence where attachment_id = ?""").param(attachment).query(String.class).single())
			.isEqualTo("READY 1 24000 16");
		// 8 frames, 4 corner strips and the crop, each a stored file derived from the
		// video
		assertThat(jdbc.sql("""
				select count(*) from video_evidence_image i join stored_file f on f.id = i.file_id
				where i.attachment_id = ?""").param(attachment).query(Integer.class).single()).isEqualTo(13);
		assertThat(cleanMade.watermark()).isEmpty();
		assertThat(cleanMade.opening()).hasSize(8);

		String page = mvc.perform(get("/admin/works/{id}", entry).with(user(grassrootsAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("疑似水印（右上角，出现在 16/16 帧）")
			.contains("src=\"/works/" + entry + "/evidence/" + flag.imageId() + ".jpg\"")
			.contains("请核对片头字幕是否含作品名称《劳动者之歌》。")
			.contains("片头 15 秒（每 2 秒一帧）")
			.contains("画面四角（全片抽样 16 帧）")
			.contains(">0:14</figcaption>");
		for (EvidenceImage frame : made.opening()) {
			assertThat(page).contains("src=\"/works/" + entry + "/evidence/" + frame.id() + ".jpg\"");
		}
		assertThat(mvc.perform(get("/admin/works/{id}", clean).with(user(grassrootsAdmin)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("未发现四角有固定标识。").doesNotContain("疑似水印");

		String url = "/works/" + entry + "/evidence/" + flag.imageId() + ".jpg";
		MockHttpServletResponse crop = mvc.perform(get(url).with(user(grassrootsAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(crop.getContentType()).isEqualTo("image/jpeg");
		StoredFile stored = evidence.image(grassrootsAdmin, entry, flag.imageId());
		assertThat(crop.getContentAsByteArray()).isEqualTo(Files.readAllBytes(storedFiles.localPath(stored)));
		// the top-right 15 % of a 640×360 sample, doubled
		assertThat(ImageIO.read(new ByteArrayInputStream(crop.getContentAsByteArray())).getWidth()).isEqualTo(192);
		mvc.perform(get(url).with(user(worker))).andExpect(status().isOk());
		mvc.perform(get(url).with(user(otherCityAdmin))).andExpect(status().isNotFound());
		mvc.perform(get(url).with(user(fixtures.participant("WORKER", grassroots)))).andExpect(status().isNotFound());
		// an image of another entry under this entry's address
		mvc.perform(get("/works/" + clean + "/evidence/" + flag.imageId() + ".jpg").with(user(grassrootsAdmin)))
			.andExpect(status().isNotFound());
	}

	private VideoEvidence ready(long entry) {
		List<VideoEvidence> found = evidence.forEntry(entry);
		return found.size() == 1 && found.getFirst().ready() ? found.getFirst() : null;
	}

	/** Made complete, its video slot holding the stored video, and submitted. */
	private long submittedWithVideo(SignedInUser owner, String title, Path video) {
		long id = context.getBean(EntryLifecycle.class)
			.create(owner, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", title);
		submitted.complete(owner, id);
		StoredFile stored = storedFiles.storeImported(video, "作品.mp4", owner.accountId(), grassroots.path());
		assertThat(jdbc.sql("""
				update entry_attachment set file_id = ?, size = ?, sha256 = ?, content_type = 'video/mp4'
				where entry_id = ? and slot_key = 'work'""")
			.params(stored.id(), stored.size(), stored.sha256(), id)
			.update()).isEqualTo(1);
		submitted.submit(owner, id);
		return id;
	}

	private long attachmentOf(long entry) {
		return jdbc.sql("select attachment_id from video_evidence where entry_id = ?")
			.param(entry)
			.query(Long.class)
			.single();
	}

	static <T> T await(Supplier<T> condition) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(until)) {
			T value = condition.get();
			if (value != null) {
				return value;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("not reached in 60 s");
	}

}
