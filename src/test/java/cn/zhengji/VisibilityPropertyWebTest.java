package cn.zhengji;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.zhengji.audit.AuditEvents;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.ZhengjiTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The property behind the authorization matrix, checked on whole lists rather than on single
 * targets: whatever an admin is shown — organisations in the JSON API, rows of the account list,
 * rows of the audit log (every page), entries of the works list — belongs to its subtree, as the database's materialized
 * {@code organisation.path} says. For the platform admin the subtree is the whole tree, and the
 * audit log also holds events of no organisation (a sign-in with an unknown name), which it alone sees.
 *
 * <p>The fixture puts something on each side of each border: a county below 福州 (where the county
 * admin sits) with a grassroots union below it, a second county below 福州, and a county below
 * 厦门, each with an account and an audit event, so that every list has rows the actor must see and
 * rows it must not.
 */
@ZhengjiTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityPropertyWebTest {

	private static final Pattern ACCOUNT_ROW = Pattern.compile("id=\"account-(\\d+)\"");

	private static final Pattern AUDIT_ROW = Pattern.compile("data-audit-id=\"(\\d+)\"");

	private static final Pattern WORK_ROW = Pattern.compile("id=\"work-(\\d+)\"");

	/** The audit log of the whole test JVM fits in far fewer pages; more would mean the paging is broken. */
	private static final int MAX_AUDIT_PAGES = 200;

	/** Who looks, and the subtree it administers. */
	enum Admin {

		PLATFORM_ADMIN, CITY_ADMIN, COUNTY_ADMIN
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	private SignedInUser platformAdmin;

	private SignedInUser cityAdmin;

	private SignedInUser countyAdmin;

	private final List<Long> insideCounty = new ArrayList<>();

	private final List<Long> otherFuzhouCounty = new ArrayList<>();

	private final List<Long> xiamenCounty = new ArrayList<>();

	@BeforeAll
	void createFixture() {
		OrganisationTestData data = new OrganisationTestData(jdbc, organisations);
		Organisation fuzhou = data.byCode("fj-fuzhou");
		Organisation county = data.create(fuzhou, "性质福州区总工会", OrganisationKind.COUNTY);
		Organisation grassroots = data.create(county, "性质福州公司工会", OrganisationKind.GRASSROOTS);
		Organisation otherCounty = data.create(fuzhou, "性质福州另一区总工会", OrganisationKind.COUNTY);
		Organisation xiamen = data.create(data.byCode("fj-xiamen"), "性质厦门区总工会", OrganisationKind.COUNTY);
		platformAdmin = OrganisationTestData.platformAdmin(data.byCode("acftu"));
		cityAdmin = OrganisationTestData.orgAdmin(fuzhou);
		countyAdmin = OrganisationTestData.orgAdmin(county);
		insideCounty.addAll(List.of(grassroots.id(), account(grassroots), auditEvent(grassroots), entry(grassroots)));
		otherFuzhouCounty.addAll(List.of(otherCounty.id(), account(otherCounty), auditEvent(otherCounty), entry(otherCounty)));
		xiamenCounty.addAll(List.of(xiamen.id(), account(xiamen), auditEvent(xiamen), entry(xiamen)));
	}

	private long account(Organisation organisation) {
		String unique = OrganisationTestData.unique("");
		return jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, ?, '{noop}unused', 'EXPERT', ?) returning id
				""").params("property-expert" + unique, "性质专家" + unique, organisation.id())
			.query(Long.class)
			.single();
	}

	private long auditEvent(Organisation organisation) {
		return jdbc.sql("""
				insert into audit_event (occurred_at, actor_name, action, target_type, target_id, summary, organisation_path)
				values (now(), '性质测试', 'UPDATED', 'organisation', ?, '性质测试事件', ?) returning id
				""").params(String.valueOf(organisation.id()), organisation.path()).query(Long.class).single();
	}

	/** A draft of the demo campaign submitted by the organisation (written directly: scenery). */
	private long entry(Organisation organisation) {
		return jdbc.sql("""
				insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
				    organisation_id, organisation_path, title, state, created_at, updated_at)
				select c.id, k.id, ?, 'UNION_ORGANISATION', 'organisation:' || ?, false, ?, ?, '性质测试作品', 'DRAFT', now(), now()
				from campaign c join campaign_category k on k.campaign_id = c.id
				where c.code = 'demo-fujian' and k.code = 'application-system'
				returning entry.id
				""").params(account(organisation), organisation.id(), organisation.id(), organisation.path())
			.query(Long.class)
			.single();
	}

	static Stream<Arguments> admins() {
		return Stream.of(Admin.values()).map(Arguments::of);
	}

	private SignedInUser principal(Admin admin) {
		return switch (admin) {
			case PLATFORM_ADMIN -> platformAdmin;
			case CITY_ADMIN -> cityAdmin;
			case COUNTY_ADMIN -> countyAdmin;
		};
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theOrganisationApiListsExactlyTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = principal(admin);
		String json = mvc.perform(get("/api/v1/organisations").with(user(actor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Long> listed = JsonPath.<List<Number>>read(json, "$[*].id").stream().map(Number::longValue).toList();

		assertThat(listed).doesNotHaveDuplicates();
		assertThat(outsideSubtree(actor, "organisation", listed)).isEmpty();
		assertThat(listed).containsExactlyInAnyOrderElementsOf(jdbc.sql("""
				select id from organisation where path like :scope || '%'
				""").param("scope", actor.adminScope()).query(Long.class).list());
		assertSeesExactlyItsSide(admin, listed, 0);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theAccountListShowsOnlyAccountsOfTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = principal(admin);
		List<Long> listed = rowIds(actor, "/admin/accounts", ACCOUNT_ROW);

		assertThat(listed).isNotEmpty().doesNotHaveDuplicates();
		assertThat(outsideSubtree(actor, "account", listed)).isEmpty();
		if (admin == Admin.COUNTY_ADMIN) {
			// A small subtree: the list is complete, not cut at the limit.
			assertThat(listed).containsExactlyInAnyOrderElementsOf(jdbc.sql("""
					select a.id from account a join organisation o on o.id = a.organisation_id
					where o.path like :scope || '%'
					""").param("scope", actor.adminScope()).query(Long.class).list());
		}
		// The list stops at its limit (the shared database holds many accounts of 福州); narrowed down
		// to this test's organisations by the list's own filter, it shows each side of the borders.
		List<Long> filtered = rowIds(actor, "/admin/accounts?organisation=性质", ACCOUNT_ROW);
		assertThat(outsideSubtree(actor, "account", filtered)).isEmpty();
		assertSeesExactlyItsSide(admin, filtered, 1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void everyPageOfTheAuditLogShowsOnlyEventsOfTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = principal(admin);
		List<Long> listed = new ArrayList<>();
		for (int page = 0;; page++) {
			assertThat(page).as("pages of the audit log").isLessThan(MAX_AUDIT_PAGES);
			List<Long> rows = rowIds(actor, "/admin/audit?page=" + page, AUDIT_ROW);
			listed.addAll(rows);
			if (rows.size() < AuditEvents.PAGE_SIZE) {
				break;
			}
		}

		assertThat(listed).isNotEmpty().doesNotHaveDuplicates();
		assertThat(outsideSubtree(actor, "audit_event", listed)).isEmpty();
		assertThat(listed).containsExactlyInAnyOrderElementsOf(admin == Admin.PLATFORM_ADMIN
				? jdbc.sql("select id from audit_event").query(Long.class).list()
				: jdbc.sql("select id from audit_event where organisation_path like :scope || '%'")
					.param("scope", actor.adminScope())
					.query(Long.class)
					.list());
		assertSeesExactlyItsSide(admin, listed, 2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theWorksListShowsOnlyEntriesOfTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = principal(admin);
		List<Long> listed = rowIds(actor, "/admin/works", WORK_ROW);

		assertThat(listed).isNotEmpty().doesNotHaveDuplicates();
		assertThat(outsideSubtree(actor, "entry", listed)).isEmpty();
		if (admin == Admin.COUNTY_ADMIN) {
			assertThat(listed).containsExactlyInAnyOrderElementsOf(jdbc.sql("""
					select e.id from entry e join organisation o on o.id = e.organisation_id
					where o.path like :scope || '%'
					""").param("scope", actor.adminScope()).query(Long.class).list());
		}
		assertSeesExactlyItsSide(admin, listed, 3);
	}

	/**
	 * The listed ids whose organisation lies outside the actor's subtree, by SQL on
	 * {@code organisation.path}. For the platform admin only rows of no organisation could be
	 * "outside", and it may see those.
	 */
	private List<Long> outsideSubtree(SignedInUser actor, String table, List<Long> ids) {
		if (ids.isEmpty() || actor.role() == Role.PLATFORM_ADMIN) {
			return List.of();
		}
		String path = switch (table) {
			case "organisation" -> "select id, path from organisation";
			case "account" -> "select a.id, o.path from account a join organisation o on o.id = a.organisation_id";
			case "audit_event" -> "select id, organisation_path as path from audit_event";
			case "entry" -> "select e.id, o.path from entry e join organisation o on o.id = e.organisation_id";
			default -> throw new IllegalArgumentException(table);
		};
		return jdbc.sql("select id from (" + path + ") t where id in (:ids) and (path is null or path not like :scope || '%')")
			.param("ids", ids)
			.param("scope", actor.adminScope())
			.query(Long.class)
			.list();
	}

	/**
	 * This test's own rows on each side of the borders: {@code index} 0 = organisation, 1 = account,
	 * 2 = audit event, 3 = entry (作品).
	 */
	private void assertSeesExactlyItsSide(Admin admin, List<Long> listed, int index) {
		long inside = insideCounty.get(index);
		long otherCounty = otherFuzhouCounty.get(index);
		long xiamen = xiamenCounty.get(index);
		switch (admin) {
			case PLATFORM_ADMIN -> assertThat(listed).contains(inside, otherCounty, xiamen);
			case CITY_ADMIN -> assertThat(listed).contains(inside, otherCounty).doesNotContain(xiamen);
			case COUNTY_ADMIN -> assertThat(listed).contains(inside).doesNotContain(otherCounty, xiamen);
			default -> throw new IllegalArgumentException("No expectation for " + admin);
		}
	}

	private List<Long> rowIds(SignedInUser actor, String url, Pattern row) throws Exception {
		String html = mvc.perform(get(url).with(user(actor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Long> ids = new ArrayList<>();
		Matcher matcher = row.matcher(html);
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids;
	}
}
