package cn.zhengji.submission.web;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 4 in Debian's chromium on a phone-sized window (390×844): a city admin
 * fills the nomination form of 附件4 with a mobile and an ID number whose check digit is
 * wrong; the page comes back with the refusal at the top and every typed value, the
 * mobile too; fixing only the ID number and saving keeps the mobile.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NominationFormBrowserTest {

	static final String PASSWORD = "Browser#2026zj";

	static Browser browser;

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
	PasswordEncoder passwordEncoder;

	@Autowired
	EntryLifecycle changes;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		browser.close();
	}

	@Test
	void aRefusedIdNumberKeepsTheTypedMobileAndFixingOnlyTheIdSavesIt() {
		SubmissionFixtures fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		Organisation city = fixtures.newOrganisation(fixtures.organisation("fj"), "推荐表浏览器市总工会", OrganisationKind.CITY);
		SignedInUser cityAdmin = fixtures.admin(city);
		jdbc.sql("update account set password_hash = ? where id = ?")
			.params(passwordEncoder.encode(PASSWORD), cityAdmin.accountId())
			.update();
		long id = changes.create(cityAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "good-netizen", "手机上填的推荐表");

		Page page = browser.open(Viewport.PHONE);
		Browser.signIn(page, url(""), cityAdmin.loginName(), PASSWORD);
		page.navigate(url("/works/" + id + "/edit"));
		page.locator("#name").fill("张三");
		page.locator("#sex").selectOption("MALE");
		page.locator("#birthMonth").fill("1949-12");
		page.locator("#politicalStatus").fill("中共党员");
		page.locator("#accountName").fill("八闽工匠");
		page.locator("#platform").fill("抖音");
		page.locator("#followers").fill("3.2万");
		page.locator("#unitAndPosition").fill("某公司 技术员");
		page.locator("#mobile").fill("13912345678");
		page.locator("#idNumber").fill("110105194912310021");
		page.locator("form.entry-edit button[type=submit]").click();

		page.locator(".form-problems").getByText("身份证号有误").waitFor();
		assertThat(page.locator("#idNumber").getAttribute("class")).contains("is-invalid");
		assertThat(page.locator("#mobile").inputValue()).isEqualTo("13912345678");
		assertThat(page.locator("#idNumber").inputValue()).isEqualTo("110105194912310021");
		assertThat(page.locator("#accountName").inputValue()).isEqualTo("八闽工匠");
		// The refusal is in the first screen of the phone, where the eye is.
		assertThat(page.locator(".form-problems").boundingBox().y).isLessThan(844);
		Browser.screenshot(page, "nomination-refused-id-phone");

		page.locator("#idNumber").fill("11010519491231002X");
		page.locator("form.entry-edit button[type=submit]").click();
		page.locator(".alert-success").getByText("已保存。").waitFor();

		byte[] mobile = jdbc.sql("select mobile_cipher from entry_nomination where entry_id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		assertThat(cipher.decrypt(mobile)).isEqualTo("13912345678");
		assertThat(page.content()).contains("139****5678");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
