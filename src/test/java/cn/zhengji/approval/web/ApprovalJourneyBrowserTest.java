package cn.zhengji.approval.web;

import java.util.ArrayList;
import java.util.List;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.submission.SubmittedEntries;
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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 item 7 in Debian's chromium: under a freshly named 市 → 基层 subtree of 福建省总工会, a
 * grassroots admin approves its own 特色应用系统 entry on a phone (answering the judgement
 * item: 工作单位意见), the city admin recommends it on a PC with the quota page at hand, and
 * the province admin opens the entry and finds both opinions in the history, with the
 * final decision panel.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApprovalJourneyBrowserTest {

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
	ApplicationContext context;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		browser.close();
	}

	@Test
	void aGrassrootsAdminApprovesTheCityRecommendsAndTheProvinceSeesBothOpinions() {
		SubmissionFixtures fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		SubmittedEntries submitted = SubmittedEntries.from(context);
		Organisation province = fixtures.organisation("fj");
		Organisation city = fixtures.newOrganisation(province, "浏览器审核市总工会", OrganisationKind.CITY);
		Organisation grassroots = fixtures.newOrganisation(city, "浏览器审核公司工会", OrganisationKind.GRASSROOTS);
		SignedInUser grassrootsAdmin = withPassword(fixtures.admin(grassroots));
		SignedInUser cityAdmin = withPassword(fixtures.admin(city));
		SignedInUser provinceAdmin = withPassword(fixtures.admin(province));
		long id = submitted.submitted(grassrootsAdmin, "application-system", "职工服务一张网");
		List<String> policyViolations = new ArrayList<>();

		// 1. The grassroots admin on a phone: the judgement item, the opinion, 同意.
		Page phone = browser.open(Viewport.PHONE);
		watchPolicy(phone, policyViolations);
		signIn(phone, grassrootsAdmin);
		phone.navigate(url("/admin/works/" + id));
		assertThat(phone.locator("#decision .decision-route").textContent()).isEqualTo("同意后转" + city.name() + "审核");
		assertThat(phone.locator("#entry-pending").textContent()).isEqualTo("待" + grassroots.name() + "审核");
		phone.locator("#decision-opinion").fill("系统运行稳定，材料属实，同意上报。");
		phone.locator("button.decision-approve").click();
		phone.locator(".alert-danger").getByText("请对每一项人工核验作出判断").waitFor();
		// Refused, and nothing typed is lost.
		assertThat(phone.locator("#decision-opinion").inputValue()).isEqualTo("系统运行稳定，材料属实，同意上报。");
		phone.locator("label[for='judgement-REFLECTS_REAL_SYSTEM-MET']").click();
		phone.locator("input[name='note-REFLECTS_REAL_SYSTEM']").fill("已登录系统核实");
		Browser.screenshot(phone, "approval-panel-grassroots-phone");
		assertNoHorizontalOverflow(phone);
		phone.locator("button.decision-approve").click();
		phone.locator(".alert-success").getByText("已同意，作品转" + city.name() + "审核。").waitFor();
		assertThat(phone.locator("#decision").count()).isZero();
		assertThat(phone.locator("#entry-pending").textContent()).isEqualTo("待" + city.name() + "审核");
		phone.context().close();

		// 2. The city admin on a PC: the first level's confirmation, the opinion, 推荐.
		Page desktop = browser.open(Viewport.DESKTOP);
		watchPolicy(desktop, policyViolations);
		signIn(desktop, cityAdmin);
		desktop.navigate(url("/admin/works/" + id));
		assertThat(desktop.locator("#decision .decision-confirmed").textContent()).contains("符合",
				"材料须反映应用系统真实情况、亮点特点和取得的实效", "已登录系统核实");
		assertThat(desktop.locator("button.decision-approve").textContent()).isEqualTo("推荐");
		desktop.locator("#decision-opinion").fill("应用成效明显，推荐参评。");
		Browser.screenshot(desktop, "approval-panel-city-desktop");
		desktop.locator("button.decision-approve").click();
		desktop.locator(".alert-success").getByText("已推荐，作品转" + province.name() + "审核。").waitFor();
		desktop.navigate(url("/admin/quotas"));
		assertThat(desktop.locator("#quotas-" + digitalUnionId() + " .quota-table").textContent()).contains(city.name(),
				"0 / 2");
		Browser.screenshot(desktop, "approval-quotas-desktop");
		assertNoHorizontalOverflow(desktop);
		desktop.context().close();

		// 3. The province admin finds the entry in its queue (待我审核) and reads both
		// opinions.
		for (Viewport viewport : Viewport.values()) {
			Page page = browser.open(viewport);
			watchPolicy(page, policyViolations);
			signIn(page, provinceAdmin);
			page.navigate(url("/admin/queue?unit=" + city.id()));
			assertThat(page.locator("tr[id^='work-']").count()).isEqualTo(1);
			assertThat(page.locator("#work-" + id).textContent()).contains("职工服务一张网", grassroots.name());
			Browser.screenshot(page, "approval-queue-province-" + viewport.name().toLowerCase(java.util.Locale.ROOT));
			assertNoHorizontalOverflow(page);
			page.locator("#work-" + id + " a[href='/admin/works/" + id + "']").click();
			page.waitForURL("**/admin/works/" + id);
			List<String> opinions = page.locator("tr.history-decision .history-opinion")
				.allTextContents()
				.stream()
				.map(String::strip)
				.toList();
			assertThat(opinions).containsExactly("系统运行稳定，材料属实，同意上报。", "应用成效明显，推荐参评。");
			List<String> levels = page.locator("tr.history-decision .history-level")
				.allTextContents()
				.stream()
				.map(text -> text.replaceAll("\\s+", ""))
				.toList();
			assertThat(levels).containsExactly(grassroots.name() + "同意", city.name() + "推荐");
			assertThat(page.locator("button.decision-approve").textContent()).isEqualTo("审核通过");
			Browser.screenshot(page, "approval-entry-province-" + viewport.name().toLowerCase(java.util.Locale.ROOT));
			assertNoHorizontalOverflow(page);
			if (viewport == Viewport.PHONE) {
				page.navigate(url("/admin/quotas"));
				Browser.screenshot(page, "approval-quotas-phone");
				assertNoHorizontalOverflow(page);
			}
			page.context().close();
		}
		assertThat(submitted.entry(id).state()).isEqualTo(EntryState.SUBMITTED);
		assertThat(submitted.entry(id).pendingOrganisationId()).isEqualTo(province.id());
		assertThat(policyViolations).isEmpty();
	}

	private long digitalUnionId() {
		return jdbc.sql("""
				select k.id from campaign_category k join campaign c on c.id = k.campaign_id
				where c.code = ? and k.code = 'digital-union'
				""").param(SubmissionFixtures.OPEN_CAMPAIGN).query(Long.class).single();
	}

	private SignedInUser withPassword(SignedInUser admin) {
		jdbc.sql("update account set password_hash = ? where id = ?")
			.params(passwordEncoder.encode(PASSWORD), admin.accountId())
			.update();
		return admin;
	}

	private void signIn(Page page, SignedInUser account) {
		Browser.signIn(page, url(""), account.loginName(), PASSWORD);
	}

	private static void watchPolicy(Page page, List<String> violations) {
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")
					|| message.text().contains("Content-Security-Policy")) {
				violations.add(message.text());
			}
		});
	}

	private static void assertNoHorizontalOverflow(Page page) {
		int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
			.intValue();
		assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
