package cn.zhengji;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The foundation's main journey in a real browser: the home page, the platform admin's
 * first sign-in (with the forced password change), the organisation tree, adding a county
 * union, signing out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FirstAdminJourneyBrowserTest {

	static final String FIRST_PASSWORD = "Admin#Test2026";

	static final String CHANGED_PASSWORD = "Zhengji#Journey2026";

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	@Test
	void platformAdminSignsInForTheFirstTimeAndAddsACountyUnion() {
		Page page = browser.open(Viewport.DESKTOP);
		page.navigate(url("/"));
		assertThat(page.locator("h1")).containsText("网聚职工正能量");
		assertThat(page.locator(".timeline-step.is-current")).hasCount(1);
		Browser.screenshot(page, "journey-1-home");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登录")).first().click();
		page.getByLabel("账号").fill("admin");
		page.getByLabel("密码").first().fill(currentAdminPassword());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
		// issue 11 item 4: the second factor (enrolment the first time) before anything
		// else
		Browser.passSecondFactor(page, url(""), "admin");
		page.waitForURL(java.util.regex.Pattern.compile(".*/(workbench|account/password)$"));

		if (page.url().endsWith("/account/password")) {
			Browser.screenshot(page, "journey-2-change-password");
			page.getByLabel("当前密码").fill(FIRST_PASSWORD);
			page.getByLabel("新密码", new Page.GetByLabelOptions().setExact(true)).fill(CHANGED_PASSWORD);
			page.getByLabel("再次输入新密码").fill(CHANGED_PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存新密码")).click();
		}
		assertThat(page).hasURL(url("/workbench"));

		page.locator("#adminMenu").click();
		page.locator("#mainNav .dropdown-menu").getByText("组织机构").click();
		assertThat(page.locator(".org-tree")).containsText("中华全国总工会");
		page.navigate(url("/admin/organisations/" + organisationId("fj-fuzhou")));
		assertThat(page.locator("h1")).containsText("福州市总工会");
		Browser.screenshot(page, "journey-3-fuzhou");

		String county = "鼓楼区总工会" + System.nanoTime() % 100000;
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("添加下级组织")).click();
		page.getByLabel("名称").first().fill(county);
		page.getByLabel("类型").selectOption("COUNTY");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("添加").setExact(true)).click();
		assertThat(page.locator(".alert-success")).isVisible();
		assertThat(page.locator("main")).containsText(county);
		Browser.screenshot(page, "journey-4-county-added");

		assertThat(jdbc.sql("""
				select count(*) from organisation c join organisation p on p.id = c.parent_id
				where c.name = ? and c.kind = 'COUNTY' and p.code = 'fj-fuzhou'
				""").param(county).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql(
				"select count(*) from audit_event where action = 'CREATED' and target_type = 'organisation' and summary like ?")
			.param("%" + county + "%")
			.query(Integer.class)
			.single()).isEqualTo(1);

		page.locator("#adminMenu").click();
		page.locator("#mainNav .dropdown-menu").getByText("活动管理").click();
		assertThat(page.locator("main")).containsText("fujian-2024");
		Browser.screenshot(page, "journey-5-campaigns");
		page.navigate(url("/admin/campaigns/fujian-2024"));
		assertThat(page.locator("main")).containsText("平潭综合实验区总工会");
		assertThat(page.locator("main")).containsText("网络正能量微视频征集");
		Browser.screenshot(page, "journey-6-campaign-detail");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")).click();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登录")).first()).isVisible();
		page.navigate(url("/admin/organisations"));
		assertThat(page).hasURL(url("/sign-in"));
	}

	private String currentAdminPassword() {
		boolean mustChange = jdbc.sql("select must_change_password from account where username = 'admin'")
			.query(Boolean.class)
			.single();
		return mustChange ? FIRST_PASSWORD : CHANGED_PASSWORD;
	}

	private long organisationId(String code) {
		return jdbc.sql("select id from organisation where code = ?").param(code).query(Long.class).single();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
