package cn.zhengji.review.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.RubricCriterion;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.review.ReviewAssignments;
import cn.zhengji.review.ReviewPools;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestAccounts.TestAccount;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestFixtures;
import cn.zhengji.support.TestOrganisations;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 9 in Debian's chromium: an expert on a 390 × 844 phone walks from its
 * workbench to its round, scores two works of 特色应用系统 criterion by criterion (each field
 * saved as it is typed), leaves a comment and hands the round in; then the host's admin
 * on a PC opens the round's results and finds the two works ranked with the figures
 * computed by hand: one expert, totals 90 and 70, so μ = 80, σ = 10, z = ±1 and the
 * normalised figures equal the raw ones. Nothing on the expert's pages names the
 * submitter or its unit. The screenshots go to target/screenshots (the kept ones to
 * docs/screenshots).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestFixtures.class)
class ExpertReviewJourneyBrowserTest {

	static final String PASSWORD = "Review#2026zj";

	static final String SUBMITTER = "司马青岚";

	static final String UNIT = "青岚数码科技有限公司工会";

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	ReviewPools pools;

	@Autowired
	ReviewAssignments assignments;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		browser.close();
	}

	@Test
	void anExpertOnAPhoneScoresTwoWorksAndTheAdminSeesTheRanking() {
		Organisation province = organisations.byCode("fj");
		String hash = passwordEncoder.encode(PASSWORD);
		TestAccount adminAccount = accounts.admin(province).passwordHash(hash).create();
		SignedInUser hostAdmin = accounts.signedIn(adminAccount).withPasswordChanged();
		String code = "review-journey-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "评审浏览器测试活动", 2020);
		Campaign campaign = campaigns.getByCode(code);
		Category category = campaigns.category(campaign, "application-system").orElseThrow();
		long roundId = campaigns.reviewRounds(category.id()).getFirst().id();
		jdbc.sql("update review_round set starts_on = current_date - 1, ends_on = current_date + 14, "
				+ "experts_per_work = 1 where id = ?")
			.param(roundId)
			.update();
		List<RubricCriterion> rubric = campaigns.rubric(category.id()).orElseThrow().criteria();
		assertThat(rubric).extracting(RubricCriterion::name).containsExactly("需求与方案", "产品设计", "界面设计", "运营推广");

		Organisation city = organisations.create(province, "评审旅程市总工会", OrganisationKind.CITY);
		Organisation unit = organisations.create(city, UNIT, OrganisationKind.GRASSROOTS);
		TestAccount submitter = accounts.participant(unit)
			.displayName(SUBMITTER)
			.participantKind("WORKER")
			.withMobile()
			.create();
		long first = work(campaign, category, unit, submitter, "职工心声直通车", "职工诉求一键直达工会");
		long second = work(campaign, category, unit, submitter, "工会会员积分商城", "会员积分兑换普惠服务");
		Organisation expertCity = organisations.create(province, "评审旅程专家市总工会", OrganisationKind.CITY);
		TestAccount expertAccount = accounts.staff(Role.EXPERT, expertCity).passwordHash(hash).create();
		pools.add(hostAdmin, roundId, expertAccount.id());
		assignments.assign(hostAdmin, roundId);
		assertThat(assignments.expertsByWork(hostAdmin, roundId)).containsOnlyKeys(first, second);

		List<String> policyViolations = new ArrayList<>();
		List<String> expertPages = new ArrayList<>();

		// 1. The expert on a phone: workbench → its round → the first work.
		Page phone = browser.open(Viewport.PHONE);
		watchPolicy(phone, policyViolations);
		Browser.signIn(phone, url(""), expertAccount.login(), PASSWORD);
		phone.locator("a[href='/expert/reviews']").first().click();
		phone.waitForURL("**/expert/reviews");
		phone.locator("#round-" + roundId).waitFor();
		expertPages.add(phone.content());
		screenshot(phone, "review-expert-rounds");
		phone.locator("#round-" + roundId + " a").click();
		phone.waitForURL("**/expert/reviews/" + roundId);
		assertThat(phone.locator("#works li").count()).isEqualTo(2);
		expertPages.add(phone.content());
		screenshot(phone, "review-expert-round");
		phone.locator("#work-1 a").click();
		phone.waitForURL("**/expert/reviews/" + roundId + "/works/*");
		long shownFirst = Long.parseLong(phone.url().substring(phone.url().lastIndexOf('/') + 1));
		long shownSecond = shownFirst == first ? second : first;

		// 2. Scores typed into each criterion are saved as they are typed; the total
		// follows.
		score(phone, rubric, List.of("27", "22", "18", "23"));
		assertThat(phone.locator("#score-total").textContent().strip()).isEqualTo("90");
		phone.locator("#comment").fill("需求分析扎实，界面清晰。");
		phone.locator("#status-comment.save-ok").waitFor();
		expertPages.add(phone.content());
		screenshot(phone, "review-expert-work");
		assertNoHorizontalOverflow(phone);

		// A value beyond the criterion's maximum is refused next to the field, the
		// stored one kept.
		String firstField = "#points-" + rubric.getFirst().id();
		phone.locator(firstField).fill("31");
		phone.locator("#status-points-" + rubric.getFirst().id() + ".save-error").waitFor();
		screenshot(phone, "review-expert-work-refused");
		phone.locator(firstField).fill("27");
		phone.locator("#status-points-" + rubric.getFirst().id() + ".save-ok").waitFor();

		phone.locator("#next-work").click();
		phone.waitForURL("**/expert/reviews/" + roundId + "/works/" + shownSecond);
		score(phone, rubric, List.of("21", "17", "14", "18"));
		assertThat(phone.locator("#score-total").textContent().strip()).isEqualTo("70");
		expertPages.add(phone.content());

		// 3. Hand the round in.
		phone.locator("#back-to-round").click();
		phone.waitForURL("**/expert/reviews/" + roundId);
		assertThat(phone.locator("#missing").count()).isZero();
		phone.locator("#submit-round").click();
		phone.locator("#handed-in").waitFor();
		expertPages.add(phone.content());
		screenshot(phone, "review-expert-handed-in");
		assertNoHorizontalOverflow(phone);

		// The same pages on a PC (the same session, a wider window).
		phone.setViewportSize(1366, 768);
		Browser.screenshot(phone, "review-expert-round-desktop");
		phone.navigate(url("/expert/reviews/" + roundId + "/works/" + shownFirst));
		assertThat(phone.locator(firstField).isDisabled()).isTrue();
		Browser.screenshot(phone, "review-expert-work-desktop");
		phone.context().close();
		for (String page : expertPages) {
			assertThat(page).doesNotContain(SUBMITTER, UNIT, city.name(), submitter.mobile(),
					PersonalDataCipher.maskMobile(submitter.mobile()));
		}

		// 4. The host's admin on a PC: the ranking, with the formula and the tie-breaks.
		Page desktop = browser.open(Viewport.DESKTOP);
		watchPolicy(desktop, policyViolations);
		Browser.signIn(desktop, url(""), adminAccount.login(), PASSWORD);
		desktop.navigate(url("/admin/campaigns/" + code + "/review"));
		desktop.locator("#round-results-" + roundId).click();
		desktop.waitForURL("**/admin/review/rounds/" + roundId + "/results");
		List<String> ranked = desktop.locator("tr[id^='work-']")
			.all()
			.stream()
			.map((row) -> row.getAttribute("id"))
			.toList();
		assertThat(ranked).containsExactly("work-" + shownFirst, "work-" + shownSecond);
		assertThat(cells(desktop, shownFirst)).contains("1", "1", "90.00", "90.00");
		assertThat(cells(desktop, shownSecond)).contains("2", "1", "70.00", "70.00");
		assertThat(desktop.locator("#formula").textContent()).contains("z = (x − μₑ) / σₑ", "排名依据：标准化得分");
		assertThat(desktop.locator("#tie-breaks li").count()).isEqualTo(2);
		Browser.screenshot(desktop, "review-results-desktop");
		assertNoHorizontalOverflow(desktop);
		desktop.setViewportSize(390, 844);
		Browser.screenshot(desktop, "review-results-phone");
		assertNoHorizontalOverflow(desktop);
		desktop.context().close();
		assertThat(policyViolations).isEmpty();
	}

	private long work(Campaign campaign, Category category, Organisation unit, TestAccount submitter, String title,
			String need) {
		long id = entries.draft(campaign, category.id(), unit, submitter.id(), submitter.id(), title);
		jdbc.sql("update entry set texts = cast(? as jsonb) where id = ?")
			.params("{\"introduction#需求与方案\": \"" + need + "\"}", id)
			.update();
		entries.approvedBy(id, organisations.byCode("fj"));
		return id;
	}

	/** Types each criterion's points and waits until the page says it is saved. */
	private static void score(Page page, List<RubricCriterion> rubric, List<String> points) {
		for (int i = 0; i < rubric.size(); i++) {
			long id = rubric.get(i).id();
			page.locator("#points-" + id).fill(points.get(i));
			page.locator("#status-points-" + id + ".save-ok").waitFor();
		}
	}

	private static List<String> cells(Page page, long workId) {
		return page.locator("#work-" + workId + " td")
			.allTextContents()
			.stream()
			.map((text) -> text.strip().split("\\s+")[0])
			.toList();
	}

	private static void screenshot(Page page, String name) {
		Browser.screenshot(page, name + "-" + Viewport.PHONE.name().toLowerCase(Locale.ROOT));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void watchPolicy(Page page, List<String> violations) {
		page.onConsoleMessage((message) -> {
			if (message.text().contains("Content Security Policy")
					|| message.text().contains("Content-Security-Policy")) {
				violations.add(page.url() + ": " + message.text());
			}
		});
	}

	private static void assertNoHorizontalOverflow(Page page) {
		int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
			.intValue();
		assertThat(overflow).as("horizontal overflow on " + page.url()).isLessThanOrEqualTo(0);
	}

}
