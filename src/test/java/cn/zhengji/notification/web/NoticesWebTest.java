package cn.zhengji.notification.web;

import java.time.Instant;
import java.time.ZoneOffset;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.notification.NotificationFixtures;
import cn.zhengji.notification.NotificationFixtures.Person;
import cn.zhengji.organisation.Organisation;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 我的消息 through MockMvc with the real security: a reader sees and marks only their own
 * notices (someone else's is 404 and stays unread), unread ones come first, the
 * navigation shows the unread count, and text messages can be switched on only with a
 * mobile number.
 */
@AccountTestContext
class NoticesWebTest {

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

	Person reader;

	Person other;

	@BeforeEach
	void createScenery() {
		fixtures = new NotificationFixtures(jdbc, organisations, cipher, userDetails);
		Organisation unit = fixtures.organisation(fixtures.byCode("fj-fuzhou"), "消息页面公司工会",
				OrganisationKind.GRASSROOTS);
		reader = fixtures.participant(unit);
		other = fixtures.participant(unit);
	}

	long notice(Person to, String title, String createdAt, boolean read) {
		Instant at = Instant.parse(createdAt);
		return jdbc.sql("""
				insert into notice (account_id, kind, title, body, link, created_at, read_at)
				values (?, 'RETURNED', ?, '正文', '/works/1', ?, ?) returning id
				""")
			.params(to.id(), title, at.atOffset(ZoneOffset.UTC), read ? at.atOffset(ZoneOffset.UTC) : null)
			.query(Long.class)
			.single();
	}

	String page(Person person, String url) throws Exception {
		return mvc.perform(get(url).with(user(fixtures.signedIn(person))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void listsOnlyTheReadersOwnNoticesUnreadFirstThenNewestFirst() throws Exception {
		notice(reader, "已读的新消息", "2026-03-03T08:00:00Z", true);
		notice(reader, "未读的旧消息", "2026-03-01T08:00:00Z", false);
		notice(reader, "未读的新消息", "2026-03-02T08:00:00Z", false);
		notice(other, "别人的消息", "2026-03-04T08:00:00Z", false);

		String html = page(reader, "/notices");

		assertThat(html).doesNotContain("别人的消息").contains("未读 2 条");
		assertThat(html.indexOf("未读的新消息")).isLessThan(html.indexOf("未读的旧消息"));
		assertThat(html.indexOf("未读的旧消息")).isLessThan(html.indexOf("已读的新消息"));
	}

	@Test
	void theNavigationShowsTheUnreadCountOfTheSignedInUser() throws Exception {
		notice(reader, "一", "2026-03-01T08:00:00Z", false);
		notice(reader, "二", "2026-03-01T09:00:00Z", false);
		notice(other, "三", "2026-03-01T10:00:00Z", false);

		assertThat(page(reader, "/workbench"))
			.contains("<span class=\"badge rounded-pill notice-badge\" title=\"2 条未读消息\">2</span>");

		mvc.perform(post("/notices/read-all").with(csrf()).with(user(fixtures.signedIn(reader))))
			.andExpect(redirectedUrl("/notices"))
			.andExpect(flash().attribute("flashSuccess", "已将 2 条消息标为已读。"));

		assertThat(page(reader, "/workbench")).doesNotContain("notice-badge\"").contains("我的消息");
		assertThat(unreadOf(other)).isEqualTo(1);
	}

	@Test
	void markingSomeoneElsesNoticeIsNotFoundAndLeavesItUnread() throws Exception {
		long theirs = notice(other, "别人的消息", "2026-03-01T08:00:00Z", false);

		mvc.perform(post("/notices/{id}/read", theirs).with(csrf()).with(user(fixtures.signedIn(reader))))
			.andExpect(status().isNotFound());

		assertThat(unreadOf(other)).isEqualTo(1);
	}

	@Test
	void openingANoticeMarksItReadAndGoesToWhatItIsAbout() throws Exception {
		long mine = notice(reader, "我的消息一", "2026-03-01T08:00:00Z", false);
		notice(reader, "我的消息二", "2026-03-01T09:00:00Z", false);

		mvc.perform(post("/notices/{id}/read", mine).param("open", "true")
			.with(csrf())
			.with(user(fixtures.signedIn(reader)))).andExpect(redirectedUrl("/works/1"));

		assertThat(unreadOf(reader)).isEqualTo(1);
		assertThat(jdbc.sql("select read_at is not null from notice where id = ?")
			.param(mine)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void markingReadWithoutTheCsrfTokenChangesNothing() throws Exception {
		long mine = notice(reader, "我的消息", "2026-03-01T08:00:00Z", false);

		int status = mvc.perform(post("/notices/{id}/read", mine).with(user(fixtures.signedIn(reader))))
			.andReturn()
			.getResponse()
			.getStatus();

		assertThat(status).isEqualTo(404);
		assertThat(unreadOf(reader)).isEqualTo(1);
	}

	@Test
	void anAccountWithAMobileNumberSwitchesTextMessagesOnAndTheChangeIsAudited() throws Exception {
		assertThat(page(reader, "/notices/settings"))
			.contains("接收短信的手机号：" + PersonalDataCipher.maskMobile(reader.mobile()));

		mvc.perform(post("/notices/settings").param("sms", "true").with(csrf()).with(user(fixtures.signedIn(reader))))
			.andExpect(redirectedUrl("/notices/settings"))
			.andExpect(flash().attribute("flashSuccess", "已开启短信通知。"));

		assertThat(jdbc.sql("select sms from notice_preference where account_id = ?")
			.param(reader.id())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("""
				select summary from audit_event where target_type = 'notice_preference' and target_id = ?
				""").param(String.valueOf(reader.id())).query(String.class).list()).containsExactly("开启短信通知");

		mvc.perform(post("/notices/settings").with(csrf()).with(user(fixtures.signedIn(reader))))
			.andExpect(flash().attribute("flashSuccess", "已关闭短信通知。"));
		assertThat(jdbc.sql("select sms from notice_preference where account_id = ?")
			.param(reader.id())
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void anAccountWithoutAMobileNumberCannotSwitchTextMessagesOn() throws Exception {
		Person admin = fixtures.adminWithoutMobile(fixtures.byCode("fj-xiamen"));
		assertThat(page(admin, "/notices/settings")).contains("您的账号还没有接收通知的手机号，设置并验证手机号后即可开启短信通知。");

		mvc.perform(post("/notices/settings").param("sms", "true").with(csrf()).with(user(fixtures.signedIn(admin))))
			.andExpect(redirectedUrl("/notices/settings"))
			.andExpect(flash().attribute("flashError", "您的账号还没有接收通知的手机号，设置并验证手机号后即可开启短信通知。"));

		assertThat(jdbc.sql("select count(*) from notice_preference where account_id = ?")
			.param(admin.id())
			.query(Integer.class)
			.single()).isZero();
	}

	int unreadOf(Person person) {
		return jdbc.sql("select count(*) from notice where account_id = ? and read_at is null")
			.param(person.id())
			.query(Integer.class)
			.single();
	}

}
