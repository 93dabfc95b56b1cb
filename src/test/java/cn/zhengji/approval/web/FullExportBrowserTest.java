package cn.zhengji.approval.web;

import java.nio.file.Files;
import java.util.List;

import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import cn.zhengji.support.Spreadsheets;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-NOM-2 The export with personal data in full, in a browser on a PC and a phone: from
 * the works list to the form, refused without a purpose (the reason under the field, on
 * the screen), downloaded with one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FullExportBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void anAdminStatesThePurposeBeforeTheFileWithFullPersonalDataIsMade(Viewport viewport) throws Exception {
		Page page = browser.open(viewport);
		Browser.signIn(page, url(""), "demo-province", "Demo#2026zj");
		page.navigate(url("/admin/works"));

		page.locator("#full-export").click();
		page.waitForURL(url("/admin/works/full-export"));
		Browser.screenshot(page, "full-export-form-" + viewport.name().toLowerCase());
		page.locator("#full-export-submit").click();
		page.waitForLoadState();

		Locator error = page.locator("#purpose-error");
		assertThat(error.textContent()).isEqualTo("请填写导出用途。");
		assertThat(error.isVisible()).isTrue();
		BoundingBox box = error.boundingBox();
		assertThat(box.y + box.height).as("the reason is on the first screen").isLessThan(page.viewportSize().height);
		Browser.screenshot(page, "full-export-purpose-missing-" + viewport.name().toLowerCase());

		page.locator("#purpose").fill("核对候选人身份信息后报送");
		Download download = page.waitForDownload(() -> page.locator("#full-export-submit").click());
		List<List<String>> rows = Spreadsheets.rows(Files.readAllBytes(download.path()));
		assertThat(rows.getFirst()).startsWith("编号", "活动", "项目", "作品名称");
		assertThat(download.suggestedFilename()).startsWith("作品清单-").endsWith(".xlsx");
		page.context().close();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
