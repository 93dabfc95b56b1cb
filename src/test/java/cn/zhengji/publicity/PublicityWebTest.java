package cn.zhengji.publicity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import javax.imageio.ImageIO;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MutableClock;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 1 through HTTP: the public results pages show the list (title, category,
 * level, unit), the period, the notice and the outcomes, and nothing private — no
 * submitter's name or mobile, no nomination form (nominee, ID number, texts), no
 * opinions, no scores, no objector; an objection is filed by a visitor with a one-time
 * code and an image, a hostile file is refused with a Chinese message; the publicity page
 * is the campaign's admins' alone (another province's admin: 404).
 */
@AccountTestContext
class PublicityWebTest {

	static final String NOMINEE = "隐私被推荐人钱五";

	static final String ID_NUMBER = "350102199001015678";

	static final String NOMINATION_TEXT = "隐私推荐理由正文";

	static final String OPINION = "隐私审核意见正文";

	static final String OBJECTOR = "隐私异议人孙六";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	Publicities publicities;

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
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	PublicityScenery scenery;

	long publicityId;

	@BeforeEach
	void published() {
		clock.useSystemTime();
		scenery = new PublicityScenery(administration, campaigns, results, organisations, accounts, entries, jdbc);
		jdbc.sql("""
				insert into entry_nomination (entry_id, name, sex, birth_month, account_name, unit_and_position,
				    mobile_cipher, mobile_masked, id_number_cipher, id_number_masked, profile, reasons,
				    work_unit_opinion, recommending_unit_opinion, province_opinion)
				values (?, ?, 'MALE', ?, '隐私网名', '隐私单位职务', ?, ?, ?, ?, '隐私个人简介', ?, ?, ?, ?)
				""")
			.params(scenery.works[0], NOMINEE, YearMonth.of(1990, 1).atDay(1), cipher.encrypt("13900002222"),
					PersonalDataCipher.maskMobile("13900002222"), cipher.encrypt(ID_NUMBER), "3501**********5678",
					NOMINATION_TEXT, OPINION, OPINION, OPINION)
			.update();
		clock.set(Instant.parse("2080-06-10T04:00:00Z"));
		publicityId = publicities.publish(scenery.hostAdmin, scenery.campaign.code(), scenery.secondRound,
				PublicityIntegrationTest.input(LocalDate.of(2080, 6, 10), LocalDate.of(2080, 6, 16)));
	}

	@AfterEach
	void restoreClock() {
		clock.useSystemTime();
	}

	@Test
	void aVisitorReadsTheListAndFilesAnObjectionAndNothingPrivateIsShown() throws Exception {
		String mobile = TestAccounts.uniqueMobile();
		mvc.perform(post("/results/" + publicityId + "/code").with(csrf())
			.param("mobile", mobile)
			.param("entryId", String.valueOf(scenery.works[0])))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "验证码已发送，请查收短信后填写异议。"));
		String code = sms.lastCodeTo(mobile);

		MvcResult refused = mvc
			.perform(multipart("/results/" + publicityId + "/objections")
				.file(new MockMultipartFile("evidence", "证据.png", "image/png", "<script>x</script>".getBytes()))
				.param("entryId", String.valueOf(scenery.works[0]))
				.param("name", OBJECTOR)
				.param("mobile", mobile)
				.param("code", code)
				.param("reason", "疑似抄袭")
				.with(csrf()))
			.andExpect(status().isFound())
			.andReturn();
		assertThat((String) refused.getFlashMap().get("flashError")).startsWith("文件“证据.png”无法接受");

		mvc.perform(multipart("/results/" + publicityId + "/objections")
			.file(new MockMultipartFile("evidence", "截图.png", "image/png", png()))
			.param("entryId", String.valueOf(scenery.works[0]))
			.param("name", OBJECTOR)
			.param("mobile", mobile)
			.param("code", code)
			.param("reason", "疑似抄袭")
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "异议已提交，主办单位将核实处理，处理结果将在本页公布。"));
		long objection = jdbc.sql("select id from publicity_objection where publicity_id = ?")
			.param(publicityId)
			.query(Long.class)
			.single();
		String admin = mvc
			.perform(get("/admin/campaigns/" + scenery.campaign.code() + "/publicity").with(user(scenery.hostAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(admin).contains(OBJECTOR, "截图.png", "疑似抄袭").doesNotContain(mobile);
		mvc.perform(
				post("/admin/campaigns/" + scenery.campaign.code() + "/publicity/objections/" + objection).with(csrf())
					.with(user(scenery.hostAdmin))
					.param("decision", "DISMISS")
					.param("reason", "经核实，作品为原创。"))
			.andExpect(status().isFound());

		for (String url : new String[] { "/results", "/results/" + publicityId }) {
			String page = mvc.perform(get(url))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("结果公示测试名单")
				.doesNotContain(PublicityScenery.SUBMITTER_NAME, scenery.submitter.mobile(), NOMINEE, ID_NUMBER,
						"3501**********5678", NOMINATION_TEXT, OPINION, "隐私网名", "隐私个人简介", "13900002222", OBJECTOR,
						mobile, mobile.substring(0, 3) + "****", "得分", "总分", "截图.png");
		}
		String list = mvc.perform(get("/results/" + publicityId)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("公示之歌", "一等奖", "二等奖", "三等奖", "公示测试市总工会", "公示期：2080-06-10 至 2080-06-16", "公示期内接受异议。",
				"异议不成立", "经核实，作品为原创。", "提出异议");
	}

	@Test
	void thePublicityPageIsTheCampaignAdminsAlone() throws Exception {
		String page = mvc
			.perform(get("/admin/campaigns/" + scenery.campaign.code() + "/publicity").with(user(scenery.hostAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("结果公示测试名单", "公示之歌");
		mvc.perform(get("/admin/campaigns/" + scenery.campaign.code() + "/publicity")
			.with(user(scenery.otherProvinceAdmin))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/campaigns/" + scenery.campaign.code() + "/publicity").with(csrf())
			.with(user(scenery.otherProvinceAdmin))
			.param("roundId", String.valueOf(scenery.secondRound))
			.param("title", "外省")
			.param("startsOn", "2080-06-10")
			.param("endsOn", "2080-06-16")
			.param("notice", "外省")).andExpect(status().isNotFound());
		mvc.perform(get("/admin/campaigns/" + scenery.campaign.code() + "/publicity")).andExpect(status().isFound());
	}

	static byte[] png() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
