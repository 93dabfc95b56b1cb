package cn.zhengji.notification.web;

import java.util.UUID;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.notification.NotificationFixtures;
import cn.zhengji.notification.NotificationFixtures.Person;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 11 item 8: an announcement names only a campaign the publishing union takes part
 * in, and only while that campaign runs; otherwise the form comes back with the reason
 * and nothing is stored.
 */
@AccountTestContext
class AnnouncementCampaignWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignAdministration administration;

	NotificationFixtures fixtures;

	Person countyAdmin;

	Person beijingAdmin;

	@BeforeEach
	void scenery() {
		fixtures = new NotificationFixtures(jdbc, organisations, cipher, userDetails);
		countyAdmin = fixtures
			.admin(fixtures.organisation(fixtures.byCode("fj-fuzhou"), "公告活动测试区总工会", OrganisationKind.COUNTY));
		beijingAdmin = fixtures.admin(fixtures.byCode("bj"));
	}

	String publish(Person by, String title, long campaignId) throws Exception {
		return mvc
			.perform(post("/admin/announcements/new").param("title", title)
				.param("body", "正文")
				.param("campaignId", String.valueOf(campaignId))
				.with(csrf())
				.with(user(fixtures.signedIn(by))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long stored(String title) {
		return jdbc.sql("select count(*) from announcement where title = ?").param(title).query(Long.class).single();
	}

	@Test
	void aCampaignOfAnotherProvinceIsRefusedOnTheForm() throws Exception {
		String code = "ann-" + UUID.randomUUID().toString().substring(0, 8);
		SignedInUser platformAdmin = ((SignedInUser) userDetails.loadUserByUsername("admin")).withPasswordChanged();
		administration.copy(platformAdmin, "fujian-2024", code, "公告关联测试活动" + code, 2090);
		long fujianCopy = campaigns.getByCode(code).id();
		String title = "北京公告" + code;

		String page = publish(beijingAdmin, title, fujianCopy);

		assertThat(page).contains("本单位未参加“公告关联测试活动" + code + "”，公告不能关联该活动。");
		assertThat(stored(title)).isZero();
		// The form offers only the campaigns the union may name.
		String form = mvc.perform(get("/admin/announcements/new").with(user(fixtures.signedIn(beijingAdmin))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).doesNotContain("公告关联测试活动" + code);
	}

	@Test
	void aCampaignThatIsOverIsRefusedAndOneThatRunsIsAccepted() throws Exception {
		long national = campaigns.getByCode("national-2024").id();
		String title = "区公告" + UUID.randomUUID().toString().substring(0, 8);

		String page = publish(countyAdmin, title, national);

		assertThat(page).contains("已于 2024-12-31 结束，新公告不能再关联该活动。");
		assertThat(stored(title)).isZero();

		String code = "ann-" + UUID.randomUUID().toString().substring(0, 8);
		SignedInUser platformAdmin = ((SignedInUser) userDetails.loadUserByUsername("admin")).withPasswordChanged();
		administration.copy(platformAdmin, "fujian-2024", code, "公告关联测试活动" + code, 2090);
		mvc.perform(post("/admin/announcements/new").param("title", title)
			.param("body", "正文")
			.param("campaignId", String.valueOf(campaigns.getByCode(code).id()))
			.with(csrf())
			.with(user(fixtures.signedIn(countyAdmin)))).andExpect(status().isFound());
		assertThat(stored(title)).isEqualTo(1);
	}

}
