package cn.zhengji;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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
import cn.zhengji.support.Spreadsheets;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The property behind the authorization matrix, checked on whole lists rather than on
 * single targets: whatever an admin is shown — every list, count, dashboard figure and
 * Excel export — belongs to its subtree, as the database's materialized
 * {@code organisation.path} says (each is ⊆ what the viewer may see). For the platform
 * admin the subtree is the whole tree, and the audit log also holds events of no
 * organisation (a sign-in with an unknown name), which it alone sees.
 *
 * <p>
 * The fixture puts something on each side of each border, seen from the county admin: its
 * own county ({@link Side#OWN}, below 福州), a grassroots union below it
 * ({@link Side#CHILD}), a second county below 福州 ({@link Side#SIBLING}) and a county
 * below 厦门 ({@link Side#OTHER_CITY}). Each holds an account, an audit event, a draft
 * entry, an entry waiting at that union, an offline event and an announcement, so that
 * every list has rows the actor must see and rows it must not. The viewers are real admin
 * accounts (of the province's tree: the platform admin, 福州's admin, the county's admin),
 * each with a notice of its own.
 */
@ZhengjiTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityPropertyWebTest {

	private static final Pattern ACCOUNT_ROW = Pattern.compile("id=\"account-(\\d+)\"");

	private static final Pattern AUDIT_ROW = Pattern.compile("data-audit-id=\"(\\d+)\"");

	private static final Pattern WORK_ROW = Pattern.compile("id=\"work-(\\d+)\"");

	private static final Pattern WORK_COUNT = Pattern.compile("共 (\\d+) 件");

	private static final Pattern EVENT_COUNT = Pattern.compile("共 (\\d+) 场活动");

	private static final Pattern EVENT_ROW = Pattern.compile("id=\"event-(\\d+)\"");

	private static final Pattern UNIT_ROW = Pattern.compile("id=\"unit-(\\d+)\"");

	private static final Pattern QUOTA_PAGE_ROW = Pattern.compile("id=\"quota-\\d+-(\\d+)\"");

	private static final Pattern DASHBOARD_QUOTA_ROW = Pattern.compile("id=\"quota-(\\d+)-\\d+\"");

	private static final Pattern ALLOCATION_ROW = Pattern.compile("id=\"allocation-(\\d+)\"");

	private static final Pattern NOTICE_ROW = Pattern.compile("data-notice-id=\"(\\d+)\"");

	private static final Pattern ANNOUNCEMENT_ROW = Pattern.compile("data-announcement-id=\"(\\d+)\"");

	/**
	 * The audit log of the whole test JVM fits in far fewer pages; more would mean the
	 * paging is broken.
	 */
	private static final int MAX_AUDIT_PAGES = 200;

	private static final String CAMPAIGN = "demo-fujian";

	/** Who looks, and the subtree it administers. */
	enum Admin {

		PLATFORM_ADMIN, CITY_ADMIN, COUNTY_ADMIN

	}

	/** Where the fixture's rows sit, seen from the county admin. */
	enum Side {

		OWN, CHILD, SIBLING, OTHER_CITY

	}

	/** The rows of one side. */
	record Rows(long organisation, String organisationName, long account, String username, long auditEvent, long entry,
			long pendingEntry, long event, long announcement) {
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService userDetails;

	private final Map<Admin, SignedInUser> viewers = new EnumMap<>(Admin.class);

	private final Map<Admin, Long> notices = new EnumMap<>(Admin.class);

	private final Map<Side, Rows> rows = new EnumMap<>(Side.class);

	private long campaignId;

	@BeforeAll
	void createFixture() {
		OrganisationTestData data = new OrganisationTestData(jdbc, organisations);
		campaignId = jdbc.sql("select id from campaign where code = ?").param(CAMPAIGN).query(Long.class).single();
		Organisation fuzhou = data.byCode("fj-fuzhou");
		Organisation county = data.create(fuzhou, "性质福州区总工会", OrganisationKind.COUNTY);
		Map<Side, Organisation> sides = new EnumMap<>(Side.class);
		sides.put(Side.OWN, county);
		sides.put(Side.CHILD, data.create(county, "性质福州公司工会", OrganisationKind.GRASSROOTS));
		sides.put(Side.SIBLING, data.create(fuzhou, "性质福州另一区总工会", OrganisationKind.COUNTY));
		sides.put(Side.OTHER_CITY, data.create(data.byCode("fj-xiamen"), "性质厦门区总工会", OrganisationKind.COUNTY));
		// The one platform admin there is (other tests count on there being exactly one).
		viewers.put(Admin.PLATFORM_ADMIN, ((SignedInUser) userDetails.loadUserByUsername("admin")).withPasswordChanged()
			.withSecondFactor(Instant.now()));
		viewers.put(Admin.CITY_ADMIN, viewer(Role.ORG_ADMIN, fuzhou));
		viewers.put(Admin.COUNTY_ADMIN, viewer(Role.ORG_ADMIN, county));
		sides.forEach((side, organisation) -> {
			long account = account(organisation, "EXPERT");
			rows.put(side, new Rows(organisation.id(), organisation.name(), account,
					jdbc.sql("select username from account where id = ?").param(account).query(String.class).single(),
					auditEvent(organisation), entry(organisation, false), entry(organisation, true),
					event(organisation), announcement(organisation)));
		});
		viewers.forEach((admin, viewer) -> notices.put(admin, notice(viewer.accountId())));
		// Someone else's notice, which no viewer may see.
		notice(rows.get(Side.CHILD).account());
	}

	/**
	 * 三员分立: accounts platform-wide are the security administrator's and the whole audit
	 * log the audit administrator's, not the system administrator's.
	 */
	private SignedInUser separatedOr(Admin admin, String platformWideUsername) {
		return admin == Admin.PLATFORM_ADMIN
				? ((SignedInUser) userDetails.loadUserByUsername(platformWideUsername)).withPasswordChanged()
					.withSecondFactor(Instant.now())
				: viewers.get(admin);
	}

	private SignedInUser viewer(Role role, Organisation organisation) {
		long id = account(organisation, role.name());
		return new SignedInUser(id, "property-viewer" + id, "性质管理员" + id, role, organisation.id(), organisation.path(),
				organisation.name(), "{noop}unused", false, false, true)
			.withSecondFactor(Instant.now());
	}

	private long account(Organisation organisation, String role) {
		String unique = OrganisationTestData.unique("");
		return jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, ?, '{noop}unused', ?, ?) returning id
				""")
			.params("property-" + role.toLowerCase(Locale.ROOT) + unique, "性质账号" + unique, role, organisation.id())
			.query(Long.class)
			.single();
	}

	private long auditEvent(Organisation organisation) {
		return jdbc
			.sql("""
					insert into audit_event (occurred_at, actor_name, action, target_type, target_id, summary, organisation_path)
					values (now(), '性质测试', 'UPDATED', 'organisation', ?, '性质测试事件', ?) returning id
					""")
			.params(String.valueOf(organisation.id()), organisation.path())
			.query(Long.class)
			.single();
	}

	/**
	 * An entry of the demo campaign submitted by the organisation (written directly:
	 * scenery): a draft, or one waiting at the organisation itself.
	 */
	private long entry(Organisation organisation, boolean waiting) {
		long id = jdbc
			.sql("""
					insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
					    organisation_id, organisation_path, title, state, created_at, updated_at)
					select c.id, k.id, ?, 'UNION_ORGANISATION', 'organisation:' || ?, false, ?, ?, '性质测试作品', 'DRAFT', now(), now()
					from campaign c join campaign_category k on k.campaign_id = c.id
					where c.code = ? and k.code = ?
					returning entry.id
					""")
			.params(account(organisation, "EXPERT"), organisation.id(), organisation.id(), organisation.path(),
					CAMPAIGN, waiting ? "digital-union" : "application-system")
			.query(Long.class)
			.single();
		if (waiting) {
			jdbc.sql(
					"""
							update entry set state = 'SUBMITTED', submitted_at = now(), pending_organisation_id = organisation_id,
							    pending_since = now() where id = ?
							""")
				.param(id)
				.update();
		}
		return id;
	}

	private long event(Organisation organisation) {
		return jdbc
			.sql("""
					insert into offline_event (campaign_id, organisation_id, organisation_path, held_on, place, participants,
					    description, reported_by, reported_at, updated_at)
					values (?, ?, ?, current_date, '性质活动地点', 10, '性质活动', ?, now(), now()) returning id
					""")
			.params(campaignId, organisation.id(), organisation.path(), account(organisation, "ORG_ADMIN"))
			.query(Long.class)
			.single();
	}

	private long announcement(Organisation organisation) {
		return jdbc.sql("""
				insert into announcement (organisation_id, title, body, state, published_by, published_at, updated_at)
				values (?, '性质公告', '性质公告正文', 'PUBLISHED', ?, now(), now()) returning id
				""").params(organisation.id(), account(organisation, "ORG_ADMIN")).query(Long.class).single();
	}

	private long notice(long accountId) {
		return jdbc.sql("""
				insert into notice (account_id, kind, title, body, link, created_at)
				values (?, 'RETURNED', '性质消息', '性质消息正文', '/works', now()) returning id
				""").param(accountId).query(Long.class).single();
	}

	static Stream<Arguments> admins() {
		return Stream.of(Admin.values()).map(Arguments::of);
	}

	static Stream<Arguments> organisationAdmins() {
		return Stream.of(Admin.CITY_ADMIN, Admin.COUNTY_ADMIN).map(Arguments::of);
	}

	// --- organisations, accounts, audit
	// -------------------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theOrganisationApiListsExactlyTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		String json = body(actor, "/api/v1/organisations");
		List<Long> listed = JsonPath.<List<Number>>read(json, "$[*].id").stream().map(Number::longValue).toList();

		assertThat(listed).doesNotHaveDuplicates();
		assertThat(outsideSubtree(actor, "organisation", listed)).isEmpty();
		assertThat(listed).containsExactlyInAnyOrderElementsOf(jdbc.sql("""
				select id from organisation where path like :scope || '%'
				""").param("scope", actor.adminScope()).query(Long.class).list());
		assertSeesExactlyItsSide(admin, listed, Rows::organisation);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theOrganisationExportHoldsExactlyTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		long top = admin == Admin.PLATFORM_ADMIN ? organisations.root().id() : actor.organisationId();
		List<String> names = column(export(actor, "/admin/organisations/" + top + "/export.xlsx"), 0);

		assertThat(namesOutsideSubtree(actor, names)).isEmpty();
		assertThat(names).hasSize(jdbc.sql("select count(*) from organisation where path like :scope || '%'")
			.param("scope", admin == Admin.PLATFORM_ADMIN ? "/" : actor.organisationPath())
			.query(Integer.class)
			.single());
		assertSeesExactlyItsSide(admin, names, Rows::organisationName);
		assertExportAudited(actor, "organisation-list", names.size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theAccountListAndExportShowOnlyAccountsOfTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = separatedOr(admin, "secadmin");
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
		// The list stops at its limit (the shared database holds many accounts of 福州);
		// narrowed down
		// to this test's organisations by the list's own filter, it shows each side of
		// the borders.
		List<Long> filtered = rowIds(actor, "/admin/accounts?organisation=性质", ACCOUNT_ROW);
		assertThat(outsideSubtree(actor, "account", filtered)).isEmpty();
		assertSeesExactlyItsSide(admin, filtered, Rows::account);

		List<String> exported = column(export(actor, "/admin/accounts.xlsx?organisation=性质"), 0);
		List<Long> exportedIds = exported.isEmpty() ? List.of()
				: jdbc.sql("select id from account where username in (:names)")
					.param("names", exported)
					.query(Long.class)
					.list();
		assertThat(exportedIds).hasSameSizeAs(exported);
		assertThat(outsideSubtree(actor, "account", exportedIds)).isEmpty();
		assertSeesExactlyItsSide(admin, exported, Rows::username);
		assertExportAudited(actor, "account-list", exported.size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void everyPageOfTheAuditLogAndItsExportShowOnlyEventsOfTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = separatedOr(admin, "auditadmin");
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
		assertThat(listed).containsExactlyInAnyOrderElementsOf(
				admin == Admin.PLATFORM_ADMIN ? jdbc.sql("select id from audit_event").query(Long.class).list()
						: jdbc.sql("select id from audit_event where organisation_path like :scope || '%'")
							.param("scope", actor.adminScope())
							.query(Long.class)
							.list());
		assertSeesExactlyItsSide(admin, listed, Rows::auditEvent);

		// The fixture's events, by the organisation each is about (the target id).
		List<List<String>> exported = export(actor, "/admin/audit/export.xlsx?actor=性质测试");
		List<Long> about = column(exported, 4).stream().map(Long::parseLong).toList();
		assertThat(outsideSubtree(actor, "organisation", about)).isEmpty();
		assertSeesExactlyItsSide(admin, about, Rows::organisation);
		assertExportAudited(actor, "audit-event-list", about.size());
	}

	// --- works, queue, quotas
	// -----------------------------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theWorksListAndExportShowOnlyEntriesOfTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		String page = body(actor, "/admin/works?q=性质测试作品");
		List<Long> listed = ids(page, WORK_ROW);

		assertThat(listed).isNotEmpty().doesNotHaveDuplicates();
		// The count the page states is the count of the rows it may show.
		assertThat(ids(page, WORK_COUNT)).containsExactly(jdbc.sql("""
				select count(*) from entry e join organisation o on o.id = e.organisation_id
				where e.title = '性质测试作品' and o.path like :scope || '%'
				""").param("scope", actor.adminScope()).query(Long.class).single());
		assertThat(outsideSubtree(actor, "entry", listed)).isEmpty();
		if (admin == Admin.COUNTY_ADMIN) {
			assertThat(rowIds(actor, "/admin/works", WORK_ROW)).containsExactlyInAnyOrderElementsOf(jdbc.sql("""
					select e.id from entry e join organisation o on o.id = e.organisation_id
					where o.path like :scope || '%'
					""").param("scope", actor.adminScope()).query(Long.class).list());
		}
		assertSeesExactlyItsSide(admin, listed, Rows::entry);
		assertSeesExactlyItsSide(admin, listed, Rows::pendingEntry);

		List<Long> exported = ids(column(export(actor, "/admin/works.xlsx?q=性质测试作品"), 0));
		assertThat(outsideSubtree(actor, "entry", exported)).isEmpty();
		assertThat(exported).containsExactlyInAnyOrderElementsOf(listed);
		assertExportAudited(actor, "entry-list", exported.size());
		// The export with personal data in full is the same list.
		assertThat(ids(column(exportInFull(actor, "/admin/works/full-export"), 0)))
			.containsExactlyInAnyOrderElementsOf(listed);
	}

	/**
	 * The queue holds what waits at the admin's own union: not what waits below it, nor
	 * beside it.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("organisationAdmins")
	void theQueueAndItsExportHoldOnlyWhatWaitsAtTheAdminsOwnUnion(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		String page = body(actor, "/admin/queue?q=性质测试作品");
		List<Long> listed = ids(page, WORK_ROW);
		List<Long> exported = ids(column(export(actor, "/admin/queue.xlsx?q=性质测试作品"), 0));

		List<Long> waitingHere = jdbc.sql("""
				select id from entry where pending_organisation_id = ? and state = 'SUBMITTED' and title = '性质测试作品'
				""").param(actor.organisationId()).query(Long.class).list();
		assertThat(listed).containsExactlyInAnyOrderElementsOf(waitingHere);
		assertThat(ids(page, WORK_COUNT)).containsExactly((long) waitingHere.size());
		assertThat(exported).containsExactlyInAnyOrderElementsOf(waitingHere);
		assertThat(ids(column(exportInFull(actor, "/admin/queue/full-export"), 0)))
			.containsExactlyInAnyOrderElementsOf(waitingHere);
		assertThat(outsideSubtree(actor, "entry", listed)).isEmpty();
		if (admin == Admin.COUNTY_ADMIN) {
			assertThat(listed).containsExactly(rows.get(Side.OWN).pendingEntry());
		}
		else {
			assertThat(listed).isEmpty();
		}
		assertExportAudited(actor, "entry-list", exported.size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theQuotasAndTheirExportShowOnlyUnitsOfTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		List<Long> listed = rowIds(actor, "/admin/quotas", QUOTA_PAGE_ROW);
		List<String> exported = column(export(actor, "/admin/quotas.xlsx"), 2);

		assertThat(outsideSubtree(actor, "organisation", listed)).isEmpty();
		assertThat(namesOutsideSubtree(actor, exported)).isEmpty();
		assertThat(exported).hasSameSizeAs(listed);
		if (admin != Admin.COUNTY_ADMIN) {
			assertThat(listed).isNotEmpty();
		}
		assertExportAudited(actor, "quota-list", exported.size());
	}

	// --- activities
	// ---------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theOfflineEventsAndTheirExportShowOnlyEventsOfTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		String page = body(actor, "/activities?campaign=" + CAMPAIGN + "&q=性质活动地点");
		List<Long> listed = ids(page, EVENT_ROW);
		List<String> exported = column(export(actor, "/activities/export?campaign=" + CAMPAIGN + "&q=性质活动地点"), 0);

		assertThat(outsideSubtree(actor, "offline_event", listed)).isEmpty();
		assertSeesExactlyItsSide(admin, listed, Rows::event);
		assertThat(ids(page, EVENT_COUNT)).containsExactly(jdbc.sql("""
				select count(*) from offline_event e join organisation o on o.id = e.organisation_id
				where e.campaign_id = :campaign and e.place = '性质活动地点' and o.path like :scope || '%'
				""").param("campaign", campaignId).param("scope", actor.adminScope()).query(Long.class).single());
		assertThat(namesOutsideSubtree(actor, exported)).isEmpty();
		assertThat(exported).hasSameSizeAs(listed);
		assertSeesExactlyItsSide(admin, exported, Rows::organisationName);
		assertExportAudited(actor, "offline-event-list", exported.size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theActivityProgressAndItsExportShowOnlyUnitsOfTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		List<Long> listed = rowIds(actor, "/activities/progress?campaign=" + CAMPAIGN, UNIT_ROW);
		List<List<String>> exported = export(actor, "/activities/progress/export?campaign=" + CAMPAIGN);
		// The units' rows come first, up to the total.
		List<String> units = column(exported, 0).stream().takeWhile(name -> !name.equals("合计")).toList();

		assertThat(listed).isNotEmpty();
		assertThat(outsideSubtree(actor, "organisation", listed)).isEmpty();
		assertThat(units).hasSameSizeAs(listed);
		assertExportAudited(actor, "activity-progress-list", exported.size());
	}

	// --- dashboards
	// ---------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theDashboardPageShowsOnlyUnitsOfTheAdminsSubtree(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		String html = body(actor, "/dashboard?campaign=" + CAMPAIGN);

		for (Pattern row : List.of(UNIT_ROW, DASHBOARD_QUOTA_ROW, ALLOCATION_ROW)) {
			assertThat(outsideSubtree(actor, "organisation", ids(html, row))).as(row.pattern()).isEmpty();
		}
		assertThat(ids(html, UNIT_ROW)).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theDashboardFiguresCountExactlyTheUnitsSubtree(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		String json = body(actor, "/dashboard/data?campaign=" + CAMPAIGN);
		long unit = JsonPath.<Number>read(json, "$.unitId").longValue();
		String path = organisations.findById(unit).orElseThrow().path();

		assertThat(outsideSubtree(actor, "organisation", List.of(unit))).isEmpty();
		for (String ids : List.of("$.byUnit[*].id", "$.quotas[*].organisationId", "$.allocations[*].organisationId")) {
			assertThat(outsideSubtree(actor, "organisation",
					JsonPath.<List<Number>>read(json, ids).stream().map(Number::longValue).toList()))
				.as(ids)
				.isEmpty();
		}
		assertThat(JsonPath.<Number>read(json, "$.totals.entries").longValue()).isEqualTo(jdbc.sql("""
				select count(*) from entry where campaign_id = ? and organisation_path like ? || '%'
				""").params(campaignId, path).query(Long.class).single());
		assertThat(JsonPath.<Number>read(json, "$.totals.inReview").longValue()).isEqualTo(jdbc
			.sql("""
					select count(*) from entry where campaign_id = ? and state = 'SUBMITTED' and organisation_path like ? || '%'
					""")
			.params(campaignId, path)
			.query(Long.class)
			.single());
		assertThat(JsonPath.<Number>read(json, "$.totals.events").longValue()).isEqualTo(jdbc.sql("""
				select count(*) from offline_event where campaign_id = ? and organisation_path like ? || '%'
				""").params(campaignId, path).query(Long.class).single());
		if (admin == Admin.COUNTY_ADMIN) {
			// The county's own entries and its child's: two drafts and two waiting, none
			// from beside it.
			assertThat(JsonPath.<Number>read(json, "$.totals.entries").longValue()).isEqualTo(4);
			assertThat(JsonPath.<Number>read(json, "$.totals.events").longValue()).isEqualTo(2);
		}
	}

	// --- notification
	// -------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theNoticesAreTheViewersOwn(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		List<Long> listed = rowIds(actor, "/notices", NOTICE_ROW);

		assertThat(listed).contains(notices.get(admin));
		assertThat(jdbc.sql("select count(*) from notice where id in (:ids) and account_id <> :viewer")
			.param("ids", listed)
			.param("viewer", actor.accountId())
			.query(Integer.class)
			.single()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("admins")
	void theAnnouncementsAdministeredAreThoseOfTheAdminsOwnUnion(Admin admin) throws Exception {
		SignedInUser actor = viewers.get(admin);
		List<Long> listed = new ArrayList<>();
		for (int page = 0; page < MAX_AUDIT_PAGES; page++) {
			List<Long> onPage = rowIds(actor, "/admin/announcements?page=" + page, ANNOUNCEMENT_ROW);
			if (onPage.isEmpty() || listed.containsAll(onPage)) {
				break;
			}
			listed.addAll(onPage);
		}

		if (admin == Admin.PLATFORM_ADMIN) {
			assertThat(listed).contains(rows.values().stream().map(Rows::announcement).toArray(Long[]::new));
		}
		else {
			assertThat(jdbc.sql("select count(*) from announcement where id in (:ids) and organisation_id <> :own")
				.param("ids", listed.isEmpty() ? List.of(-1L) : listed)
				.param("own", actor.organisationId())
				.query(Integer.class)
				.single()).isZero();
			if (admin == Admin.COUNTY_ADMIN) {
				assertThat(listed).contains(rows.get(Side.OWN).announcement())
					.doesNotContain(rows.get(Side.CHILD).announcement(), rows.get(Side.SIBLING).announcement(),
							rows.get(Side.OTHER_CITY).announcement());
			}
		}
	}

	// --- helpers
	// ------------------------------------------------------------------------------------

	/**
	 * The listed ids whose organisation lies outside the actor's subtree, by SQL on
	 * {@code organisation.path}. For the platform admin only rows of no organisation
	 * could be "outside", and it may see those.
	 */
	private List<Long> outsideSubtree(SignedInUser actor, String table, List<Long> ids) {
		if (ids.isEmpty() || actor.role().isPlatformWide()) {
			return List.of();
		}
		String path = switch (table) {
			case "organisation" -> "select id, path from organisation";
			case "account" -> "select a.id, o.path from account a join organisation o on o.id = a.organisation_id";
			case "audit_event" -> "select id, organisation_path as path from audit_event";
			case "entry" -> "select e.id, o.path from entry e join organisation o on o.id = e.organisation_id";
			case "offline_event" ->
				"select e.id, o.path from offline_event e join organisation o on o.id = e.organisation_id";
			default -> throw new IllegalArgumentException(table);
		};
		List<Long> known = jdbc.sql("select id from (" + path + ") t where id in (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.list();
		List<Long> outside = new ArrayList<>(ids.stream().filter(id -> !known.contains(id)).toList());
		outside.addAll(jdbc
			.sql("select id from (" + path + ") t where id in (:ids) and (path is null or path not like :scope || '%')")
			.param("ids", ids)
			.param("scope", actor.adminScope())
			.query(Long.class)
			.list());
		return outside;
	}

	/** The names that are no organisation's of the actor's subtree. */
	private List<String> namesOutsideSubtree(SignedInUser actor, List<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		List<String> inside = jdbc
			.sql("select name from organisation where name in (:names) and path like :scope || '%'")
			.param("names", names)
			.param("scope", actor.adminScope())
			.query(String.class)
			.list();
		return names.stream().filter(name -> !inside.contains(name)).toList();
	}

	/** The fixture's rows the admin sees: its subtree's sides, none of the others. */
	private <T> void assertSeesExactlyItsSide(Admin admin, List<T> listed, Function<Rows, T> value) {
		List<Side> visible = switch (admin) {
			case PLATFORM_ADMIN -> List.of(Side.values());
			case CITY_ADMIN -> List.of(Side.OWN, Side.CHILD, Side.SIBLING);
			case COUNTY_ADMIN -> List.of(Side.OWN, Side.CHILD);
		};
		for (Side side : Side.values()) {
			T row = value.apply(rows.get(side));
			if (visible.contains(side)) {
				assertThat(listed).as("%s sees %s", admin, side).contains(row);
			}
			else {
				assertThat(listed).as("%s does not see %s", admin, side).doesNotContain(row);
			}
		}
	}

	/** The actor's latest export of the list is audited with the rows it wrote. */
	private void assertExportAudited(SignedInUser actor, String list, long rows) {
		assertThat(jdbc.sql("""
				select (after_state ->> 'rows')::bigint from audit_event
				where action = 'EXPORTED' and target_type = ? and actor_id = ? order by id desc limit 1
				""").params(list, actor.accountId()).query(Long.class).single()).isEqualTo(rows);
	}

	private String body(SignedInUser actor, String url) throws Exception {
		return mvc.perform(get(url).with(user(actor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The data rows of an export (the header row left out). */
	private List<List<String>> export(SignedInUser actor, String url) throws Exception {
		byte[] xlsx = mvc.perform(get(url).with(user(actor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> all = Spreadsheets.rows(xlsx);
		return all.subList(1, all.size());
	}

	/**
	 * The export with personal data in full of the test's entries, asked with a purpose.
	 */
	private List<List<String>> exportInFull(SignedInUser actor, String url) throws Exception {
		byte[] xlsx = mvc
			.perform(post(url).param("q", "性质测试作品").param("purpose", "性质测试").with(user(actor)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> all = Spreadsheets.rows(xlsx);
		return all.subList(1, all.size());
	}

	private static List<String> column(List<List<String>> rows, int column) {
		return rows.stream().map(row -> row.get(column)).toList();
	}

	private static List<Long> ids(List<String> cells) {
		return cells.stream().map(Long::parseLong).toList();
	}

	private List<Long> rowIds(SignedInUser actor, String url, Pattern row) throws Exception {
		return ids(body(actor, url), row);
	}

	private static List<Long> ids(String html, Pattern row) {
		List<Long> ids = new ArrayList<>();
		Matcher matcher = row.matcher(html);
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids;
	}

}
