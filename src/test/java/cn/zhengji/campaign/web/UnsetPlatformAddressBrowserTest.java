package cn.zhengji.campaign.web;

import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production start without {@code ZHENGJI_BASE_URL}, in a real browser on a PC and a
 * phone: an admin sees the warning next to the QR code, naming the address the code
 * carries. Screenshots: target/screenshots/qr-address-warning-*.png.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = { "zhengji.demo.enabled=false", "zhengji.base-url=" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnsetPlatformAddressBrowserTest {

	static final String PASSWORD = "QrAddress#2026zj";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	PasswordEncoder passwordEncoder;

	Browser browser;

	String admin;

	@BeforeAll
	void setUp() {
		admin = OrganisationTestData.unique("qr-admin-");
		jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, '二维码测试管理员', ?, 'ORG_ADMIN', ?)
				""").params(admin, passwordEncoder.encode(PASSWORD), organisations.getByCode("fj").id()).update();
		browser = Browser.launch();
	}

	@AfterAll
	void closeBrowser() {
		browser.close();
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void anAdminSeesTheWarningNextToTheQrCode(Viewport viewport) {
		Page page = browser.open(viewport);
		String base = "http://localhost:" + port;
		Browser.signIn(page, base, admin, PASSWORD);
		page.navigate(base + "/");

		var warning = page.locator("#qr-address-warning");
		assertThat(warning.isVisible()).isTrue();
		assertThat(warning.textContent()).contains("ZHENGJI_BASE_URL").contains(base);
		assertThat(page.locator(".qr-box img").isVisible()).isTrue();
		warning.scrollIntoViewIfNeeded();
		Browser.screenshot(page, "qr-address-warning-" + viewport.name().toLowerCase());
		page.context().close();
	}

}
