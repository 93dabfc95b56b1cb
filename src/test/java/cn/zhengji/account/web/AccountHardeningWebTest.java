package cn.zhengji.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhengji.account.AccountFixtures;
import cn.zhengji.account.AccountFixtures.Fixture;
import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MobileNumber;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 11 items 3 and 6 as the pages show them: the session cookie's name and flags,
 * common passwords refused, resets of admins only from a higher unit with the one-time
 * password sent to the holder, the forced password change on the JSON API.
 */
@AccountTestContext
class AccountHardeningWebTest {

	private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("一次性密码为 ([A-Za-z0-9#%+=@!?*]+)，");

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
	void overHttpsTheSessionCookieIsHostPrefixedAndSecureAndOverHttpItIsPlain() throws Exception {
		String secure = mvc.perform(get("/sign-in").secure(true)).andReturn().getResponse().getHeader("Set-Cookie");
		String plain = mvc.perform(get("/sign-in")).andReturn().getResponse().getHeader("Set-Cookie");

		assertThat(secure).startsWith("__Host-ZJSESSION=")
			.contains("; Path=/;", "; Secure", "; HttpOnly", "; SameSite=Lax");
		assertThat(secure).doesNotContainIgnoringCase("Domain=");
		assertThat(plain).startsWith("ZJSESSION=").contains("; Path=/;", "; HttpOnly").doesNotContain("Secure");
	}

	@Test
	void commonPasswordsAreRefusedForAnAdmin() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		for (String common : List.of("P@ssw0rd", "Password1", "Qwerty123!")) {
			mvc.perform(post("/account/password").param("currentPassword", AccountFixtures.PASSWORD)
				.param("newPassword", common)
				.param("newPasswordRepeat", common)
				.with(user(fixtures.signedIn(admin)))
				.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("密码过于常见或容易猜到")));
		}
		assertThat(passwordEncoder.matches(AccountFixtures.PASSWORD, hashOf(admin.id()))).isTrue();
	}

	@Test
	void anAdminCannotResetThePasswordOfAPeerAdminOfTheSameUnit() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		Fixture peer = fixtures.orgAdmin("fj-fuzhou");
		String mobile = giveMobile(peer.id());

		mvc.perform(post("/admin/accounts/{id}/reset-password", peer.id()).with(user(fixtures.signedIn(admin)))
			.with(csrf())).andExpect(status().isNotFound());

		assertThat(passwordEncoder.matches(AccountFixtures.PASSWORD, hashOf(peer.id()))).isTrue();
		assertThat(sms.sentTo(mobile)).isEmpty();
		mvc.perform(get("/admin/accounts").param("organisation", "福州").with(user(fixtures.signedIn(admin))))
			.andExpect(content()
				.string(Matchers.not(Matchers.containsString("/admin/accounts/" + peer.id() + "/reset-password"))));
	}

	@Test
	void theOneTimePasswordOfAResetGoesToTheHolderBySmsAndIsNeverShownToTheAdmin() throws Exception {
		Fixture cityAdmin = fixtures.orgAdmin("fj-fuzhou");
		Fixture countyAdmin = fixtures.orgAdmin("demo-county");
		String mobile = giveMobile(countyAdmin.id());

		MvcResult result = mvc
			.perform(post("/admin/accounts/{id}/reset-password", countyAdmin.id())
				.with(user(fixtures.signedIn(cityAdmin)))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("flashSuccess",
					"已重置 " + countyAdmin.login() + " 的密码，一次性密码已通过短信发送至本人手机 " + new MobileNumber(mobile).masked() + "。"))
			.andReturn();

		assertThat(sms.sentTo(mobile)).hasSize(1);
		Matcher password = ONE_TIME_PASSWORD.matcher(sms.sentTo(mobile).get(0).text());
		assertThat(password.find()).isTrue();
		assertThat(passwordEncoder.matches(password.group(1), hashOf(countyAdmin.id()))).isTrue();
		assertThat(result.getResponse().getContentAsString()).doesNotContain(password.group(1));
		assertThat(String.valueOf(result.getFlashMap())).doesNotContain(password.group(1));
	}

	@Test
	void withoutAMobileOnTheAccountAResetIsRefusedWithAMessageAndChangesNothing() throws Exception {
		Fixture cityAdmin = fixtures.orgAdmin("fj-fuzhou");
		Fixture expert = fixtures.expert("demo-county");

		mvc.perform(post("/admin/accounts/{id}/reset-password", expert.id()).with(user(fixtures.signedIn(cityAdmin)))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("flashError", Matchers.startsWith("该账号未登记手机号")));

		assertThat(passwordEncoder.matches(AccountFixtures.PASSWORD, hashOf(expert.id()))).isTrue();
	}

	@Test
	void theJsonApiAnswersAProblemUntilAOneTimePasswordIsChanged() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		jdbc.sql("update account set must_change_password = true where id = ?").param(admin.id()).update();

		mvc.perform(get("/api/v1/organisations").with(user(fixtures.signedIn(admin))))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(Matchers.containsString("请先在网页上修改一次性密码")));
	}

	private String hashOf(long accountId) {
		return jdbc.sql("select password_hash from account where id = ?").param(accountId).query(String.class).single();
	}

	private String giveMobile(long accountId) {
		String mobile = AccountFixtures.uniqueMobile();
		jdbc.sql("update account set mobile_hmac = ?, mobile_cipher = ?, mobile_masked = ? where id = ?")
			.params(cipher.blindIndex(mobile), cipher.encrypt(mobile), new MobileNumber(mobile).masked(), accountId)
			.update();
		return mobile;
	}

}
