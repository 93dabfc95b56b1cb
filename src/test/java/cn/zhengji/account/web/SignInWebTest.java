package cn.zhengji.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import cn.zhengji.account.AccountFixtures;
import cn.zhengji.account.AccountFixtures.Fixture;
import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.SessionCookies;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@AccountTestContext
class SignInWebTest {

	static final String GENERIC_FAILURE = "登录失败：用户名或密码错误。连续失败5次将锁定15分钟。";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	List<UserDetailsService> userDetailsServices;

	@Test
	void signsInByUsernameAndLandsOnTheWorkbench() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");

		mvc.perform(formLogin("/sign-in").user(admin.login()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/workbench"))
			.andExpect(authenticated().withUsername(admin.login()).withRoles("ORG_ADMIN"));

		assertThat(jdbc.sql("select last_sign_in_at from account where id = ?")
			.param(admin.id())
			.query(OffsetDateTime.class)
			.single()).isNotNull();
		assertThat(auditOf(admin.id())).containsExactly("SIGN_IN_SUCCEEDED|" + fuzhouPath() + "|登录成功");
	}

	@Test
	void usernamesAreCaseInsensitive() throws Exception {
		Fixture expert = fixtures.expert("fj");

		mvc.perform(formLogin("/sign-in").user(expert.login().toUpperCase()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/workbench"))
			.andExpect(authenticated().withUsername(expert.login()));
	}

	@Test
	void signsInByMobileNumber() throws Exception {
		Fixture participant = fixtures.participant("fj-xiamen");

		mvc.perform(formLogin("/sign-in").user(participant.mobile()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/workbench"))
			.andExpect(authenticated().withRoles("PARTICIPANT").withAuthentication(authentication -> {
				SignedInUser principal = (SignedInUser) authentication.getPrincipal();
				assertThat(principal.accountId()).isEqualTo(participant.id());
				assertThat(principal.loginName())
					.isEqualTo(participant.mobile().substring(0, 3) + "****" + participant.mobile().substring(7));
				assertThat(principal.getPassword()).isNull();
			}));
	}

	@Test
	void refusesUnknownNameWithTheGenericMessageAndAuditsTheTypedName() throws Exception {
		String typed = AccountFixtures.uniqueUsername("nobody");

		mvc.perform(formLogin("/sign-in").user(typed).password("Whatever#1"))
			.andExpect(redirectedUrl("/sign-in?error"))
			.andExpect(unauthenticated());

		assertThat(jdbc
			.sql("""
					select coalesce(actor_id::text, '-') || '|' || actor_name || '|' || coalesce(organisation_path, '-') || '|' || summary
					from audit_event where action = 'SIGN_IN_FAILED' and actor_name = ?
					""")
			.param(typed)
			.query(String.class)
			.list()).containsExactly("-|" + typed + "|-|登录失败：账号“" + typed + "”不存在");
		assertThat(jdbc.sql("select count(*) from audit_event where summary like '%Whatever#1%'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aRefusedSignInKeepsTheTypedAccountButNeverThePassword() throws Exception {
		SessionCookies session = new SessionCookies();
		mvc.perform(post("/sign-in").with(session)
			.with(csrf())
			.param("username", "typed-account-13")
			.param("password", "Wrong#Password1")).andExpect(redirectedUrl("/sign-in?error"));
		mvc.perform(get("/sign-in").param("error", "").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(GENERIC_FAILURE)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"typed-account-13\"")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Wrong#Password1"))));
		// Shown once: a fresh visit of the page starts empty.
		mvc.perform(get("/sign-in").with(session))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("typed-account-13"))));
	}

	@Test
	void showsOneGenericMessageOnTheSignInPage() throws Exception {
		mvc.perform(get("/sign-in").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(GENERIC_FAILURE)));
		mvc.perform(get("/sign-in"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("账号（用户名或手机号）")))
			.andExpect(
					content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(GENERIC_FAILURE))));
	}

	@Test
	void refusesADisabledAccountLikeAWrongPassword() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-xiamen");
		jdbc.sql("update account set enabled = false where id = ?").param(admin.id()).update();

		mvc.perform(formLogin("/sign-in").user(admin.login()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/sign-in?error"))
			.andExpect(unauthenticated());
		assertThat(auditOf(admin.id()))
			.containsExactly("SIGN_IN_FAILED|" + pathOf("fj-xiamen") + "|登录失败（输入账号“" + admin.login() + "”）：账号已停用");
	}

	@Test
	void changesTheSessionIdAtSignIn() throws Exception {
		Fixture expert = fixtures.expert("fj");
		SessionCookies session = new SessionCookies();
		mvc.perform(get("/sign-in").with(session)).andExpect(status().isOk());
		String before = session.id();
		assertThat(before).isNotNull();

		mvc.perform(post("/sign-in").with(session)
			.with(csrf())
			.param("username", expert.login())
			.param("password", AccountFixtures.PASSWORD)).andExpect(redirectedUrl("/workbench"));

		assertThat(session.id()).isNotNull().isNotEqualTo(before);
	}

	@Test
	void expiresSessionsAfterThirtyIdleMinutes() {
		assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class))
			.isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void replacesSpringBootsGeneratedUserWithTheAccountTable() {
		assertThat(userDetailsServices).hasSize(1);
		assertThat(userDetailsServices.getFirst().getClass().getSimpleName()).startsWith("AccountUserDetailsService");
	}

	@Test
	void auditsSigningOut() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");

		mvc.perform(post("/sign-out").with(user(fixtures.signedIn(admin))).with(csrf()))
			.andExpect(redirectedUrl("/?signedOut"));

		assertThat(auditOf(admin.id())).containsExactly("SIGNED_OUT|" + fuzhouPath() + "|退出登录");
	}

	@Test
	void sendsSignedInVisitorsOfTheSignInPageToTheWorkbench() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		mvc.perform(get("/sign-in").with(user(fixtures.signedIn(admin)))).andExpect(redirectedUrl("/workbench"));
	}

	private List<String> auditOf(long accountId) {
		return jdbc.sql("""
				select action || '|' || coalesce(organisation_path, '-') || '|' || summary from audit_event
				where target_type = 'account' and target_id = ? and action <> 'CREATED' order by id
				""").param(String.valueOf(accountId)).query(String.class).list();
	}

	private String fuzhouPath() {
		return pathOf("fj-fuzhou");
	}

	private String pathOf(String code) {
		return jdbc.sql("select path from organisation where code = ?").param(code).query(String.class).single();
	}

}
