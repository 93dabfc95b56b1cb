package cn.zhengji.evidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 3: the decision panel of a submitted micro-video with a logo in its
 * top-right corner, as the waiting level's admin sees it at 1366×768 and 390×844: the
 * pre-flag with its crop, the four corners and the opening strip load (every image
 * decoded), nothing is blocked by the Content-Security-Policy, nothing is wider than the
 * phone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EvidenceBrowserTest {

	static final String PASSWORD = "Browser#2026zj";

	@LocalServerPort
	int port;

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
	PasswordEncoder passwordEncoder;

	@Test
	void theApproverSeesThePreFlagTheCornersAndTheOpeningStripOnPhoneAndPc() throws Exception {
		SubmissionFixtures fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		Organisation city = fixtures.newOrganisation(fixtures.organisation("fj"), "佐证浏览市总工会", OrganisationKind.CITY);
		Organisation grassroots = fixtures.newOrganisation(city, "佐证浏览公司工会", OrganisationKind.GRASSROOTS);
		SignedInUser admin = fixtures.admin(grassroots);
		jdbc.sql("update account set password_hash = ? where id = ?")
			.params(passwordEncoder.encode(PASSWORD), admin.accountId())
			.update();
		SignedInUser worker = fixtures.participant("WORKER", grassroots);
		long entry = context.getBean(EntryLifecycle.class)
			.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "劳动者之歌");
		SubmittedEntries submitted = SubmittedEntries.from(context);
		submitted.complete(worker, entry);
		StoredFile stored = storedFiles.storeImported(EvidenceMedia.watermarked(), "作品.mp4", worker.accountId(),
				grassroots.path());
		jdbc.sql("""
				update entry_attachment set file_id = ?, size = ?, sha256 = ?, content_type = 'video/mp4'
				where entry_id = ? and slot_key = 'work'""")
			.params(stored.id(), stored.size(), stored.sha256(), entry)
			.update();
		Scheduler node = Scheduler.create(dataSource, makeVideoEvidenceTask)
			.schedulerName(new SchedulerName.Fixed("evidence-browser-test"))
			.pollingInterval(Duration.ofMillis(200))
			.build();
		node.start();
		requests.requestOnSubmit(true);
		try {
			submitted.submit(worker, entry);
			EvidenceIntegrationTest.await(() -> {
				List<VideoEvidence> found = evidence.forEntry(entry);
				return found.size() == 1 && found.getFirst().ready() ? found.getFirst() : null;
			});
		}
		finally {
			requests.requestOnSubmit(false);
			node.stop();
		}

		List<String> problems = new ArrayList<>();
		List<String> violations = new ArrayList<>();
		Page page = browser().open(Viewport.DESKTOP);
		Browser.signIn(page, "http://localhost:" + port, admin.loginName(), PASSWORD);
		page.onConsoleMessage((message) -> {
			if (message.text().contains("Content Security Policy")
					|| message.text().contains("Content-Security-Policy")) {
				violations.add(message.text());
			}
		});
		for (Viewport viewport : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
			if (viewport == Viewport.PHONE) {
				page.setViewportSize(390, 844);
			}
			violations.clear();
			Response response = page.navigate("http://localhost:" + port + "/admin/works/" + entry);
			page.waitForLoadState();
			page.waitForFunction("() => [...document.querySelectorAll('.evidence img')]"
					+ ".every(i => i.complete && i.naturalWidth > 0)");
			int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
				.intValue();
			if (response.status() != 200 || overflow > 0 || !violations.isEmpty()) {
				problems.add(viewport + ": status " + response.status() + ", overflow " + overflow + ", " + violations);
			}
			assertThat(page.locator(".evidence-flag-text").innerText()).contains("疑似水印（右上角，出现在 16/16 帧）");
			assertThat(page.locator(".evidence-frame img").count()).isEqualTo(8);
			assertThat(page.locator(".evidence-corner img").count()).isEqualTo(4);
			page.locator(".evidence-watermark").scrollIntoViewIfNeeded();
			Browser.screenshot(page, "evidence-panel-" + viewport.name().toLowerCase(Locale.ROOT));
		}
		page.context().close();
		assertThat(problems).isEmpty();
	}

	private static Browser shared;

	private static synchronized Browser browser() {
		if (shared == null) {
			shared = Browser.launch();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
		}
		return shared;
	}

}
