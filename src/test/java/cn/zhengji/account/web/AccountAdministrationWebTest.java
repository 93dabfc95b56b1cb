package cn.zhengji.account.web;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhengji.support.Spreadsheets;
import cn.zhengji.account.AccountFixtures;
import cn.zhengji.account.AccountFixtures.Fixture;
import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MobileNumber;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@AccountTestContext
class AccountAdministrationWebTest {

	private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("id=\"one-time-password\">([^<]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	RecordingSmsGateway sms;

	@Test
	void aCityAdminCreatesAnExpertInItsSubtreeWithAOneTimePasswordShownOnce() throws Exception {
		Fixture cityAdmin = fixtures.orgAdmin("fj-fuzhou");
		String username = AccountFixtures.uniqueUsername("expert");

		MvcResult result = mvc
			.perform(post("/admin/accounts/new").with(user(fixtures.signedIn(cityAdmin)))
				.with(csrf())
				.param("username", username.toUpperCase())
				.param("displayName", "王专家")
				.param("role", "EXPERT")
				.param("organisationId", String.valueOf(id("demo-county"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(Matchers.containsString("账号已创建")))
			.andReturn();

		String password = oneTimePassword(result);
		Map<String, Object> row = jdbc.sql("""
				select a.id, a.role, o.code, a.must_change_password, a.created_by, a.display_name, a.password_hash
				from account a join organisation o on o.id = a.organisation_id where a.username = ?
				""").param(username).query().singleRow();
		assertThat(row).containsEntry("role", "EXPERT")
			.containsEntry("code", "demo-county")
			.containsEntry("must_change_password", true)
			.containsEntry("created_by", cityAdmin.id())
			.containsEntry("display_name", "王专家");
		assertThat(passwordEncoder.matches(password, (String) row.get("password_hash"))).isTrue();
		assertThat(jdbc.sql("""
				select e.actor_id || '|' || e.organisation_path || '|' || e.summary || '|' || (e.after_state ->> 'role')
				from audit_event e where e.action = 'CREATED' and e.target_type = 'account' and e.target_id = ?
				""").param(String.valueOf(row.get("id"))).query(String.class).single())
			.isEqualTo(cityAdmin.id() + "|" + path("demo-county") + "|创建账号 " + username + "（王专家）|EXPERT");
		assertThat(
				jdbc.sql("select count(*) from audit_event where after_state::text like '%argon2%' or summary like ?")
					.param("%" + password + "%")
					.query(Integer.class)
					.single())
			.isZero();

		mvc.perform(formLogin("/sign-in").user(username).password(password)).andExpect(redirectedUrl("/workbench"));
	}

	@Test
	void answersNotFoundForAnOrganisationOutsideTheSubtreeAndCreatesNothing() throws Exception {
		Fixture cityAdmin = fixtures.orgAdmin("fj-fuzhou");
		String username = AccountFixtures.uniqueUsername("outsider");

		mvc.perform(post("/admin/accounts/new").with(user(fixtures.signedIn(cityAdmin)))
			.with(csrf())
			.param("username", username)
			.param("displayName", "越权")
			.param("role", "ORG_ADMIN")
			.param("organisationId", String.valueOf(id("fj-xiamen")))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/accounts/new").with(user(fixtures.signedIn(cityAdmin)))
			.with(csrf())
			.param("username", username)
			.param("displayName", "越权")
			.param("role", "ORG_ADMIN")
			.param("organisationId", String.valueOf(id("fj")))).andExpect(status().isNotFound());

		assertThat(jdbc.sql("select count(*) from account where username = ?")
			.param(username)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anOrgAdminCreatesAdminsForItsOwnOrganisation() throws Exception {
		Fixture countyAdmin = fixtures.orgAdmin("demo-county");
		String username = AccountFixtures.uniqueUsername("county2");

		mvc.perform(post("/admin/accounts/new").with(user(fixtures.signedIn(countyAdmin)))
			.with(csrf())
			.param("username", username)
			.param("displayName", "区总副管理员")
			.param("role", "ORG_ADMIN")
			.param("organisationId", String.valueOf(id("demo-county")))).andExpect(status().isOk());

		assertThat(jdbc.sql("select role from account where username = ?").param(username).query(String.class).single())
			.isEqualTo("ORG_ADMIN");
	}

	@Test
	void refusesATakenUsernameABadFormatAndAParticipantRole() throws Exception {
		Fixture cityAdmin = fixtures.orgAdmin("fj-fuzhou");
		SignedInUser actor = fixtures.signedIn(cityAdmin);

		mvc.perform(post("/admin/accounts/new").with(user(actor))
			.with(csrf())
			.param("username", cityAdmin.login())
			.param("displayName", "重名")
			.param("role", "EXPERT")
			.param("organisationId", String.valueOf(id("fj-fuzhou"))))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "account.admin.username.taken"))
			.andExpect(content().string(Matchers.containsString("该用户名已被使用。")));
		mvc.perform(post("/admin/accounts/new").with(user(actor))
			.with(csrf())
			.param("username", "张三")
			.param("displayName", "张三")
			.param("role", "PARTICIPANT")
			.param("organisationId", String.valueOf(id("fj-fuzhou"))))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "account.admin.username.format"))
			.andExpect(model().attributeHasFieldErrorCode("form", "role", "account.admin.role.required"));
	}

	@Test
	void listsOnlyTheSubtreeWithMaskedMobiles() throws Exception {
		Fixture cityAdmin = fixtures.orgAdmin("fj-fuzhou");
		Fixture inside = fixtures.participant("demo-grassroots-a");
		Fixture outside = fixtures.expert("fj-xiamen");
		String masked = inside.mobile().substring(0, 3) + "****" + inside.mobile().substring(7);

		// The whole list stops at its limit, and the shared database holds more than that
		// many accounts of 福州; which ones it shows is asserted on the filtered lists
		// below.
		mvc.perform(get("/admin/accounts").with(user(fixtures.signedIn(cityAdmin))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString(inside.mobile()))))
			.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"account-" + outside.id() + "\""))));

		mvc.perform(get("/admin/accounts").with(user(fixtures.signedIn(cityAdmin))).param("role", "EXPERT"))
			.andExpect(content().string(Matchers.not(Matchers.containsString(masked))));
		mvc.perform(get("/admin/accounts").with(user(fixtures.signedIn(cityAdmin))).param("organisation", "演示科技"))
			.andExpect(content().string(Matchers.containsString(masked)))
			.andExpect(
					content().string(Matchers.not(Matchers.containsString("id=\"account-" + cityAdmin.id() + "\""))));
	}

	@Test
	void exportsEveryAccountOfTheFilteredSubtreeWithMaskedMobilesAndAuditsIt() throws Exception {
		Fixture cityAdmin = fixtures.orgAdmin("fj-fuzhou");
		Fixture inside = fixtures.participant("demo-grassroots-a");
		Fixture outside = fixtures.expert("fj-xiamen");
		String masked = inside.mobile().substring(0, 3) + "****" + inside.mobile().substring(7);

		byte[] xlsx = mvc
			.perform(get("/admin/accounts.xlsx").param("organisation", "演示科技").with(user(fixtures.signedIn(cityAdmin))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		List<List<String>> rows = Spreadsheets.rows(xlsx);
		assertThat(rows.getFirst()).containsExactly("用户名", "姓名", "手机号码", "角色", "所属组织", "状态", "最近登录");
		assertThat(rows)
			.anySatisfy(row -> assertThat(row.subList(2, 6)).containsExactly(masked, "参与者", "演示科技有限公司工会", "正常"));
		assertThat(rows).noneSatisfy(row -> assertThat(row.get(0)).isEqualTo(outside.login()));
		assertThat(rows).noneSatisfy(row -> assertThat(row.get(2)).isEqualTo(inside.mobile()));
		assertThat(jdbc.sql("""
				select summary || '|' || (after_state ->> 'rows') || '|' || (after_state ->> 'completed')
				    || '|' || (after_state -> 'filter' ->> 'organisation')
				from audit_event where action = 'EXPORTED' and target_type = 'account-list' and actor_id = ?
				""").param(cityAdmin.id()).query(String.class).single())
			.isEqualTo("导出账号清单（" + (rows.size() - 1) + "行）|" + (rows.size() - 1) + "|true|演示科技");
	}

	@Test
	void resetsAPasswordInTheSubtreeAndAnswersNotFoundOutsideIt() throws Exception {
		Fixture cityAdmin = fixtures.orgAdmin("fj-fuzhou");
		Fixture inside = fixtures.expert("demo-county");
		Fixture outside = fixtures.expert("fj-xiamen");
		String mobile = AccountFixtures.uniqueMobile();
		jdbc.sql("""
				update account set failed_sign_ins = 5, locked_until = now() + interval '10 minutes',
				    mobile_hmac = ?, mobile_cipher = ?, mobile_masked = ?
				where id = ?
				""")
			.params(cipher.blindIndex(mobile), cipher.encrypt(mobile), new MobileNumber(mobile).masked(), inside.id())
			.update();

		mvc.perform(post("/admin/accounts/{id}/reset-password", outside.id()).with(user(fixtures.signedIn(cityAdmin)))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/admin/accounts/{id}/reset-password", inside.id()).with(user(fixtures.signedIn(cityAdmin)))
			.with(csrf())).andExpect(redirectedUrl("/admin/accounts"));

		Matcher sent = Pattern.compile("一次性密码为 ([^，]+)，").matcher(sms.sentTo(mobile).get(0).text());
		assertThat(sent.find()).isTrue();
		assertThat(jdbc.sql(
				"select must_change_password and failed_sign_ins = 0 and locked_until is null from account where id = ?")
			.param(inside.id())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(passwordEncoder.matches(sent.group(1),
				jdbc.sql("select password_hash from account where id = ?")
					.param(inside.id())
					.query(String.class)
					.single()))
			.isTrue();
		assertThat(passwordEncoder.matches(AccountFixtures.PASSWORD,
				jdbc.sql("select password_hash from account where id = ?")
					.param(outside.id())
					.query(String.class)
					.single()))
			.isTrue();
	}

	@Test
	void disablesAndEnablesAnAccountAndADisabledAccountCannotSignIn() throws Exception {
		Fixture cityAdmin = fixtures.orgAdmin("fj-fuzhou");
		Fixture participant = fixtures.participant("fj-fuzhou");

		mvc.perform(post("/admin/accounts/{id}/disable", participant.id()).with(user(fixtures.signedIn(cityAdmin)))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("flashSuccess", "已停用账号 " + participant.mobile().substring(0, 3) + "****"
					+ participant.mobile().substring(7) + "。"));
		mvc.perform(formLogin("/sign-in").user(participant.mobile()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/sign-in?error"));

		mvc.perform(post("/admin/accounts/{id}/enable", participant.id()).with(user(fixtures.signedIn(cityAdmin)))
			.with(csrf())).andExpect(redirectedUrl("/admin/accounts"));
		mvc.perform(formLogin("/sign-in").user(participant.mobile()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/workbench"));
		assertThat(jdbc.sql(
				"select summary from audit_event where action = 'UPDATED' and target_type = 'account' and target_id = ? order by id")
			.param(String.valueOf(participant.id()))
			.query(String.class)
			.list()).hasSize(2);
	}

	@Test
	void anOrgAdminCannotTouchThePlatformAdminNorItselfNorAnotherCity() throws Exception {
		Fixture provinceAdmin = fixtures.orgAdmin("fj");
		long platformAdmin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		Fixture cityAdmin = fixtures.orgAdmin("fj-xiamen");

		mvc.perform(post("/admin/accounts/{id}/disable", platformAdmin).with(user(fixtures.signedIn(provinceAdmin)))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(
				post("/admin/accounts/{id}/reset-password", platformAdmin).with(user(fixtures.signedIn(provinceAdmin)))
					.with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(
				post("/admin/accounts/{id}/disable", provinceAdmin.id()).with(user(fixtures.signedIn(provinceAdmin)))
					.with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/accounts/{id}/disable", provinceAdmin.id()).with(user(fixtures.signedIn(cityAdmin)))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select bool_and(enabled) from account where id in (?, ?)")
			.param(platformAdmin)
			.param(provinceAdmin.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void participantsAndExpertsDoNotSeeAccountManagement() throws Exception {
		mvc.perform(get("/admin/accounts").with(user(fixtures.signedIn(fixtures.participant("fj-fuzhou")))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/accounts/new").with(user(fixtures.signedIn(fixtures.expert("fj")))))
			.andExpect(status().isNotFound());
	}

	@Test
	void offersOnlyTheSubtreeAsOrganisations() throws Exception {
		Fixture countyAdmin = fixtures.orgAdmin("demo-county");

		mvc.perform(get("/admin/accounts/new").with(user(fixtures.signedIn(countyAdmin))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("演示科技有限公司工会")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("福州市总工会"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString("演示港务公司工会"))));
	}

	private static String oneTimePassword(MvcResult result) throws Exception {
		Matcher matcher = ONE_TIME_PASSWORD.matcher(result.getResponse().getContentAsString());
		assertThat(matcher.find()).isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1));
	}

	private long id(String code) {
		return jdbc.sql("select id from organisation where code = ?").param(code).query(Long.class).single();
	}

	private String path(String code) {
		return jdbc.sql("select path from organisation where code = ?").param(code).query(String.class).single();
	}

}
