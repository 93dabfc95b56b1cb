package cn.zhengji.voting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.Cookie;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MutableClock;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.account.SessionCookies;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 items 4 and 6 through MVC and the real security configuration, signed out: a
 * mobile number proved by a one-time code makes a voter; the panel and the vote in HTML
 * (htmx) and JSON, the daily limit, refusals as Chinese problem details, CSRF; the
 * admins' pages for the campaign's admins only, numbers masked, voiding and settings.
 */
@AccountTestContext
class VotingWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	VotingSettings settings;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	VotingScenery scenery;

	String address;

	@BeforeEach
	void scenery() {
		clock.useSystemTime();
		scenery = new VotingScenery(administration, campaigns, organisations, accounts, entries, 2);
		address = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	@AfterEach
	void systemTime() {
		clock.useSystemTime();
	}

	@Test
	void aMemberOfThePublicProvesTheNumberAndVotesOnceADay() throws Exception {
		Instant now = Instant.now();
		scenery.open(settings, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5)), 1, false, null);
		long work = scenery.works[0];
		SessionCookies session = new SessionCookies();

		// the panel before: no count while the vote runs (hidden until the end), verify
		// first
		String panel = mvc.perform(get("/vote/works/" + work + "/panel").with(session).with(from()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(panel).contains("投票结束后公布", "验证手机号后投票", "href=\"/vote/verify?next=/showcase/works/" + work + "\"");
		// the showcase shows the work with the panel
		assertThat(mvc.perform(get("/showcase/works/" + work)).andReturn().getResponse().getContentAsString())
			.contains("hx-get=\"/vote/works/" + work + "/panel\"", "/js/vote-");

		// a vote without a proved number
		mvc.perform(
				post("/vote/works/" + work).with(session).with(csrf()).with(from()).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("请先验证手机号再投票。"));

		String mobile = TestAccounts.uniqueMobile();
		assertThat(mvc.perform(get("/vote/verify").param("next", "/showcase/works/" + work).with(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("验证手机号", "获取验证码");
		assertThat(page(post("/vote/verify/code").param("mobile", "12345").with(session))).contains("手机号");
		assertThat(page(post("/vote/verify/code").param("mobile", mobile)
			.param("next", "/showcase/works/" + work)
			.with(session))).contains("验证码已发送");
		// a wrong code is refused in Chinese
		assertThat(page(post("/vote/verify").param("mobile", mobile).param("code", "000000").with(session)))
			.contains("验证码");
		String code = sms.lastCodeTo(mobile);
		// a foreign address is no place to go back to
		mvc.perform(post("/vote/verify").param("mobile", mobile)
			.param("code", code)
			.param("next", "https://evil.example/showcase")
			.with(session)
			.with(csrf())
			.with(from())).andExpect(redirectedUrl("/showcase"));

		assertThat(page(get("/vote/works/" + work + "/panel").with(session))).contains("投票")
			.contains("hx-post=\"/vote/works/" + work + "\"")
			.contains(mobile.substring(0, 3) + "****" + mobile.substring(7));
		// htmx: the panel again, with the outcome
		assertThat(page(post("/vote/works/" + work).with(session).header("HX-Request", "true")))
			.contains("投票成功，感谢您的支持！");
		assertThat(page(post("/vote/works/" + work).with(session).header("HX-Request", "true")))
			.contains("您今天已为本作品投过票，请明天再来。");
		// JSON: the refusal as a problem detail in Chinese
		mvc.perform(
				post("/vote/works/" + work).with(session).with(csrf()).with(from()).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("您今天已为本作品投过票，请明天再来。"))
			.andExpect(jsonPath("$.outcome").value("DAILY_LIMIT"));
		mvc.perform(post("/vote/works/" + scenery.works[1]).with(session)
			.with(csrf())
			.with(from())
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("COUNTED"))
			.andExpect(jsonPath("$.message").value("投票成功，感谢您的支持！"));
		// a work in no vote
		mvc.perform(post("/vote/works/1").with(session).with(csrf()).with(from()).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("本作品当前不在投票中。"));

		// from another site nothing is counted (the vote has no CSRF token: its chain has
		// no session; the browser's fetch metadata or Origin decides, with
		// SameSite=Strict)
		long before = count(scenery.works[0]);
		String crossSite = "请求来自其他网站，已拒绝";
		mvc.perform(post("/vote/works/" + scenery.works[0]).with(session)
			.header("Sec-Fetch-Site", "cross-site")
			.with(from())
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(crossSite));
		mvc.perform(post("/vote/works/" + scenery.works[0]).with(session)
			.header("Origin", "https://evil.example")
			.with(from())
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(crossSite));
		mvc.perform(post("/vote/works/" + scenery.works[0]).with(session).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}).accept(MediaType.APPLICATION_JSON)).andExpect(status().isForbidden());
		assertThat(count(scenery.works[0])).isEqualTo(before).isEqualTo(1);
		// the device cookie was set for the per-device limits
		assertThat(jdbc.sql("select count(distinct device) from vote where entry_id = ?")
			.param(work)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aVoteIsTakenByTheSignedVoterCookieAloneAndNeverTouchesTheSession() throws Exception {
		Instant now = Instant.now();
		scenery.open(settings, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5)), 1, false, null);
		String mobile = TestAccounts.uniqueMobile();
		SessionCookies session = new SessionCookies();
		page(post("/vote/verify/code").param("mobile", mobile).with(session));
		MockHttpServletResponse verified = mvc
			.perform(post("/vote/verify").param("mobile", mobile)
				.param("code", sms.lastCodeTo(mobile))
				.with(session)
				.with(csrf())
				.with(from()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse();
		Cookie cookie = verified.getCookie("ZJVOTER");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getPath()).isEqualTo("/vote");
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Strict");
		assertThat(cookie.getValue()).contains(mobile.substring(0, 3) + "****" + mobile.substring(7));
		String sessionId = new String(Base64.getDecoder().decode(session.id()), StandardCharsets.UTF_8);
		long lastAccess = lastAccess(sessionId);

		// the cookie alone (no session cookie, no CSRF token): counted, and no session
		// made
		MockHttpServletResponse voted = mvc
			.perform(post("/vote/works/" + scenery.works[0]).cookie(new Cookie("ZJVOTER", cookie.getValue()))
				.header("Sec-Fetch-Site", "same-origin")
				.with(from())
				.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("COUNTED"))
			.andReturn()
			.getResponse();
		assertThat(voted.getCookie("ZJSESSION")).isNull();
		// with the session cookie too: the session is neither read into the vote nor
		// written back
		mvc.perform(
				post("/vote/works/" + scenery.works[1]).with(session).with(from()).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk());
		assertThat(lastAccess(sessionId)).isEqualTo(lastAccess);
		assertThat(count(scenery.works[0])).isEqualTo(1);

		// a forged cookie: another voter's id under this signature, or a made-up
		// signature
		String[] parts = cookie.getValue().split("\\.");
		String otherVoter = (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2] + "." + parts[3];
		String madeUp = parts[0] + "." + parts[1] + "." + parts[2] + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
		String later = parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2] + "." + parts[3];
		for (String forged : List.of(otherVoter, madeUp, later, "1.2.3", "")) {
			mvc.perform(post("/vote/works/" + scenery.works[0]).cookie(new Cookie("ZJVOTER", forged))
				.with(from())
				.accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.detail").value("请先验证手机号再投票。"));
		}
		// an expired one: a week and a day later
		clock.set(now.plus(Duration.ofDays(8)));
		mvc.perform(post("/vote/works/" + scenery.works[0]).cookie(new Cookie("ZJVOTER", cookie.getValue()))
			.with(from())
			.accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
		assertThat(count(scenery.works[0])).isEqualTo(1);
	}

	private long lastAccess(String sessionId) {
		return jdbc.sql("select last_access_time from spring_session where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	@Test
	void aClosedVoteShowsItsCountAndRefusesVotes() throws Exception {
		Instant now = Instant.now();
		scenery.open(settings, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)), 1, false, null);
		assertThat(page(get("/vote/works/" + scenery.works[0] + "/panel"))).contains("当前票数", "当前不在投票时间内")
			.doesNotContain("投票结束后公布");
	}

	@Test
	void onlyTheCampaignsAdminsSeeTheVotesMaskedAndVoidThem() throws Exception {
		Instant now = Instant.now();
		scenery.open(settings, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5)), 1, true, null);
		String mobile = TestAccounts.uniqueMobile();
		SessionCookies session = new SessionCookies();
		page(post("/vote/verify/code").param("mobile", mobile).with(session));
		mvc.perform(post("/vote/verify").param("mobile", mobile)
			.param("code", sms.lastCodeTo(mobile))
			.with(session)
			.with(csrf())
			.with(from())).andExpect(status().is3xxRedirection());
		page(post("/vote/works/" + scenery.works[0]).with(session));
		String base = "/admin/campaigns/" + scenery.campaign.code() + "/votes";

		// signed out: to the sign-in page; other admins, experts, participants: 404
		mvc.perform(get(base)).andExpect(status().is3xxRedirection());
		Organisation city = organisations.byCode("fj-fuzhou");
		List<SignedInUser> outsiders = List.of(accounts.signedIn(accounts.admin(city).create()).withPasswordChanged(),
				accounts.signedIn(accounts.staff(Role.EXPERT, city).create()).withPasswordChanged(),
				accounts.signedIn(accounts.participant(city).withMobile().create()));
		for (SignedInUser outsider : outsiders) {
			for (String path : List.of(base, base + "/settings", base + "/anomalies.xlsx")) {
				mvc.perform(get(path).with(user(outsider))).andExpect(status().isNotFound());
			}
			mvc.perform(post(base + "/anomalies/void").param("kind", "ADDRESS")
				.param("key", address)
				.param("reason", "x")
				.with(user(outsider))
				.with(csrf())).andExpect(status().isNotFound());
		}
		assertThat(count(scenery.works[0])).isEqualTo(1);

		SignedInUser admin = scenery.hostAdmin;
		String overview = mvc.perform(get(base).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(overview).contains("网络投票", "投票作品1", mobile.substring(0, 3) + "****" + mobile.substring(7))
			.doesNotContain(mobile);
		assertThat(mvc.perform(get("/admin/campaigns/" + scenery.campaign.code()).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("href=\"" + base + "\"");
		long voteId = jdbc.sql("select id from vote where entry_id = ?")
			.param(scenery.works[0])
			.query(Long.class)
			.single();
		// a reason is required
		mvc.perform(post(base + "/" + voteId + "/void").param("reason", " ").with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "请填写作废原因。"));
		assertThat(count(scenery.works[0])).isEqualTo(1);
		mvc.perform(post(base + "/" + voteId + "/void").param("reason", "核实为刷票").with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashSuccess", "已作废 1 票。"));
		assertThat(count(scenery.works[0])).isZero();
		mvc.perform(get(base + "/anomalies.xlsx").with(user(admin))).andExpect(status().isOk());

		// settings: shown, saved, refused in Chinese
		assertThat(mvc.perform(get(base + "/settings").with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("投票设置", "网络正能量歌曲征集", "每人每天每件作品票数");
		String refused = mvc
			.perform(post(base + "/settings").param("categoryCode", "song")
				.param("opensAt", "2026-12-10T10:00")
				.param("closesAt", "2026-12-01T10:00")
				.param("votesPerDay", "1")
				.with(user(admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("投票结束时间须晚于开始时间。");
		assertThat(mvc
			.perform(post(base + "/settings").param("categoryCode", "song")
				.param("opensAt", "nonsense")
				.param("closesAt", "2026-12-01T10:00")
				.with(user(admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("请填写时间。");
		mvc.perform(post(base + "/settings").param("categoryCode", "song")
			.param("opensAt", "2026-12-01T08:00")
			.param("closesAt", "2026-12-20T20:00")
			.param("votesPerDay", "3")
			.param("weight", "2")
			.with(user(admin))
			.with(csrf())).andExpect(redirectedUrl(base + "/settings"));
		VoteSetting saved = settings.of(scenery.campaign).get(scenery.song.id());
		assertThat(saved.votesPerDay()).isEqualTo(3);
		assertThat(saved.weight()).isEqualTo(2);
		assertThat(saved.countsPublic()).isFalse();
		assertThat(saved.roundId()).isNull();
		assertThat(saved.opensAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
	}

	private long count(long work) {
		return jdbc.sql("select coalesce(sum(weight), 0) from vote where entry_id = ? and voided_at is null")
			.param(work)
			.query(Long.class)
			.single();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf()).with(from()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * This test's client address (its own per-address limits), from our own pages: the
	 * browser's Origin unless the request says where it comes from itself.
	 */
	private RequestPostProcessor from() {
		return (request) -> {
			request.setRemoteAddr(address);
			if (request.getHeader("Origin") == null && request.getHeader("Sec-Fetch-Site") == null) {
				request.addHeader("Origin", "http://localhost");
			}
			return request;
		};
	}

}
