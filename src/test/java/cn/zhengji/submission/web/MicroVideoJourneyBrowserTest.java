package cn.zhengji.submission.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import cn.zhengji.files.Uploads;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import cn.zhengji.support.TestMedia;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3 item 7 in Debian's chromium on a phone-sized window (390×844): the demo
 * participant creates a micro-video entry, uploads a 1080×1920 MP4 in 1 MiB PATCHes with
 * visible progress, sees the checks pass, accepts the declarations and submits; a 720P
 * file shows the resolution message and cannot be submitted; an upload cut off after a
 * few chunks survives a page reload and completes with the SHA-256 of the source file.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "zhengji.submission.upload-chunk-size=1048576")
@ActiveProfiles("test")
class MicroVideoJourneyBrowserTest {

	static final String PARTICIPANT = "13800000001";

	static final String PASSWORD = "Demo#2026zj";

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	Uploads uploads;

	@Autowired
	UserDetailsService userDetails;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		browser.close();
	}

	@Test
	void participantUploadsOnAPhoneSeesTheChecksSubmitsAndResumesAnInterruptedUpload() throws Exception {
		Page page = browser.open(Viewport.PHONE);
		List<String> policyViolations = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")
					|| message.text().contains("Content-Security-Policy")) {
				policyViolations.add(message.text());
			}
		});
		signIn(page);
		Path video = TestMedia.mp4(1080, 1920, 40, 5);

		// 1. A micro-video entry with a 1080×1920 file: progress, checks passed,
		// declarations, submitted.
		createEntry(page, "手机上传的微视频");
		assertThat(page.locator("#slot-work .upload-widget").getAttribute("data-chunk-size")).isEqualTo("1048576");
		page.locator("#upload-work").setInputFiles(video);
		// The file is a few chunks: on a busy machine its upload may be over before the
		// browser is next asked, so the progress state is seen or has already passed.
		Locator added = page.locator(".alert-success").getByText("已添加文件 video-1080x1920-40s-5fps.mp4");
		page.locator("#slot-work .upload-status").getByText("正在上传").or(added).first().waitFor();
		added.waitFor();
		assertThat(page.locator("#slot-work .finding-PASSED").allTextContents())
			.anySatisfy(text -> assertThat(text).contains("分辨率 1080×1920"));
		assertThat(page.locator("#slot-work .finding-FAILED").count()).isZero();
		assertThat(page.locator("#checks").textContent()).contains("全部检查通过，可以提交。");
		assertThat(page.locator(".judgements").textContent()).contains("无水印", "片头字幕须有作品名称");
		assertThat(page.locator("button.submit-entry").textContent()).isEqualTo("提交作品（还差 1 项）");
		assertThat(page.locator("#submit-missing").textContent()).contains("勾选声明：原创声明");
		page.locator("input[name=declaration]").all().forEach(box -> box.check());
		// Ticking the declarations asks the server what is still missing (htmx): nothing.
		page.locator("button.submit-entry")
			.getByText("提交作品", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
			.waitFor();
		assertThat(page.locator("#submit-missing").count()).isZero();
		page.locator("button.submit-entry").click();
		page.locator(".alert-success")
			.getByText("作品已提交。", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
			.waitFor();
		SignedInUser submitter = (SignedInUser) userDetails.loadUserByUsername(PARTICIPANT);
		assertThat(page.locator("#entry-state").textContent())
			.isEqualTo("已提交（待" + submitter.organisationName() + "审核）");
		assertThat(page.locator(".acceptance-list li").count()).isEqualTo(3);
		String submittedEntry = page.url();
		Browser.screenshot(page, "submission-entry-phone");
		assertNoHorizontalOverflow(page);

		// 2. A 720P file: attached with its failure, and the entry cannot be submitted.
		createEntry(page, "720P的微视频");
		page.locator("#upload-work").setInputFiles(TestMedia.mp4(1280, 720, 40, 5));
		page.locator(".alert-danger").getByText("未通过检查").waitFor();
		assertThat(page.locator("#slot-work .finding-FAILED").first().textContent())
			.contains("分辨率 1280×720，本项目要求 1080P");
		assertThat(page.locator("#checks").textContent()).contains("分辨率 1280×720");
		assertThat(page.locator("button.submit-entry").isDisabled()).isTrue();
		Browser.screenshot(page, "submission-entry-720p-phone");

		// 3. An upload cut off after four chunks, the page reloaded, the same file chosen
		// again.
		createEntry(page, "断点续传的微视频");
		String entryPage = page.url();
		AtomicInteger patches = new AtomicInteger();
		AtomicReference<String> uploadUrl = new AtomicReference<>();
		page.route("**/api/v1/uploads/**", route -> {
			if (route.request().method().equals("PATCH")) {
				uploadUrl.set(route.request().url());
				if (patches.incrementAndGet() > 4) {
					route.abort("connectionreset");
					return;
				}
			}
			route.resume();
		});
		page.locator("#upload-work").setInputFiles(video);
		page.locator("#slot-work .upload-status").getByText("自动重试").waitFor();
		// Reloaded while the connection is still "broken", so that no retry slips through
		// before the reload.
		page.navigate(entryPage);
		page.unrouteAll();
		UUID uploadId = UUID.fromString(uploadUrl.get().substring(uploadUrl.get().lastIndexOf('/') + 1));
		SignedInUser participant = (SignedInUser) userDetails.loadUserByUsername(PARTICIPANT);
		long offsetBefore = uploads.find(participant, uploadId).offset();
		assertThat(offsetBefore).isEqualTo(4L * 1048576);

		int patchesBeforeResume = patches.get();
		page.locator("#upload-work").setInputFiles(video);
		page.locator(".alert-success").getByText("已添加文件").waitFor();
		assertThat(page.locator("#slot-work .sha256").first().textContent()).isEqualTo(sha256(video));
		assertThat(uploads.find(participant, uploadId).offset()).isEqualTo(Files.size(video));
		// Resumed, not started again: the completed upload is the one cut off.
		assertThat(page.locator("#slot-work .attachment-name").first().textContent())
			.isEqualTo("video-1080x1920-40s-5fps.mp4");
		assertThat(patchesBeforeResume).isGreaterThan(4);
		assertThat(policyViolations).isEmpty();

		// The submitted entry on a PC screen.
		Page desktop = browser.open(Viewport.DESKTOP);
		signIn(desktop);
		desktop.navigate(submittedEntry);
		Browser.screenshot(desktop, "submission-entry-desktop");
		assertNoHorizontalOverflow(desktop);
		desktop.navigate(url("/works"));
		Browser.screenshot(desktop, "submission-works-desktop");
		page.navigate(url("/works"));
		Browser.screenshot(page, "submission-works-phone");
		assertNoHorizontalOverflow(page);

		// 4. Changing the submitted entry: 撤回修改 says what is lost, then the entry is a
		// draft again.
		page.navigate(submittedEntry);
		assertThat(page.locator(".entry-recall").textContent()).contains("不能直接修改");
		page.locator("a.recall-entry").click();
		page.locator("button.confirm-recall").waitFor();
		assertThat(page.locator(".recall-losses").textContent().strip()).isEqualTo("作品尚未经任何单位审核通过，撤回修改不会失去审核意见。");
		Browser.screenshot(page, "submission-recall-phone");
		assertNoHorizontalOverflow(page);
		page.locator("button.confirm-recall").click();
		page.locator(".alert-success").getByText("作品已撤回为草稿").waitFor();
		assertThat(page.locator("#entry-state").textContent()).isEqualTo("草稿");
		assertThat(page.locator(".history-step").allTextContents()).containsExactly("创建草稿", "提交", "撤回修改");
		desktop.context().close();
		page.context().close();
	}

	/**
	 * Issue 10 items 1 and 2 on a phone: after a refused upload the page shows the slot
	 * with the reason inside it, on screen, next to the passing file that stays; removing
	 * that file asks for confirmation first.
	 */
	@Test
	void onAPhoneARefusedUploadShowsItsReasonInTheSlotAndRemovingAFileAsksFirst() {
		Page page = browser.open(Viewport.PHONE);
		signIn(page);
		createEntry(page, "坏文件不替换好文件");
		page.locator("#upload-work").setInputFiles(TestMedia.mp4(1080, 1920, 40, 5));
		page.locator(".alert-success").getByText("已添加文件 video-1080x1920-40s-5fps.mp4").waitFor();

		page.locator("#upload-work").setInputFiles(TestMedia.mp4(1280, 720, 40, 5));
		page.locator("#slot-work .refused-upload").waitFor();
		assertThat(page.locator("#slot-work .refused-upload").textContent()).contains(
				"文件 video-1280x720-40s-5fps.mp4 未被接受", "原文件 video-1080x1920-40s-5fps.mp4 保留不变",
				"分辨率 1280×720，本项目要求 1080P");
		// Where the eye is: the page jumped to the slot (Bootstrap scrolls smoothly, so
		// wait for the scroll to end), and the whole reason is inside the window.
		page.waitForFunction("""
				() => {
				  const r = document.querySelector('#slot-work .refused-upload').getBoundingClientRect();
				  return r.top >= 0 && r.bottom <= window.innerHeight;
				}""");
		double bottom = ((Number) page
			.evaluate("() => document.querySelector('#slot-work .refused-upload').getBoundingClientRect().bottom"))
			.doubleValue();
		assertThat(bottom).as("bottom of the refusal in the window").isLessThanOrEqualTo(844);
		assertThat(page.locator("#slot-work .attachment-name").allTextContents())
			.containsExactly("video-1080x1920-40s-5fps.mp4");
		assertThat(page.locator("#checks").textContent()).contains("全部检查通过");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Browser.SCREENSHOTS.resolve("submission-refused-upload-phone.png")));
		assertNoHorizontalOverflow(page);

		page.locator("#slot-work a.remove-attachment").click();
		page.locator("button.confirm-remove").waitFor();
		assertThat(page.locator(".remove-file-name").textContent())
			.isEqualTo("确定从“微视频作品（MP4）”中删除文件 video-1080x1920-40s-5fps.mp4 吗？");
		assertThat(page.locator(".remove-leaves-empty").textContent()).contains("提交前须重新上传");
		Browser.screenshot(page, "submission-remove-confirm-phone");
		assertNoHorizontalOverflow(page);
		page.locator("a.cancel-remove").click();
		page.locator("#slot-work .attachment-name").waitFor();
		assertThat(page.locator("#slot-work .attachment-name").allTextContents())
			.containsExactly("video-1080x1920-40s-5fps.mp4");

		page.locator("#slot-work a.remove-attachment").click();
		page.locator("button.confirm-remove").click();
		page.locator(".alert-success").getByText("已删除文件。").waitFor();
		assertThat(page.locator("#slot-work .attachment-name").count()).isZero();

		page.locator("a.withdraw-entry").click();
		page.locator("button.confirm-withdraw").waitFor();
		Browser.screenshot(page, "submission-withdraw-confirm-phone");
		page.locator("button.confirm-withdraw").click();
		page.locator(".alert-success").getByText("作品已撤回。").waitFor();
		page.context().close();
	}

	private void signIn(Page page) {
		Browser.signIn(page, url(""), PARTICIPANT, PASSWORD);
	}

	private void createEntry(Page page, String title) {
		page.navigate(url("/workbench"));
		page.locator("main a[href='/works']").first().click();
		page.waitForURL(url("/works"));
		page.navigate(url("/works/new?campaign=demo-fujian"));
		page.locator("label[for='category-micro-video']").click();
		page.locator("input[name=title]").fill(title);
		page.locator("form.new-entry-form button[type=submit]").click();
		page.locator(".alert-success").getByText("已创建作品草稿").waitFor();
		page.locator("#upload-work")
			.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
	}

	private static void assertNoHorizontalOverflow(Page page) {
		int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
			.intValue();
		assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
