package cn.zhengji;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.support.QueryCounter;
import cn.zhengji.support.QueryCounter.Statements;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestAccounts.TestAccount;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No list page runs a query per row (N+1): each page is requested with {@value #FEW} rows
 * of its own and again with three times as many, and the number of SQL statements the
 * request sends must not grow. Each test works in an organisation of its own (a fresh
 * county below 福州), so the rows it adds are the only ones that change; the row counts
 * stay below every page size, so all of them are on the page.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class ListPagesQueryCountWebTest {

	private static final int FEW = 3;

	private static final String DEMO_CAMPAIGN = "demo-fujian";

	@Autowired
	MockMvc mvc;

	@Autowired
	QueryCounter queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	private Organisation county;

	private Organisation grassroots;

	private TestAccount admin;

	private TestAccount participant;

	private Campaign campaign;

	private long category;

	private String marker;

	@BeforeEach
	void ownCorner() {
		county = organisations.create(organisations.byCode("fj-fuzhou"), "计数区总工会", OrganisationKind.COUNTY);
		grassroots = organisations.create(county, "计数公司工会", OrganisationKind.GRASSROOTS);
		admin = accounts.admin(county).create();
		participant = accounts.participant(grassroots).create();
		campaign = campaigns.getByCode(DEMO_CAMPAIGN);
		category = campaigns.categories(campaign).getFirst().id();
		marker = TestOrganisations.unique("计数行");
	}

	@Test
	void myWorks() throws Exception {
		assertStatementsDoNotGrow(signedIn(participant), "/works", rows -> {
			for (int i = 0; i < rows; i++) {
				entries.draft(campaign, category, grassroots, participant.id(), participant.id(), marker + i);
			}
		});
	}

	@Test
	void theWorklist() throws Exception {
		assertStatementsDoNotGrow(signedIn(admin), "/admin/works", this::worksWaitingAtTheCounty);
	}

	@Test
	void theQueue() throws Exception {
		assertStatementsDoNotGrow(signedIn(admin), "/admin/queue", this::worksWaitingAtTheCounty);
	}

	@Test
	void theOfflineEvents() throws Exception {
		assertStatementsDoNotGrow(signedIn(admin), "/activities?campaign=" + DEMO_CAMPAIGN, rows -> {
			for (int i = 0; i < rows; i++) {
				jdbc.sql("""
						insert into offline_event (campaign_id, organisation_id, organisation_path, held_on, place,
						    participants, description, reported_by, reported_at, updated_at)
						values (?, ?, ?, current_date, ?, 10, '计数活动', ?, now(), now())
						""").params(campaign.id(), grassroots.id(), grassroots.path(), marker + i, admin.id()).update();
			}
		});
	}

	@Test
	void myNotices() throws Exception {
		assertStatementsDoNotGrow(signedIn(participant), "/notices", rows -> {
			for (int i = 0; i < rows; i++) {
				jdbc.sql("""
						insert into notice (account_id, kind, title, body, created_at)
						values (?, 'REMINDER', ?, '计数消息', now())
						""").params(participant.id(), marker + i).update();
			}
		});
	}

	@Test
	void theAnnouncements() throws Exception {
		IntConsumer publish = rows -> {
			for (int i = 0; i < rows; i++) {
				jdbc.sql("""
						insert into announcement (organisation_id, title, body, state, published_by, published_at,
						    updated_at)
						values (?, ?, '计数公告', 'PUBLISHED', ?, now(), now())
						""").params(county.id(), marker + i, admin.id()).update();
			}
		};
		assertStatementsDoNotGrow(signedIn(participant), "/announcements", publish);
	}

	@Test
	void theAccountList() throws Exception {
		assertStatementsDoNotGrow(signedIn(admin), "/admin/accounts", rows -> {
			for (int i = 0; i < rows; i++) {
				accounts.staff(Role.EXPERT, grassroots).displayName(marker + i).create();
			}
		});
	}

	@Test
	void theAuditLog() throws Exception {
		assertStatementsDoNotGrow(signedIn(admin), "/admin/audit", rows -> {
			for (int i = 0; i < rows; i++) {
				jdbc.sql("""
						insert into audit_event (occurred_at, actor_name, action, target_type, target_id, summary,
						    organisation_path)
						values (now(), '计数测试', 'UPDATED', 'organisation', ?, ?, ?)
						""").params(String.valueOf(grassroots.id()), marker + i, grassroots.path()).update();
			}
		});
	}

	@Test
	void theOrganisationTree() throws Exception {
		assertStatementsDoNotGrow(signedIn(admin), "/admin/organisations", rows -> {
			for (int i = 0; i < rows; i++) {
				Organisation unit = organisations.create(county, marker + i, OrganisationKind.GRASSROOTS);
				organisations.create(unit, "计数小组" + i, OrganisationKind.GRASSROOTS);
			}
		});
	}

	@Test
	void theDashboard() throws Exception {
		assertStatementsDoNotGrow(signedIn(admin), "/dashboard?campaign=" + DEMO_CAMPAIGN, rows -> {
			for (int i = 0; i < rows; i++) {
				Organisation unit = organisations.create(county, marker + i, OrganisationKind.GRASSROOTS);
				long entry = entries.draft(campaign, category, unit, null, admin.id(), "计数作品" + i);
				entries.waitAt(entry, county);
			}
		});
	}

	/** Works of the grassroots union submitted and waiting in the county's queue. */
	private void worksWaitingAtTheCounty(int rows) {
		for (int i = 0; i < rows; i++) {
			long entry = entries.draft(campaign, category, grassroots, participant.id(), participant.id(), marker + i);
			entries.waitAt(entry, county);
		}
	}

	private SignedInUser signedIn(TestAccount account) {
		return accounts.signedIn(account);
	}

	/**
	 * Adds {@value #FEW} rows, counts the statements of one request of the page, adds
	 * twice as many again and counts once more: the page shows three times as many of the
	 * marked rows and sends no more statements.
	 */
	private void assertStatementsDoNotGrow(SignedInUser viewer, String url, IntConsumer addRows) throws Exception {
		addRows.accept(FEW);
		AtomicReference<String> page = new AtomicReference<>();
		Statements few = queries.statementsOf(() -> page.set(render(viewer, url)));
		int shownFew = occurrences(page.get(), marker);

		addRows.accept(2 * FEW);
		Statements many = queries.statementsOf(() -> page.set(render(viewer, url)));
		int shownMany = occurrences(page.get(), marker);

		assertThat(few.count()).as("statements of the page").isPositive();
		assertThat(shownFew).as("the marked rows on the page with %d of them", FEW).isPositive();
		assertThat(shownMany).as("the marked rows on the page with %d of them", 3 * FEW).isEqualTo(3 * shownFew);
		assertThat(many.count()).as("statements for %d rows (%s) against %d rows (%s)", 3 * FEW, many, FEW, few)
			.isEqualTo(few.count());
	}

	private String render(SignedInUser viewer, String url) throws Exception {
		return mvc.perform(get(url).with(user(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

}
