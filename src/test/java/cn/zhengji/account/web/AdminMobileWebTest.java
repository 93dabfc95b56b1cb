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

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.zhengji.account.AccountFixtures;
import cn.zhengji.account.AccountFixtures.Fixture;
import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.SessionCookies;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 10 item 9: an admin (created without a mobile number) registers one, proved with
 * a code, to receive notices by text message. The number is stored like a participant's:
 * SM4 ciphertext, blind index, masked copy.
 */
@AccountTestContext
class AdminMobileWebTest {

	static final AtomicInteger ADDRESSES = new AtomicInteger();

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

	@Test
	void anAdminRegistersAMobileWithACodeAndMayThenOptInToTextMessages() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		SignedInUser principal = fixtures.signedIn(admin);
		String mobile = AccountFixtures.uniqueMobile();
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		SessionCookies session = new SessionCookies();

		mvc.perform(get("/notices/settings").with(user(principal)))
			.andExpect(content().string(Matchers.containsString("href=\"/account/mobile\"")));
		mvc.perform(get("/account/mobile").with(user(principal)).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("接收通知的手机号")));

		mvc.perform(post("/account/mobile/code").with(user(principal))
			.with(from())
			.with(csrf())
			.with(session)
			.param("mobile", mobile))
			.andExpect(redirectedUrl("/account/mobile"))
			.andExpect(flash().attribute("flashSuccess", "验证码已发送至 " + masked + "，5分钟内有效。"));
		assertThat(sms.sentTo(mobile)).hasSize(1);
		assertThat(sms.sentTo(mobile).getFirst().text()).startsWith("【职工网络正能量作品申报平台】您正在设置接收通知的手机号，验证码为");

		mvc.perform(post("/account/mobile").with(user(principal))
			.with(csrf())
			.with(session)
			.param("code", sms.lastCodeTo(mobile)))
			.andExpect(redirectedUrl("/notices/settings"))
			.andExpect(flash().attribute("flashSuccess", "接收通知的手机号已设置为 " + masked + "，现在可以开启短信通知。"));

		Map<String, Object> row = jdbc.sql("select mobile_masked, mobile_cipher, mobile_hmac from account where id = ?")
			.param(admin.id())
			.query()
			.singleRow();
		assertThat(row).containsEntry("mobile_masked", masked);
		byte[] stored = (byte[]) row.get("mobile_cipher");
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(mobile);
		assertThat(cipher.decrypt(stored)).isEqualTo(mobile);
		assertThat((byte[]) row.get("mobile_hmac")).isEqualTo(cipher.blindIndex(mobile));
		assertThat(jdbc.sql("""
				select summary from audit_event where action = 'UPDATED' and target_type = 'account' and target_id = ?
				""").param(String.valueOf(admin.id())).query(String.class).list())
			.containsExactly("设置接收通知的手机号 " + masked);
		assertThat(jdbc.sql(
				"select count(*) from audit_event where position(? in coalesce(summary, '') || coalesce(after_state::text, '')) > 0")
			.param(mobile)
			.query(Integer.class)
			.single()).isZero();

		mvc.perform(get("/notices/settings").with(user(principal)))
			.andExpect(content().string(Matchers.containsString(masked)))
			.andExpect(content().string(Matchers.containsString("name=\"sms\"")));
	}

	@Test
	void aNumberAnotherAccountHoldsIsRefusedBeforeAnyCodeIsSent() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-fuzhou");
		Fixture worker = fixtures.participant("fj-fuzhou");

		mvc.perform(post("/account/mobile/code").with(user(fixtures.signedIn(admin)))
			.with(from())
			.with(csrf())
			.param("mobile", worker.mobile()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("该手机号已被其他账号使用。")));
		assertThat(sms.sentTo(worker.mobile())).isEmpty();
	}

	@Test
	void aWrongCodeStoresNothing() throws Exception {
		Fixture admin = fixtures.orgAdmin("fj-xiamen");
		SignedInUser principal = fixtures.signedIn(admin);
		String mobile = AccountFixtures.uniqueMobile();
		SessionCookies session = new SessionCookies();
		mvc.perform(post("/account/mobile/code").with(user(principal))
			.with(from())
			.with(csrf())
			.with(session)
			.param("mobile", mobile)).andExpect(redirectedUrl("/account/mobile"));
		String wrong = sms.lastCodeTo(mobile).equals("000000") ? "111111" : "000000";

		mvc.perform(post("/account/mobile").with(user(principal)).with(csrf()).with(session).param("code", wrong))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("验证码不正确，还可尝试4次。")));
		assertThat(jdbc.sql("select mobile_masked from account where id = ?").param(admin.id()).query().singleRow())
			.containsEntry("mobile_masked", null);
	}

	@Test
	void participantsAreToldThereIsNothingHereTheirMobileIsTheirLogin() throws Exception {
		Fixture worker = fixtures.participant("fj-fuzhou");
		mvc.perform(get("/account/mobile").with(user(fixtures.signedIn(worker)))).andExpect(status().isNotFound());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from() {
		String address = "192.0.2." + (10 + ADDRESSES.incrementAndGet());
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
