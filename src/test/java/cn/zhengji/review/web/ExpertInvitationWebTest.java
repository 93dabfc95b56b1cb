package cn.zhengji.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MutableClock;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.account.SessionCookies;
import cn.zhengji.account.web.SecondFactorPages;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 12 item 1 through the pages, the real sign-in and the database: a campaign's
 * admin invites an expert into a round's pool; the one-time password goes by SMS and is
 * shown once; the expert's first sign-in with it asks for the second factor and then a
 * new password before anything else; a number that is already an expert's reuses that
 * account; anyone but the campaign's admins gets a 404.
 */
@AccountTestContext
class ExpertInvitationWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	MutableClock clock;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	JdbcClient jdbc;

	SignedInUser provinceAdmin;

	Organisation city;

	String code;

	long firstRound;

	long secondRound;

	@BeforeEach
	void aRoundOfACopiedCampaign() {
		// The middle of a 30-second step, so that a TOTP code typed now is unambiguous.
		clock.set(Instant.ofEpochSecond(Totp.step(Instant.now()) * 30 + 15));
		Organisation province = organisations.byCode("fj");
		provinceAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		city = organisations.create(province, "邀请测试市总工会", OrganisationKind.CITY);
		code = "invite-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "专家邀请测试活动", 2020);
		Category song = campaigns.category(campaigns.getByCode(code), "song").orElseThrow();
		List<ReviewRound> rounds = campaigns.reviewRounds(song.id());
		firstRound = rounds.get(0).id();
		secondRound = rounds.get(1).id();
	}

	@AfterEach
	void restartTheClock() {
		clock.useSystemTime();
	}

	@Test
	void anInvitedExpertGetsTheOneTimePasswordBySmsJoinsThePoolAndMustEnrolAndChangeThePasswordAtFirstSignIn()
			throws Exception {
		String mobile = TestAccounts.uniqueMobile();

		SessionCookies adminSession = new SessionCookies();
		MvcResult invited = mvc.perform(invite(provinceAdmin, firstRound, "林评审", city.id(), mobile).with(adminSession))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(poolPage(firstRound)))
			.andReturn();
		@SuppressWarnings("unchecked")
		Map<String, String> shown = (Map<String, String>) invited.getFlashMap().get("invited");
		String password = shown.get("password");
		assertThat(password).hasSizeGreaterThanOrEqualTo(12);
		assertThat(sms.sentTo(mobile)).singleElement()
			.satisfies((sent) -> assertThat(sent.text()).contains("林评审").contains(password));

		long expert = accountIdOf(mobile);
		assertThat(jdbc.sql("select role, must_change_password, username is null from account where id = ?")
			.param(expert)
			.query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
			.single()).containsExactly("EXPERT", true, true);
		assertThat(jdbc.sql("select work_unit || '/' || expertise from expert_profile where account_id = ?")
			.param(expert)
			.query(String.class)
			.single()).isEqualTo("福州大学/网络视听");
		assertThat(poolMembers(firstRound)).containsExactly(expert);
		assertThat(audits("account", expert, "CREATED")).isEqualTo(1);
		assertThat(audits("review_pool_member", expert, "CREATED")).isEqualTo(1);

		// The pool page shows the password once, and the expert with unit, expertise and
		// the masked number.
		String page = mvc.perform(get(poolPage(firstRound)).with(user(provinceAdmin)).with(adminSession))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<code id=\"one-time-password\">" + password + "</code>")
			.contains("林评审", city.name(), "福州大学", "网络视听", mobile.substring(0, 3) + "****" + mobile.substring(7))
			.doesNotContain(mobile);
		assertThat(mvc.perform(get(poolPage(firstRound)).with(user(provinceAdmin)).with(adminSession))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(password);

		// First sign-in: the mobile number and the one-time password, then the second
		// factor, then a new password, and only then the workbench.
		SessionCookies session = new SessionCookies();
		mvc.perform(post("/sign-in").with(session).with(csrf()).param("username", mobile).param("password", password))
			.andExpect(redirectedUrl("/workbench"));
		mvc.perform(get("/workbench").with(session)).andExpect(redirectedUrl("/account/second-factor"));
		mvc.perform(get("/account/password").with(session)).andExpect(redirectedUrl("/account/second-factor"));
		mvc.perform(get("/account/second-factor").with(session))
			.andExpect(redirectedUrl("/account/second-factor/enrol"));
		SecondFactorPages.enrol(mvc, session, clock.instant());
		mvc.perform(get("/workbench").with(session)).andExpect(redirectedUrl("/account/password"));
		String newPassword = "Lin-Pingshen#2026x";
		mvc.perform(post("/account/password").with(session)
			.with(csrf())
			.param("currentPassword", password)
			.param("newPassword", newPassword)
			.param("newPasswordRepeat", newPassword)).andExpect(redirectedUrl("/workbench"));
		mvc.perform(get("/workbench").with(session)).andExpect(status().isOk());
		assertThat(jdbc.sql("select must_change_password from account where id = ?")
			.param(expert)
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void theNumberOfAnExistingExpertReusesThatAccountWithoutANewPassword() throws Exception {
		String mobile = TestAccounts.uniqueMobile();
		mvc.perform(invite(provinceAdmin, firstRound, "陈专家", city.id(), mobile)).andExpect(status().isFound());
		long expert = accountIdOf(mobile);
		String hash = passwordHash(expert);

		mvc.perform(invite(provinceAdmin, secondRound, "陈专家", city.id(), mobile))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "陈专家 已是评审专家，已加入本轮专家库（密码未改变）。"))
			.andExpect(flash().attributeCount(1));

		assertThat(jdbc.sql("select count(*) from account where mobile_hmac = ?")
			.param(cipher.blindIndex(mobile))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(passwordHash(expert)).isEqualTo(hash);
		assertThat(sms.sentTo(mobile)).hasSize(1);
		assertThat(poolMembers(firstRound)).containsExactly(expert);
		assertThat(poolMembers(secondRound)).containsExactly(expert);
	}

	@Test
	void theNumberOfAnotherKindOfAccountAndBadFieldsAreRefusedInChineseAndNothingIsStored() throws Exception {
		var participant = accounts.participant(city).withMobile().create();

		String refused = mvc.perform(invite(provinceAdmin, firstRound, "王专家", city.id(), participant.mobile()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("该手机号已被其他非评审专家账号使用，不能邀请为评审专家。");

		String mobile = TestAccounts.uniqueMobile();
		String invalid = mvc.perform(invite(provinceAdmin, firstRound, "", null, "12345"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(invalid).contains("请选择专家所属单位（组织树中的单位，用于判断回避）", "请输入正确的11位手机号。");
		assertThat(poolMembers(firstRound)).isEmpty();
		assertThat(sms.sentTo(participant.mobile())).isEmpty();
		assertThat(sms.sentTo(mobile)).isEmpty();
	}

	@Test
	void onlyTheCampaignsAdminsInviteAndSeeThePool() throws Exception {
		SignedInUser cityAdmin = accounts.signedIn(accounts.admin(city).create()).withPasswordChanged();
		SignedInUser expert = accounts.signedIn(accounts.staff(Role.EXPERT, city).create()).withPasswordChanged();
		SignedInUser participant = accounts.signedIn(accounts.participant(city).withMobile().create());
		String mobile = TestAccounts.uniqueMobile();

		for (SignedInUser outsider : List.of(cityAdmin, expert, participant)) {
			mvc.perform(invite(outsider, firstRound, "赵专家", city.id(), mobile)).andExpect(status().isNotFound());
			mvc.perform(get(poolPage(firstRound)).with(user(outsider))).andExpect(status().isNotFound());
		}
		// A round of another campaign under this campaign's address is not found either.
		Category otherSong = campaigns.category(campaigns.getByCode("fujian-2024"), "song").orElseThrow();
		long otherRound = campaigns.reviewRounds(otherSong.id()).getFirst().id();
		mvc.perform(get(poolPage(otherRound)).with(user(provinceAdmin))).andExpect(status().isNotFound());
		assertThat(sms.sentTo(mobile)).isEmpty();
		assertThat(jdbc.sql("select count(*) from account where mobile_hmac = ?")
			.param(cipher.blindIndex(mobile))
			.query(Long.class)
			.single()).isZero();
	}

	private MockHttpServletRequestBuilder invite(SignedInUser actor, long roundId, String name, Long unit,
			String mobile) {
		return post(poolPage(roundId) + "/invite").with(user(actor))
			.with(csrf())
			.param("displayName", name)
			.param("organisationId", unit == null ? "" : unit.toString())
			.param("workUnit", "福州大学")
			.param("expertise", "网络视听")
			.param("mobile", mobile);
	}

	private String poolPage(long roundId) {
		return "/admin/campaigns/" + code + "/review/rounds/" + roundId + "/pool";
	}

	private long accountIdOf(String mobile) {
		return jdbc.sql("select id from account where mobile_hmac = ?")
			.param(cipher.blindIndex(mobile))
			.query(Long.class)
			.single();
	}

	private String passwordHash(long id) {
		return jdbc.sql("select password_hash from account where id = ?").param(id).query(String.class).single();
	}

	private List<Long> poolMembers(long roundId) {
		return jdbc.sql("select expert_id from review_pool_member where round_id = ? order by expert_id")
			.param(roundId)
			.query(Long.class)
			.list();
	}

	private long audits(String targetType, long targetId, String action) {
		return jdbc.sql("select count(*) from audit_event where target_type = ? and target_id = ? and action = ?")
			.params(targetType, Long.toString(targetId), action)
			.query(Long.class)
			.single();
	}

}
