package cn.zhengji.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 10 item 9: a participant who forgot the password proves the mobile number with a
 * code (the registration's codes and limits) and chooses a new one. The page says the
 * same whether or not the number is registered; the code works once; the reset is
 * audited.
 */
@AccountTestContext
class PasswordResetWebTest {

	static final String NEW_PASSWORD = "Reset#New2026";

	static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	JdbcIndexedSessionRepository storedSessions;

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
		clock.set(Instant.parse("2026-06-02T01:00:00Z"));
	}

	@AfterEach
	void restartTheClock() {
		clock.useSystemTime();
	}

	@Test
	void theSignInPageLinksToTheResetAndTheResetPageIsPublic() throws Exception {
		mvc.perform(get("/sign-in"))
			.andExpect(content().string(Matchers.containsString("href=\"/password-reset\"")))
			.andExpect(content().string(Matchers.containsString(">忘记密码？</a>")));
		mvc.perform(get("/password-reset"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("找回密码")))
			.andExpect(content().string(Matchers.containsString("name=\"mobile\"")));
	}

	@Test
	void aParticipantResetsTheirPasswordWithACodeThatWorksOnceAndTheResetIsAudited() throws Exception {
		Fixture worker = fixtures.participant("fj-fuzhou");
		String masked = worker.mobile().substring(0, 3) + "****" + worker.mobile().substring(7);
		jdbc.sql("update account set failed_sign_ins = 5, locked_until = ? where id = ?")
			.params(Instant.parse("2026-06-02T01:10:00Z").atOffset(java.time.ZoneOffset.UTC), worker.id())
			.update();

		sendCode(worker.mobile(), session).andExpect(redirectedUrl("/password-reset"))
			.andExpect(flash().attribute("flashSuccess", "如该手机号已注册，验证码已发送至 " + masked + "，5分钟内有效。"));
		assertThat(sms.sentTo(worker.mobile())).hasSize(1);
		assertThat(sms.sentTo(worker.mobile()).getFirst().text()).startsWith("【职工网络正能量作品申报平台】您正在找回密码，验证码为");
		String code = sms.lastCodeTo(worker.mobile());

		mvc.perform(get("/password-reset").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(masked)))
			.andExpect(content().string(Matchers.containsString("name=\"code\"")))
			.andExpect(content().string(Matchers.containsString("name=\"newPassword\"")));

		reset(code, NEW_PASSWORD, NEW_PASSWORD, session).andExpect(redirectedUrl("/sign-in"))
			.andExpect(flash().attribute("flashSuccess", "密码已重置，请使用新密码登录。"));

		mvc.perform(formLogin("/sign-in").user(worker.mobile()).password(AccountFixtures.PASSWORD))
			.andExpect(unauthenticated());
		mvc.perform(formLogin("/sign-in").user(worker.mobile()).password(NEW_PASSWORD))
			.andExpect(redirectedUrl("/workbench"))
			.andExpect(authenticated().withRoles("PARTICIPANT"));

		assertThat(jdbc.sql("""
				select summary from audit_event
				where action = 'UPDATED' and target_type = 'account' and target_id = ? and actor_id = ?
				""").params(String.valueOf(worker.id()), worker.id()).query(String.class).list())
			.containsExactly("通过短信验证码重置密码（手机号 " + masked + "）");

		// The code was used: the same code, again, on a fresh session that knows the
		// number, resets nothing.
		@SuppressWarnings("unchecked")
		SessionRepository<Session> repository = (SessionRepository<Session>) (SessionRepository<?>) storedSessions;
		Session stored = repository.createSession();
		stored.setAttribute("cn.zhengji.account.web.PasswordResetController.mobile", worker.mobile());
		repository.save(stored);
		SessionCookies again = SessionCookies.forSession(stored.getId());
		reset(code, "Other#New2026", "Other#New2026", again).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("请先获取短信验证码。")));
		mvc.perform(formLogin("/sign-in").user(worker.mobile()).password(NEW_PASSWORD)).andExpect(authenticated());
	}

	@Test
	void anUnregisteredNumberGetsTheSameAnswerAndNoMessage() throws Exception {
		String stranger = AccountFixtures.uniqueMobile();
		String masked = stranger.substring(0, 3) + "****" + stranger.substring(7);

		sendCode(stranger, session).andExpect(redirectedUrl("/password-reset"))
			.andExpect(flash().attribute("flashSuccess", "如该手机号已注册，验证码已发送至 " + masked + "，5分钟内有效。"));
		assertThat(sms.sentTo(stranger)).isEmpty();

		// Guessing a code for it is answered like a wrong code for a registered number.
		reset("123456", NEW_PASSWORD, NEW_PASSWORD, session).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("验证码不正确，还可尝试4次。")));
		assertThat(jdbc.sql("select count(*) from account where mobile_hmac = ?")
			.param(cipher.blindIndex(stranger))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void codesAreRateLimitedAsForRegistrationWhetherOrNotTheNumberIsRegistered() throws Exception {
		Fixture worker = fixtures.participant("fj-fuzhou");
		String stranger = AccountFixtures.uniqueMobile();
		for (String mobile : new String[] { worker.mobile(), stranger }) {
			sendCode(mobile, new SessionCookies()).andExpect(redirectedUrl("/password-reset"));
			clock.advance(Duration.ofSeconds(45));
			sendCode(mobile, new SessionCookies()).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("获取验证码过于频繁，请15秒后再试。")));
		}
		assertThat(sms.sentTo(worker.mobile())).hasSize(1);

		// The per-address limit is the registration's: shared by both kinds of code.
		RequestPostProcessor office = from("203.0.113." + (100 + ADDRESSES.incrementAndGet()));
		for (int i = 0; i < 30; i++) {
			mvc.perform(post("/register/code").with(office)
				.with(csrf())
				.with(new SessionCookies())
				.param("mobile", AccountFixtures.uniqueMobile())).andExpect(redirectedUrl("/register"));
		}
		mvc.perform(post("/password-reset/code").with(office)
			.with(csrf())
			.with(new SessionCookies())
			.param("mobile", worker.mobile()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("当前网络获取验证码过于频繁，请一小时后再试。")));
	}

	@Test
	void aNewPasswordOutsideThePolicyIsRefusedAndTheCodeStaysUsable() throws Exception {
		Fixture worker = fixtures.participant("fj-xiamen");
		sendCode(worker.mobile(), session);
		String code = sms.lastCodeTo(worker.mobile());

		reset(code, "short", "short", session).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("密码至少需要8个字符。")));
		reset(code, NEW_PASSWORD, NEW_PASSWORD, session).andExpect(redirectedUrl("/sign-in"));
	}

	private ResultActions sendCode(String mobile, SessionCookies on) throws Exception {
		return mvc.perform(post("/password-reset/code").with(from("198.18.0." + ADDRESSES.incrementAndGet()))
			.with(on)
			.with(csrf())
			.param("mobile", mobile));
	}

	private ResultActions reset(String code, String password, String repeat, SessionCookies on) throws Exception {
		return mvc.perform(post("/password-reset").with(on)
			.with(csrf())
			.param("code", code)
			.param("newPassword", password)
			.param("newPasswordRepeat", repeat));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
