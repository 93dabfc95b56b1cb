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

import java.util.Map;

import cn.zhengji.account.AccountFixtures;
import cn.zhengji.account.AccountFixtures.Fixture;
import cn.zhengji.account.AccountTestContext;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.TestEntries;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 10 item 9: a participant edits name, identity and organisation. An organisation
 * change is refused, naming the entries, while entries filed under the present
 * organisation are still in progress (draft, in the approval chain, returned): each entry
 * goes up the chain of the organisation it was created under. The submission module is
 * asked through its API.
 */
@AccountTestContext
class ProfileWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	Campaigns campaigns;

	@Test
	void aParticipantChangesNameIdentityAndOrganisationAndTheChangeIsAudited() throws Exception {
		Fixture worker = fixtures.participant("fj-fuzhou");

		mvc.perform(get("/account/profile").with(user(fixtures.signedIn(worker))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("个人资料")))
			.andExpect(content().string(Matchers.containsString("value=\"测试职工" + worker.mobile().substring(7))));

		save(worker, "改名职工", "UNION_CADRE", id("fj-fuzhou"), id("demo-county"))
			.andExpect(redirectedUrl("/account/profile"))
			.andExpect(flash().attribute("flashSuccess", "个人资料已保存。"));

		Map<String, Object> row = jdbc.sql("""
				select a.display_name, a.participant_kind, o.code from account a
				join organisation o on o.id = a.organisation_id where a.id = ?
				""").param(worker.id()).query().singleRow();
		assertThat(row).containsEntry("display_name", "改名职工")
			.containsEntry("participant_kind", "UNION_CADRE")
			.containsEntry("code", "demo-county");
		assertThat(jdbc.sql("""
				select summary from audit_event where action = 'UPDATED' and target_type = 'account' and target_id = ?
				""").param(String.valueOf(worker.id())).query(String.class).list())
			.containsExactly("修改个人资料（姓名、身份、所属工会组织：福州市总工会 → 演示区总工会（福州））");
	}

	@Test
	void anOrganisationChangeIsRefusedNamingTheEntriesStillInProgressAndNothingIsStored() throws Exception {
		Fixture worker = fixtures.participant("fj-fuzhou");
		TestEntries entries = new TestEntries(jdbc);
		Campaign campaign = campaigns.getByCode("fujian-2024");
		long category = campaigns.categories(campaign).getFirst().id();
		var fuzhou = organisations.getByCode("fj-fuzhou");
		long submitted = entries.draft(campaign, category, fuzhou, worker.id(), worker.id(), "审核中的作品");
		entries.waitAt(submitted, fuzhou);
		entries.draft(campaign, category, fuzhou, worker.id(), worker.id(), "未提交的草稿");
		long withdrawn = entries.draft(campaign, category, fuzhou, worker.id(), worker.id(), "已撤回的作品");
		jdbc.sql("update entry set state = 'WITHDRAWN' where id = ?").param(withdrawn).update();

		save(worker, "新名字", "WORKER", id("fj-xiamen")).andExpect(status().isOk())
			.andExpect(content().string(Matchers
				.containsString("您有作品仍以“福州市总工会”申报且尚未办结，暂不能更改所属工会组织：《审核中的作品》（已提交（待福州市总工会审核））、《未提交的草稿》（草稿）。")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("已撤回的作品"))));

		assertThat(jdbc.sql("""
				select a.display_name || '/' || o.code from account a
				join organisation o on o.id = a.organisation_id where a.id = ?
				""").param(worker.id()).query(String.class).single())
			.isEqualTo("测试职工" + worker.mobile().substring(7) + "/fj-fuzhou");

		// The name alone may change meanwhile.
		save(worker, "新名字", "WORKER", id("fj-fuzhou")).andExpect(redirectedUrl("/account/profile"));
		assertThat(jdbc.sql("select display_name from account where id = ?")
			.param(worker.id())
			.query(String.class)
			.single()).isEqualTo("新名字");
	}

	@Test
	void anEmptyNameIsRefusedWithAMessage() throws Exception {
		Fixture worker = fixtures.participant("fj-fuzhou");
		save(worker, "", "WORKER", id("fj-fuzhou")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("请填写姓名。")));
	}

	@Test
	void aNameWithADirectionOverrideIsRefusedAndNotStored() throws Exception {
		Fixture worker = fixtures.participant("fj-fuzhou");
		save(worker, "张\u202E三", "WORKER", id("fj-fuzhou")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("改变文字方向的控制字符")));
		assertThat(jdbc.sql("select display_name from account where id = ?")
			.param(worker.id())
			.query(String.class)
			.single()).doesNotContain("\u202E");
	}

	@Test
	void aTamperedKindIsRefusedNextToTheFieldAndTheTypedNameIsKept() throws Exception {
		Fixture worker = fixtures.participant("fj-fuzhou");
		save(worker, "改过的名字", "NOT_A_KIND", id("fj-fuzhou")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("value=\"改过的名字\"")))
			.andExpect(content().string(Matchers.containsString("is-invalid")));
		assertThat(jdbc.sql("select display_name from account where id = ?")
			.param(worker.id())
			.query(String.class)
			.single()).isNotEqualTo("改过的名字");
	}

	private ResultActions save(Fixture worker, String name, String kind, Long... organisationIds) throws Exception {
		var request = post("/account/profile").with(user(fixtures.signedIn(worker)))
			.with(csrf())
			.param("displayName", name)
			.param("participantKind", kind);
		for (Long organisationId : organisationIds) {
			request.param("organisationIds", String.valueOf(organisationId));
		}
		return mvc.perform(request);
	}

	private long id(String code) {
		return organisations.getByCode(code).id();
	}

}
