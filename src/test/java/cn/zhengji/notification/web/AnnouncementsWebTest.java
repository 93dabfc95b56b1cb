package cn.zhengji.notification.web;

import java.util.ArrayList;
import java.util.List;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.notification.NotificationFixtures;
import cn.zhengji.notification.NotificationFixtures.Person;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 通知公告 through MockMvc with the real security and database: admins publish, edit and
 * withdraw their own organisation's announcements (another organisation's are 404 and
 * stay as they were), every change is audited, bad input comes back on the form with
 * nothing stored, and visitors read the published ones on the home page (newest five) and
 * the public pages.
 */
@AccountTestContext
class AnnouncementsWebTest {

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

	NotificationFixtures fixtures;

	Organisation county;

	Person admin;

	Person otherCityAdmin;

	@BeforeEach
	void createScenery() {
		fixtures = new NotificationFixtures(jdbc, organisations, cipher, userDetails);
		county = fixtures.organisation(fixtures.byCode("fj-fuzhou"), "公告测试区总工会", OrganisationKind.COUNTY);
		admin = fixtures.admin(county);
		otherCityAdmin = fixtures.admin(fixtures.byCode("fj-xiamen"));
	}

	long publish(Person by, String title, String body) throws Exception {
		String location = mvc
			.perform(post("/admin/announcements/new").param("title", title)
				.param("body", body)
				.param("campaignId", "")
				.with(csrf())
				.with(user(fixtures.signedIn(by))))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "通知公告已发布。"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/announcements/");
		return Long.parseLong(location.substring("/announcements/".length()));
	}

	String anonymousPage(String url) throws Exception {
		return mvc.perform(get(url).with(anonymous()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aPublishedAnnouncementIsPublicWithItsLineBreaksOrganisationAndDateAndIsAudited() throws Exception {
		String title = OrganisationTestData.unique("关于开展作品征集的通知");
		long id = publish(admin, title, "  各基层工会：\r\n    请于8月30日前提交作品。\r\n\r\n联系人：张三  ");

		assertThat(jdbc.sql("select body from announcement where id = ?").param(id).query(String.class).single())
			.isEqualTo("各基层工会：\n    请于8月30日前提交作品。\n\n联系人：张三");
		String page = anonymousPage("/announcements/" + id);
		assertThat(page).contains("<div class=\"announcement-body\">各基层工会：\n    请于8月30日前提交作品。\n\n联系人：张三</div>")
			.contains("发布单位：" + county.name());
		assertThat(anonymousPage("/announcements")).contains(title);
		assertThat(anonymousPage("/")).contains(title, county.name());
		assertThat(jdbc.sql("""
				select action || ' ' || summary from audit_event where target_type = 'announcement' and target_id = ?
				""").param(String.valueOf(id)).query(String.class).list())
			.containsExactly("CREATED 发布通知公告《" + title + "》");
	}

	@Test
	void theHomePageShowsTheNewestFive() throws Exception {
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			titles.add(OrganisationTestData.unique("首页公告"));
			publish(admin, titles.getLast(), "正文");
		}

		String home = anonymousPage("/");

		assertThat(home).doesNotContain(titles.getFirst() + "<");
		for (String title : titles.subList(1, 6)) {
			assertThat(home).contains(">" + title + "<");
		}
		assertThat(home.indexOf(titles.get(5))).isLessThan(home.indexOf(titles.get(1)));
	}

	@Test
	void badInputComesBackOnTheFormAndNothingIsStored() throws Exception {
		String tooLong = "长".repeat(101);
		String html = mvc
			.perform(post("/admin/announcements/new").param("title", tooLong)
				.param("body", "正文")
				.with(csrf())
				.with(user(fixtures.signedIn(admin))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("标题不能超过 100 个字。");

		html = mvc
			.perform(post("/admin/announcements/new").param("title", "正文太长的公告")
				.param("body", "字".repeat(5001))
				.with(csrf())
				.with(user(fixtures.signedIn(admin))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("正文不能超过 5000 个字。");

		html = mvc
			.perform(post("/admin/announcements/new").param("title", "活动不对的公告")
				.param("body", "正文")
				.param("campaignId", "abc")
				.with(csrf())
				.with(user(fixtures.signedIn(admin))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("所选活动不存在，请重新选择。");

		assertThat(jdbc.sql("select count(*) from announcement where organisation_id = ?")
			.param(county.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anAdminEditsAndWithdrawsItsOwnAnnouncementAndBothAreAudited() throws Exception {
		String oldTitle = OrganisationTestData.unique("待修改公告");
		long id = publish(admin, oldTitle, "旧正文");
		String newTitle = OrganisationTestData.unique("已修改公告");

		mvc.perform(post("/admin/announcements/{id}/edit", id).param("title", newTitle)
			.param("body", "新正文")
			.param("campaignId", "")
			.param("version", "0")
			.with(csrf())
			.with(user(fixtures.signedIn(admin)))).andExpect(flash().attribute("flashSuccess", "通知公告已保存。"));
		assertThat(anonymousPage("/announcements/" + id)).contains(newTitle, "新正文");

		// The form of a stale version is refused, nothing changes.
		String stale = mvc
			.perform(post("/admin/announcements/{id}/edit", id).param("title", "过期的修改")
				.param("body", "过期")
				.param("version", "0")
				.with(csrf())
				.with(user(fixtures.signedIn(admin))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("这条公告刚被其他人修改或撤回，请刷新后再试。");

		mvc.perform(post("/admin/announcements/{id}/withdraw", id).param("version", "1")
			.with(csrf())
			.with(user(fixtures.signedIn(admin)))).andExpect(flash().attribute("flashSuccess", "通知公告已撤回。"));

		mvc.perform(get("/announcements/{id}", id).with(anonymous())).andExpect(status().isNotFound());
		assertThat(anonymousPage("/")).doesNotContain(newTitle);
		assertThat(mvc.perform(get("/admin/announcements").with(user(fixtures.signedIn(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains(HtmlUtils.htmlEscape(newTitle), "已撤回");
		assertThat(jdbc.sql("""
				select action || ' ' || summary from audit_event where target_type = 'announcement' and target_id = ?
				order by id
				""").param(String.valueOf(id)).query(String.class).list()).containsExactly(
				"CREATED 发布通知公告《" + oldTitle + "》", "UPDATED 修改通知公告《" + newTitle + "》",
				"UPDATED 撤回通知公告《" + newTitle + "》");
	}

	@Test
	void anAdminOfAnotherOrganisationCanNeitherSeeNorEditNorWithdrawIt() throws Exception {
		String title = OrganisationTestData.unique("别人的公告");
		long id = publish(admin, title, "正文");

		mvc.perform(get("/admin/announcements/{id}/edit", id).with(user(fixtures.signedIn(otherCityAdmin))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/announcements/{id}/edit", id).param("title", "篡改")
			.param("body", "篡改")
			.param("version", "0")
			.with(csrf())
			.with(user(fixtures.signedIn(otherCityAdmin)))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/announcements/{id}/withdraw", id).param("version", "0")
			.with(csrf())
			.with(user(fixtures.signedIn(otherCityAdmin)))).andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/admin/announcements").with(user(fixtures.signedIn(otherCityAdmin))))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(title);

		assertThat(jdbc.sql("select title || ' ' || state || ' ' || version from announcement where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(title + " PUBLISHED 0");
	}

}
