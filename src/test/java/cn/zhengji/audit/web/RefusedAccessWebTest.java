package cn.zhengji.audit.web;

import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R-X-3 A signed-in user who asks for another unit's object gets the same 404 as for
 * nothing at all, and the attempt is one audit event: who, which object, which URL, and
 * nothing of the object itself.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class RefusedAccessWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	EntryLifecycle changes;

	SubmissionFixtures fixtures;

	Organisation countyA;

	Organisation countyB;

	long entry;

	String title;

	@BeforeEach
	void anEntryOfOneCounty() {
		fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		Organisation fuzhou = fixtures.organisation("fj-fuzhou");
		countyA = fixtures.newOrganisation(fuzhou, "拒绝访问甲区总工会", OrganisationKind.COUNTY);
		countyB = fixtures.newOrganisation(fuzhou, "拒绝访问乙区总工会", OrganisationKind.COUNTY);
		Organisation company = fixtures.newOrganisation(countyB, "拒绝访问公司工会", OrganisationKind.GRASSROOTS);
		title = "拒绝访问作品" + company.id();
		entry = changes.create(fixtures.participant("WORKER", company), SubmissionFixtures.OPEN_CAMPAIGN, "micro-video",
				title);
	}

	@Test
	void anAdminAskingForAnotherUnitsEntryGetsA404AndOneAuditEventThatNamesNoContent() throws Exception {
		SignedInUser outsider = fixtures.admin(countyA);

		String answer = mvc.perform(get("/admin/works/{id}", entry).with(user(outsider)))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(answer).doesNotContain(title);
		List<Map<String, Object>> events = jdbc.sql("""
				select action, actor_name, target_type, target_id, summary, organisation_path,
				       after_state ->> 'method' as method, after_state ->> 'url' as url, after_state::text as after
				from audit_event where actor_id = ?
				""").param(outsider.accountId()).query().listOfRows();
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.get("action")).isEqualTo("ACCESS_REFUSED");
			assertThat(event.get("actor_name")).isEqualTo(outsider.displayName());
			assertThat(event.get("target_type")).isEqualTo("entry");
			assertThat(event.get("target_id")).isEqualTo(String.valueOf(entry));
			assertThat(event.get("summary")).isEqualTo("拒绝访问：作品 #" + entry + "（GET /admin/works/" + entry + "）");
			assertThat(event.get("organisation_path")).isEqualTo(countyA.path());
			assertThat(event.get("method")).isEqualTo("GET");
			assertThat(event.get("url")).isEqualTo("/admin/works/" + entry);
			assertThat((String) event.get("after")).doesNotContain(title);
		});

		String log = mvc.perform(get("/admin/audit").param("actor", outsider.displayName()).with(user(outsider)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(log).contains(">拒绝访问</span>", ">作品</span>", "#" + entry);
	}

	@Test
	void anAdminAskingForAnotherUnitsOrganisationIsRecordedAsWell() throws Exception {
		SignedInUser outsider = fixtures.admin(countyA);

		mvc.perform(get("/admin/organisations/{id}", countyB.id()).with(user(outsider)))
			.andExpect(status().isNotFound());

		assertThat(jdbc.sql("""
				select target_type || ' ' || target_id || ' ' || (after_state ->> 'url') from audit_event
				where action = 'ACCESS_REFUSED' and actor_id = ?
				""").param(outsider.accountId()).query(String.class).list())
			.containsExactly("organisation " + countyB.id() + " /admin/organisations/" + countyB.id());
	}

	@Test
	void thingsThatDoNotExistAndThingsInOnesOwnSubtreeLeaveNoRefusal() throws Exception {
		SignedInUser outsider = fixtures.admin(countyA);
		SignedInUser insider = fixtures.admin(countyB);

		mvc.perform(get("/admin/works/{id}", 999_999_999L).with(user(outsider))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/works/{id}", entry).with(user(insider))).andExpect(status().isOk());

		assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCESS_REFUSED' and actor_id in (?, ?)")
			.params(outsider.accountId(), insider.accountId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aParticipantAskingForSomeoneElsesEntryIsRecordedToo() throws Exception {
		SignedInUser stranger = fixtures.participant("WORKER", countyA);

		mvc.perform(get("/works/{id}", entry).with(user(stranger))).andExpect(status().isNotFound());
		mvc.perform(get("/works/{id}/nomination.pdf", entry).with(user(stranger))).andExpect(status().isNotFound());

		assertThat(jdbc.sql("""
				select target_type || ' ' || target_id || ' ' || (after_state ->> 'url') from audit_event
				where action = 'ACCESS_REFUSED' and actor_id = ? order by id
				""").param(stranger.accountId()).query(String.class).list())
			.containsExactly("entry " + entry + " /works/" + entry);
		// Issue 11: the second refusal of the same minute is counted, not written again;
		// the count is written when the minute is over (DeniedRequestsWebTest).
		assertThat(jdbc.sql("select denied from audit_denial_bucket where actor_key = ? and action = 'ACCESS_REFUSED'")
			.param("account:" + stranger.accountId())
			.query(Integer.class)
			.list()).containsExactly(2);
	}

}
