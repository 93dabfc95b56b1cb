package cn.zhengji.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.zhengji.account.AccountFixtures;
import cn.zhengji.account.AccountFixtures.Fixture;
import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.SessionCookies;
import cn.zhengji.account.MutableClock;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@AccountTestContext
class RegistrationWebTest {

	static final String PASSWORD = "Reg#Test2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	MutableClock clock;

	SessionCookies session = new SessionCookies();

	@BeforeEach
	void stopTheClock() {
		clock.set(Instant.parse("2026-06-01T01:00:00Z"));
	}

	@AfterEach
	void restartTheClock() {
		clock.useSystemTime();
	}

	@Test
	void registersAParticipantWithAnEncryptedMobileAndLetsThemSignIn() throws Exception {
		String mobile = AccountFixtures.uniqueMobile();
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);

		mvc.perform(get("/register").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("第一步：验证手机号")));
		mvc.perform(post("/register/code").with(fromItsOwnAddress()).with(session).with(csrf()).param("mobile", mobile))
			.andExpect(redirectedUrl("/register"))
			.andExpect(flash().attribute("flashSuccess", "验证码已发送至 " + masked + "，5分钟内有效。"));
		assertThat(sms.sentTo(mobile)).hasSize(1);
		assertThat(sms.sentTo(mobile).getFirst().text()).startsWith("【职工网络正能量作品申报平台】您的注册验证码为");
		String code = sms.lastCodeTo(mobile);
		assertThat(jdbc.sql("select count(*) from one_time_code where code_hash like ?")
			.param("%" + code + "%")
			.query(Integer.class)
			.single()).isZero();

		mvc.perform(get("/register").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(masked)))
			.andExpect(content().string(Matchers.containsString("福建省总工会（本级）")))
			.andExpect(content().string(Matchers.containsString("福州市总工会")));
		mvc.perform(get("/register/organisations").param("organisationIds", String.valueOf(id("fj-fuzhou"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("演示区总工会（福州）（演示）")))
			.andExpect(content().string(Matchers.containsString("name=\"organisationIds\"")));
		mvc.perform(get("/register/organisations").param("organisationIds", String.valueOf(id("demo-grassroots-a"))))
			.andExpect(status().isOk())
			.andExpect(content().string(""));
		mvc.perform(get("/register/organisations").param("organisationIds", String.valueOf(id("zj"))))
			.andExpect(content().string(""));

		register(code, "测试职工", id("fj-fuzhou"), id("demo-county"), id("demo-grassroots-a"))
			.andExpect(redirectedUrl("/sign-in"))
			.andExpect(flash().attribute("flashSuccess", "注册成功，请使用手机号和密码登录。"));

		Map<String, Object> row = jdbc.sql("""
				select a.id, a.username, a.display_name, a.role, a.participant_kind, o.code, a.mobile_masked,
				       a.mobile_cipher, a.must_change_password, a.demo
				from account a join organisation o on o.id = a.organisation_id where a.mobile_hmac = ?
				""").param(cipher.blindIndex(mobile)).query().singleRow();
		assertThat(row).containsEntry("username", null)
			.containsEntry("display_name", "测试职工")
			.containsEntry("role", "PARTICIPANT")
			.containsEntry("participant_kind", "WORKER")
			.containsEntry("code", "demo-grassroots-a")
			.containsEntry("mobile_masked", masked)
			.containsEntry("must_change_password", false)
			.containsEntry("demo", false);
		byte[] stored = (byte[]) row.get("mobile_cipher");
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(mobile);
		assertThat(cipher.decrypt(stored)).isEqualTo(mobile);
		assertThat(jdbc.sql("""
				select count(*) from account where username = :m or display_name like '%' || :m || '%'
				    or mobile_masked = :m or password_hash like '%' || :m || '%'
				""").param("m", mobile).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql(
				"select count(*) from audit_event where position(:m in coalesce(summary, '') || coalesce(actor_name, '') || coalesce(after_state::text, '')) > 0")
			.param("m", mobile)
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql(
				"select summary from audit_event where action = 'CREATED' and target_type = 'account' and target_id = ?")
			.param(String.valueOf(row.get("id")))
			.query(String.class)
			.single()).isEqualTo("自助注册参与者账号（手机号 " + masked + "，演示科技有限公司工会）");
		assertThat(jdbc.sql("select count(*) from one_time_code where mobile_hmac = ? and used_at is not null")
			.param(cipher.blindIndex(mobile))
			.query(Integer.class)
			.single()).isEqualTo(1);

		mvc.perform(formLogin("/sign-in").user(mobile).password(PASSWORD))
			.andExpect(redirectedUrl("/workbench"))
			.andExpect(authenticated().withRoles("PARTICIPANT"));
	}

	@Test
	void refusesAMobileNumberThatIsAlreadyRegistered() throws Exception {
		Fixture existing = fixtures.participant("fj-xiamen");
		String code = requestCode(existing.mobile());

		register(code, "重复注册", id("fj-xiamen")).andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"))
			.andExpect(content().string(Matchers.containsString("该手机号已注册。")));

		assertThat(jdbc.sql("select count(*) from account where mobile_hmac = ?")
			.param(cipher.blindIndex(existing.mobile()))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from one_time_code where mobile_hmac = ? and used_at is not null")
			.param(cipher.blindIndex(existing.mobile()))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void refusesAWrongCodeAndCountsTheAttempts() throws Exception {
		String mobile = AccountFixtures.uniqueMobile();
		String code = requestCode(mobile);
		String wrong = code.equals("000000") ? "111111" : "000000";

		register(wrong, "测试职工", id("fj-fuzhou")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("验证码不正确，还可尝试4次。")));
		for (int i = 0; i < 3; i++) {
			register(wrong, "测试职工", id("fj-fuzhou"));
		}
		register(wrong, "测试职工", id("fj-fuzhou"))
			.andExpect(content().string(Matchers.containsString("验证码错误次数过多，请重新获取。")));
		register(code, "测试职工", id("fj-fuzhou"))
			.andExpect(content().string(Matchers.containsString("验证码错误次数过多，请重新获取。")));

		assertThat(registered(mobile)).isZero();
	}

	@Test
	void refusesAnExpiredCode() throws Exception {
		String mobile = AccountFixtures.uniqueMobile();
		String code = requestCode(mobile);
		clock.advance(Duration.ofMinutes(5));

		register(code, "测试职工", id("fj-fuzhou")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("验证码已过期，请重新获取。")));
		assertThat(registered(mobile)).isZero();
	}

	@Test
	void limitsCodesToOnePerMinuteAndTenPerDay() throws Exception {
		String mobile = AccountFixtures.uniqueMobile();
		requestCode(mobile);
		clock.advance(Duration.ofSeconds(45));

		mvc.perform(post("/register/code").with(fromItsOwnAddress())
			.with(new SessionCookies())
			.with(csrf())
			.param("mobile", mobile))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("获取验证码过于频繁，请15秒后再试。")));

		for (int i = 2; i <= 10; i++) {
			clock.advance(Duration.ofSeconds(61));
			requestCode(mobile);
		}
		clock.advance(Duration.ofSeconds(61));
		mvc.perform(post("/register/code").with(fromItsOwnAddress()).with(session).with(csrf()).param("mobile", mobile))
			.andExpect(redirectedUrl("/register"))
			.andExpect(flash().attribute("flashError", "该手机号24小时内获取验证码已达10次上限，请明天再试。"));
		assertThat(sms.sentTo(mobile)).hasSize(10);

		clock.advance(Duration.ofHours(24));
		requestCode(mobile);
		assertThat(sms.sentTo(mobile)).hasSize(11);
	}

	@Test
	void limitsCodesFromOneAddressWhateverTheNumbers() throws Exception {
		String address = "192.0.2." + ADDRESSES.incrementAndGet();
		for (int i = 0; i < 30; i++) {
			mvc.perform(post("/register/code").with(from(address))
				.with(new SessionCookies())
				.with(csrf())
				.param("mobile", AccountFixtures.uniqueMobile())).andExpect(redirectedUrl("/register"));
		}
		String refused = AccountFixtures.uniqueMobile();
		mvc.perform(post("/register/code").with(from(address))
			.with(new SessionCookies())
			.with(csrf())
			.param("mobile", refused))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("mobileForm", "mobile", "account.register.code.addressLimit"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("当前网络获取验证码过于频繁，请一小时后再试。")));
		assertThat(jdbc.sql("select count(*) from one_time_code where requested_from = ?")
			.param(address)
			.query(Integer.class)
			.single()).isEqualTo(30);
		assertThat(jdbc.sql("select count(*) from one_time_code where mobile_hmac = ?")
			.param(cipher.blindIndex(refused))
			.query(Integer.class)
			.single()).isZero();
	}

	private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

	/**
	 * MockMvc requests all come from 127.0.0.1; the per-address limit is tested on its
	 * own.
	 */
	private static org.springframework.test.web.servlet.request.RequestPostProcessor fromItsOwnAddress() {
		return from("198.51.100." + ADDRESSES.incrementAndGet());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void refusesAMalformedMobileNumber() throws Exception {
		mvc.perform(
				post("/register/code").with(fromItsOwnAddress()).with(session).with(csrf()).param("mobile", "12345"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("mobileForm", "mobile", "account.register.mobile.invalid"))
			.andExpect(content().string(Matchers.containsString("请输入正确的11位手机号。")));
	}

	@Test
	void explainsEveryMissingFieldWithoutSpendingTheCode() throws Exception {
		String mobile = AccountFixtures.uniqueMobile();
		String code = requestCode(mobile);

		mvc.perform(post("/register").with(session).with(csrf()).param("code", code).param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(
					model().attributeHasFieldErrorCode("form", "displayName", "account.register.displayName.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "participantKind",
					"account.register.participantKind.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "organisationIds",
					"account.register.organisation.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "account.password.policy.TOO_SHORT"))
			.andExpect(model().attributeHasFieldErrorCode("form", "passwordRepeat", "account.password.repeatMismatch"))
			.andExpect(model().attributeHasFieldErrorCode("form", "agreementAccepted",
					"account.register.agreement.required"))
			.andExpect(content().string(Matchers.containsString("请阅读并同意用户协议。")))
			.andExpect(content().string(Matchers.containsString("密码至少需要8个字符。")));

		assertThat(jdbc.sql("select attempts from one_time_code where mobile_hmac = ?")
			.param(cipher.blindIndex(mobile))
			.query(Integer.class)
			.single()).isZero();
		register(code, "测试职工", id("fj-fuzhou")).andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void keepsTheChosenOrganisationWhenTheFormComesBack() throws Exception {
		String code = requestCode(AccountFixtures.uniqueMobile());

		mvc.perform(post("/register").with(session)
			.with(csrf())
			.param("code", code)
			.param("organisationIds", String.valueOf(id("fj-fuzhou")), String.valueOf(id("demo-county")), ""))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(Matchers.containsString("<option value=\"" + id("demo-county") + "\" selected=\"selected\">")))
			.andExpect(content().string(Matchers.containsString("演示制造集团工会")));
	}

	@Test
	void step2NeedsACodeRequestedInThisSession() throws Exception {
		mvc.perform(post("/register").with(new SessionCookies()).with(csrf()).param("code", "123456"))
			.andExpect(redirectedUrl("/register"))
			.andExpect(flash().attribute("flashError", "请先获取短信验证码。"));
	}

	private String requestCode(String mobile) throws Exception {
		mvc.perform(post("/register/code").with(fromItsOwnAddress()).with(session).with(csrf()).param("mobile", mobile))
			.andExpect(redirectedUrl("/register"));
		return sms.lastCodeTo(mobile);
	}

	private ResultActions register(String code, String displayName, long... organisationIds) throws Exception {
		MockHttpServletRequestBuilder request = post("/register").with(session)
			.with(csrf())
			.param("code", code)
			.param("displayName", displayName)
			.param("participantKind", "WORKER")
			.param("password", PASSWORD)
			.param("passwordRepeat", PASSWORD)
			.param("agreementAccepted", "true");
		for (long organisationId : organisationIds) {
			request.param("organisationIds", String.valueOf(organisationId));
		}
		return mvc.perform(request);
	}

	private int registered(String mobile) {
		return jdbc.sql("select count(*) from account where mobile_hmac = ?")
			.param(cipher.blindIndex(mobile))
			.query(Integer.class)
			.single();
	}

	private long id(String code) {
		return jdbc.sql("select id from organisation where code = ?").param(code).query(Long.class).single();
	}

}
