package cn.zhengji.activity.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import cn.zhengji.activity.ActivityFixtures;
import cn.zhengji.activity.EventReports;
import cn.zhengji.activity.OfflineEvent;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.files.Uploads;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.ZhengjiTest;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The activity pages with the real security configuration: messages on the form, what a
 * city admin may see and do with another city's events, photos served with scope checks,
 * and the downloads.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class ActivityPagesWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EventReports reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Uploads uploads;

	ActivityFixtures fixtures;

	Campaign campaign;

	Organisation fuzhou;

	SignedInUser fuzhouAdmin;

	SignedInUser xiamenAdmin;

	@BeforeEach
	void scenery() {
		fixtures = new ActivityFixtures(jdbc, organisations, userDetails, cipher, administration, campaigns, uploads);
		campaign = fixtures.campaignCopy("fujian-2024");
		fuzhou = fixtures.organisation("fj-fuzhou");
		fuzhouAdmin = fixtures.admin(fuzhou);
		xiamenAdmin = fixtures.admin(fixtures.organisation("fj-xiamen"));
	}

	@Test
	void badInputComesBackWithChineseMessagesAndNothingIsStored() throws Exception {
		String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
		String page = mvc
			.perform(post("/activities/new").with(user(fuzhouAdmin))
				.with(csrf())
				.param("campaign", campaign.code())
				.param("heldOn", tomorrow)
				.param("place", " ")
				.param("participants", "-5")
				.param("description", "字".repeat(2001)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("活动日期不能晚于今天（" + LocalDate.parse(tomorrow).minusDays(1) + "）", "请填写活动地点",
				"参加人数应在 0 至 1000000 之间", "活动简介不能超过 2000 字（现为 2001 字）");
		assertThat(jdbc.sql("select count(*) from offline_event where campaign_id = ?")
			.param(campaign.id())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Issue 11 item 8: a union that does not take part in the campaign is told so, on the
	 * form and on a direct POST, and nothing is stored.
	 */
	@Test
	void aUnionThatTakesNoPartIsToldWhyAndNothingIsStored() throws Exception {
		SignedInUser organAdmin = fixtures.admin(fixtures.unit(fixtures.organisation("fj"), "省直机关测试工会",
				cn.zhengji.organisation.OrganisationKind.PROVINCIAL_ORGAN));
		MockHttpServletResponse form = mvc
			.perform(get("/activities/new").param("campaign", campaign.code()).with(user(organAdmin)))
			.andReturn()
			.getResponse();
		MockHttpServletResponse posted = mvc
			.perform(post("/activities/new").with(user(organAdmin))
				.with(csrf())
				.param("campaign", campaign.code())
				.param("heldOn", "2024-06-18")
				.param("place", "省直机关")
				.param("participants", "10")
				.param("description", "脚本"))
			.andReturn()
			.getResponse();

		String message = "本单位未参加“" + campaign.title() + "”，不能在该活动中登记线下活动或覆盖数据";
		assertThat(form.getStatus()).isEqualTo(400);
		assertThat(form.getContentAsString()).contains(message);
		assertThat(posted.getStatus()).isEqualTo(400);
		assertThat(posted.getContentAsString()).contains(message);
		assertThat(jdbc.sql("select count(*) from offline_event where campaign_id = ?")
			.param(campaign.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aRecordedEventIsShownWithItsDetails() throws Exception {
		MockHttpServletResponse created = mvc
			.perform(post("/activities/new").with(user(fuzhouAdmin))
				.with(csrf())
				.param("campaign", campaign.code())
				.param("heldOn", "2024-06-18")
				.param("place", "福州市工人文化宫")
				.param("enterprise", "福州某科技有限公司")
				.param("participants", "120")
				.param("description", "网聚职工正能量 争做八闽好网民"))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(302);
		long id = jdbc.sql("select id from offline_event where campaign_id = ?")
			.param(campaign.id())
			.query(Long.class)
			.single();
		assertThat(created.getRedirectedUrl()).isEqualTo("/activities/" + id);

		String detail = mvc.perform(get("/activities/" + id).with(user(fuzhouAdmin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("福州市工人文化宫", "福州某科技有限公司", "2024-06-18", "120", "网聚职工正能量 争做八闽好网民", "upload-widget");
		String list = mvc.perform(get("/activities").param("campaign", campaign.code()).with(user(fuzhouAdmin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("共 1 场活动", "福州市工人文化宫");
	}

	@Test
	void aCityAdminNeitherSeesNorActsOnAnotherCitysEvents() throws Exception {
		OfflineEvent event = reports.report(fuzhouAdmin, campaign,
				ActivityFixtures.event("2024-06-18", "福州市工人文化宫", 120));
		long photo = reports
			.attachPhoto(fuzhouAdmin, event.id(),
					fixtures.upload(fuzhouAdmin, "现场.png", ActivityFixtures.picture("png")))
			.id();

		assertThat(status(get("/activities/" + event.id()), xiamenAdmin)).isEqualTo(404);
		assertThat(status(get("/activities/" + event.id() + "/edit"), xiamenAdmin)).isEqualTo(404);
		assertThat(status(get("/activities/" + event.id() + "/photos/" + photo), xiamenAdmin)).isEqualTo(404);
		assertThat(status(post("/activities/" + event.id() + "/edit").with(csrf())
			.param("version", "0")
			.param("heldOn", "2024-06-19")
			.param("place", "改")
			.param("participants", "1")
			.param("description", "改"), xiamenAdmin)).isEqualTo(404);
		assertThat(
				status(post("/activities/" + event.id() + "/delete").with(csrf()).param("version", "0"), xiamenAdmin))
			.isEqualTo(404);
		assertThat(status(post("/activities/" + event.id() + "/photos/" + photo + "/remove").with(csrf()), xiamenAdmin))
			.isEqualTo(404);
		assertThat(status(get("/activities").param("campaign", campaign.code())
			.param("organisation", String.valueOf(fuzhou.id())), xiamenAdmin)).isEqualTo(404);
		String list = mvc.perform(get("/activities").param("campaign", campaign.code()).with(user(xiamenAdmin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("共 0 场活动").doesNotContain("福州市工人文化宫");

		assertThat(
				jdbc.sql("select place from offline_event where id = ?").param(event.id()).query(String.class).single())
			.isEqualTo("福州市工人文化宫");
		MockHttpServletResponse own = mvc
			.perform(get("/activities/" + event.id() + "/photos/" + photo).with(user(fuzhouAdmin)))
			.andReturn()
			.getResponse();
		assertThat(own.getStatus()).isEqualTo(200);
		assertThat(own.getContentType()).isEqualTo("image/png");
		assertThat(own.getContentAsByteArray()).isEqualTo(ActivityFixtures.picture("png"));
	}

	@Test
	void aNonImageOfferedAsPhotoIsRefusedWithAMessage() throws Exception {
		OfflineEvent event = reports.report(fuzhouAdmin, campaign,
				ActivityFixtures.event("2024-06-18", "福州市工人文化宫", 120));
		String upload = fixtures.upload(fuzhouAdmin, "照片.png", "%PDF-1.4 不是图片".getBytes(StandardCharsets.UTF_8))
			.toString();

		org.springframework.test.web.servlet.MvcResult result = mvc
			.perform(post("/activities/" + event.id() + "/photos").with(user(fuzhouAdmin))
				.with(csrf())
				.param("uploadId", upload))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat((String) result.getFlashMap().get("flashError")).startsWith("“照片.png”不是可用的 JPG 或 PNG 图片，未保存。");
		assertThat(jdbc.sql("select count(*) from offline_event_photo where event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theEventExportIsAnExcelFileOfTheFilteredEvents() throws Exception {
		reports.report(fuzhouAdmin, campaign, ActivityFixtures.event("2024-06-18", "福州市工人文化宫", 120));
		reports.report(fuzhouAdmin, campaign, ActivityFixtures.event("2024-05-02", "福州市职工服务中心", 30));

		MockHttpServletResponse response = mvc
			.perform(get("/activities/export").param("campaign", campaign.code())
				.param("from", "2024-06-01")
				.with(user(fuzhouAdmin)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new java.io.ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter cells = new DataFormatter();
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(List.of(cells.formatCellValue(sheet.getRow(1).getCell(0)),
					cells.formatCellValue(sheet.getRow(1).getCell(1)),
					cells.formatCellValue(sheet.getRow(1).getCell(2)),
					cells.formatCellValue(sheet.getRow(1).getCell(4))))
				.containsExactly("福州市总工会", "2024-06-18", "福州市工人文化宫", "120");
		}
	}

	@Test
	void theProgressPageShowsTheOwnRowAndTheReachFormRefusesBadFigures() throws Exception {
		reports.report(fuzhouAdmin, campaign, ActivityFixtures.event("2024-06-18", "福州市工人文化宫", 120));

		String page = mvc
			.perform(get("/activities/progress").param("campaign", campaign.code()).with(user(fuzhouAdmin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"unit-" + fuzhou.id() + "\"", "7.7%").doesNotContain("厦门");

		String form = mvc
			.perform(post("/activities/reach").with(user(fuzhouAdmin))
				.with(csrf())
				.param("campaign", campaign.code())
				.param("promoters", "很多")
				.param("workersReached", "-1"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form.split("请填写 0 至 1000000000 之间的整数", -1)).hasSize(3);
		assertThat(jdbc.sql("select count(*) from unit_reach where campaign_id = ?")
			.param(campaign.id())
			.query(Long.class)
			.single()).isZero();
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			SignedInUser actor) throws Exception {
		return mvc.perform(request.with(user(actor))).andReturn().getResponse().getStatus();
	}

}
