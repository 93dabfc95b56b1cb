package cn.zhengji.publicity.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.imageio.ImageIO;

import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.publicity.Publicities;
import cn.zhengji.publicity.PublicityScenery;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.publicity.PublicityInput;
import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import cn.zhengji.support.TestFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 1 in Debian's chromium: on a 390 × 844 phone a visitor reads a results
 * list in publicity and files an objection with a one-time code and an image; on a 1366 ×
 * 768 PC the host's admin ({@code demo-province}) upholds it, lowering the award, and the
 * public list shows the outcome. The list is a fresh publicity of the
 * {@link PublicityScenery} campaign (the demonstration's lists stay as they are).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestFixtures.class, PublicityPagesBrowserTest.Sms.class })
class PublicityPagesBrowserTest {

	@TestConfiguration(proxyBeanMethods = false)
	static class Sms {

		@Bean
		RecordingSmsGateway recordingSmsGateway() {
			return new RecordingSmsGateway();
		}

	}

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	RoundResults results;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	Publicities publicities;

	@Autowired
	RecordingSmsGateway sms;

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
	void aVisitorObjectsOnAPhoneAndTheAdminUpholdsItOnAPc() throws IOException {
		PublicityScenery scenery = new PublicityScenery(administration, campaigns, results, organisations, accounts,
				entries, jdbc);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long id = publicities.publish(scenery.hostAdmin, scenery.campaign.code(), scenery.secondRound,
				new PublicityInput("浏览器测试获奖作品公示", today, today.plusDays(6), "公示期内如有异议，请通过本页提交。"));
		String local = "http://localhost:" + port;
		String mobile = "196" + String.format("%08d", System.nanoTime() % 100_000_000);

		Page phone = browser.open(Viewport.PHONE);
		phone.navigate(local + "/results");
		phone.locator("a[href$='/results/" + id + "']").click();
		assertThat(phone.locator("h1").textContent()).isEqualTo("浏览器测试获奖作品公示");
		assertThat(phone.locator("table.publicity-works tbody tr").count()).isEqualTo(3);
		phone.locator("#code-mobile").fill(mobile);
		phone.locator("form.objection-code-form button[type=submit]").click();
		assertThat(phone.locator(".alert-success").textContent()).contains("验证码已发送");
		assertThat(phone.locator("#objection-mobile").inputValue()).isEqualTo(mobile);
		phone.locator("#objection-entry").selectOption(String.valueOf(scenery.works[0]));
		phone.locator("#objection-name").fill("周监督");
		phone.locator("#objection-code").fill(sms.lastCodeTo(mobile));
		phone.locator("#objection-reason").fill("该作品与他人已发表作品高度相似，附截图。");
		Path image = Files.createTempFile("evidence", ".png");
		ImageIO.write(new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
		phone.locator("#objection-evidence").setInputFiles(image);
		Browser.screenshot(phone, "publicity-phone");
		phone.locator("form.objection-form button[type=submit]").click();
		assertThat(phone.locator(".alert-success").textContent()).contains("异议已提交");

		Page pc = browser.open(Viewport.DESKTOP);
		Browser.signIn(pc, local, "demo-province", "Demo#2026zj");
		pc.navigate(local + "/admin/campaigns/" + scenery.campaign.code() + "/publicity");
		assertThat(pc.locator(".objection").count()).isEqualTo(1);
		assertThat(pc.locator(".objection").textContent()).contains("周监督", "高度相似", "evidence");
		pc.locator(".objection select[name=decision]").selectOption("UPHOLD");
		pc.locator(".objection select[name=level]").selectOption("SECOND");
		pc.locator(".objection textarea[name=reason]").fill("经核实异议属实，奖项由一等奖调整为二等奖。");
		Browser.screenshot(pc, "publicity-admin-pc");
		pc.locator(".objection form button[type=submit]").click();
		assertThat(pc.locator(".alert-success").textContent()).contains("已保存异议处理结果");
		assertThat(
				jdbc.sql("select state from entry where id = ?").param(scenery.works[0]).query(String.class).single())
			.isEqualTo("IN_PUBLICITY");

		phone.navigate(local + "/results/" + id);
		assertThat(phone.locator(".publicity-outcome").textContent()).contains("异议成立", "调整为二等奖").doesNotContain("周监督");
	}

}
