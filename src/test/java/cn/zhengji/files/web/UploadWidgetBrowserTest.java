package cn.zhengji.files.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-SUB-2 The upload widget (static/js/uploads.js + tus-js-client) in Debian's chromium
 * on a phone viewport, on a test-only page that renders the documented markup: progress,
 * pause and resume, resume after a page reload by choosing the same file again, the
 * server's Chinese message, and the attach form posted with the upload id. The browser's
 * upload speed is throttled (DevTools network emulation) so that the test can act while
 * bytes are on the way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadWidgetBrowserTest {

	static final int SIZE = 12 * 1024 * 1024;

	static final int CHUNK = 1024 * 1024;

	/** The test page and the stand-in for the submission module's attach endpoint. */
	@TestConfiguration(proxyBeanMethods = false)
	static class WidgetPages {

		@Bean
		WidgetPageController widgetPageController() {
			return new WidgetPageController();
		}

	}

	@Controller
	static class WidgetPageController {

		@GetMapping("/files-test/widget")
		String widget(@RequestParam(defaultValue = "0") long chunkSize, Model model) {
			model.addAttribute("maxSize", 2L * 1024 * 1024 * 1024);
			model.addAttribute("chunkSize", chunkSize > 0 ? String.valueOf(chunkSize) : "");
			return "files-test/upload-widget";
		}

		@PostMapping("/files-test/attached")
		String attached(@RequestParam String uploadId, Model model) {
			model.addAttribute("uploadId", uploadId);
			return "files-test/attached";
		}

	}

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		browser.close();
	}

	/** A new account, signed in through the sign-in page; answers its id. */
	long signIn(Page page) {
		String username = "widget-" + UUID.randomUUID().toString().substring(0, 12);
		long id = jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, ?, ?, 'EXPERT', (select id from organisation where code = 'fj')) returning id
				""")
			.params(username, "上传控件测试", passwordEncoder.encode(UploadTestClient.PASSWORD))
			.query(Long.class)
			.single();
		page.navigate("http://127.0.0.1:" + port + "/sign-in");
		page.getByLabel("账号").fill(username);
		page.getByLabel("密码").first().fill(UploadTestClient.PASSWORD);
		page.locator("form button[type=submit]").click();
		Browser.passSecondFactor(page, "http://127.0.0.1:" + port, username);
		page.waitForURL("**/workbench");
		return id;
	}

	static void throttleUploads(Page page, int bytesPerSecond) {
		CDPSession devTools = page.context().newCDPSession(page);
		devTools.send("Network.enable");
		JsonObject conditions = new JsonObject();
		conditions.addProperty("offline", false);
		conditions.addProperty("latency", 0);
		conditions.addProperty("downloadThroughput", -1);
		conditions.addProperty("uploadThroughput", bytesPerSecond);
		devTools.send("Network.emulateNetworkConditions", conditions);
	}

	long offsetOf(long owner) {
		return jdbc.sql("select coalesce(max(upload_offset), 0) from stored_file where owner_account_id = ?")
			.param(owner)
			.query(Long.class)
			.single();
	}

	void awaitOffset(long owner, long atLeast) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			if (offsetOf(owner) >= atLeast) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("upload never reached " + atLeast + " bytes");
	}

	@Test
	void uploadShowsProgressPausesResumesSurvivesAReloadAndAttachesTheFile() throws Exception {
		byte[] source = new byte[SIZE];
		new Random(42).nextBytes(source);
		Path file = Files.createDirectories(Path.of("target", "test-media")).resolve("widget-upload.bin");
		Files.write(file, source);
		Page page = browser.open(Viewport.PHONE);
		List<String> consoleErrors = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				consoleErrors.add(message.text());
			}
		});
		long owner = signIn(page);
		throttleUploads(page, 2 * 1024 * 1024);
		page.navigate("http://127.0.0.1:" + port + "/files-test/widget?chunkSize=" + CHUNK);
		Locator status = page.locator(".upload-status");
		Locator bar = page.locator(".upload-progress .progress-bar");
		assertThat(page.locator(".upload-pause")).isHidden();

		page.locator(".upload-input").setInputFiles(file);
		awaitOffset(owner, 2L * CHUNK);
		assertThat(status).containsText("正在上传");
		assertThat(status).containsText("MB / 12.0 MB");
		assertThat((String) bar.evaluate("bar => bar.style.width")).endsWith("%");
		Browser.screenshot(page, "upload-widget-progress");

		page.locator(".upload-pause").click();
		assertThat(status).containsText("已暂停");
		assertThat(page.locator(".upload-resume")).isVisible();
		long paused = offsetOf(owner);
		page.locator(".upload-resume").click();
		awaitOffset(owner, paused + 2L * CHUNK);
		page.locator(".upload-pause").click();
		assertThat(status).containsText("已暂停");
		Thread.sleep(300);
		long beforeReload = offsetOf(owner);
		UUID firstUpload = jdbc.sql("select id from stored_file where owner_account_id = ?")
			.param(owner)
			.query(UUID.class)
			.single();

		page.reload();
		page.locator(".upload-input").setInputFiles(file);
		assertThat(status).containsText("检测到未完成的上传，从 " + (beforeReload * 100 / SIZE) + "% 继续");
		page.waitForURL("**/files-test/attached", new Page.WaitForURLOptions().setTimeout(60_000));

		assertThat(page.locator(".attached-upload")).hasText(firstUpload.toString());
		Map<String, Object> stored = jdbc
			.sql("select sha256, completed_at is not null as done from stored_file where id = ?")
			.param(firstUpload)
			.query()
			.singleRow();
		assertThat(stored.get("done")).isEqualTo(true);
		assertThat(stored.get("sha256"))
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source)));
		assertThat(jdbc.sql("select count(*) from stored_file where owner_account_id = ?")
			.param(owner)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void serverRefusalIsShownWithItsChineseDetail() {
		Page page = browser.open(Viewport.PHONE);
		signIn(page);
		page.navigate("http://127.0.0.1:" + port + "/files-test/widget");

		page.locator(".upload-input")
			.setInputFiles(new FilePayload("发票\u202Efdp.exe", "application/octet-stream", "x".getBytes()));

		assertThat(page.locator(".upload-status")).hasText("上传失败：文件名不能包含改变文字方向的不可见字符（如 U+202E），这类字符可能让文件名看起来像另一种类型");
		assertThat(page.locator(".upload-status")).hasClass(java.util.regex.Pattern.compile(".*text-danger.*"));
	}

}
