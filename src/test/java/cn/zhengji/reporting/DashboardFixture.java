package cn.zhengji.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh, uniquely named province (below the root: other tests count the children of the
 * seeded units) with a subtree of known entries, events, quotas, allocations and reach
 * figures, and a second city with entries of its own that the first city's admins must
 * never see, in a fresh copy of the demonstration campaign (same dates and categories;
 * other tests count the demonstration campaign's own allocations). Rows are written
 * directly: the scenery, not the behaviour under test. The expected figures are spelled
 * out in {@link DashboardsIntegrationTest}.
 *
 * <pre>
 * province (PROVINCIAL)           nothing of its own
 * ├── city (CITY)                 own: 1 draft (micro-video); pending here: 1 (good-netizen, from g2, 5 days)
 * │   ├── countyA (COUNTY)        2 submitted micro-video waiting here (3 and 1 days), 1 approved song
 * │   │   └── g1 (GRASSROOTS)     1 submitted song waiting here (2 days)
 * │   └── countyB (COUNTY)        1 returned micro-video, 1 withdrawn micro-video
 * │       └── g2 (GRASSROOTS)     1 rejected good-netizen, 1 submitted good-netizen (waiting at the city)
 * └── otherCity (CITY)            2 submitted song waiting there
 * </pre>
 */
public final class DashboardFixture {

	public final Campaign campaign;

	public final Organisation province;

	public final Organisation city;

	public final Organisation countyA;

	public final Organisation countyB;

	public final Organisation g1;

	public final Organisation g2;

	public final Organisation otherCity;

	/**
	 * The instant the waiting times are counted from (the application's clock when the
	 * fixture was made).
	 */
	public final Instant now;

	/** Today and yesterday at noon, Beijing time: the days of the "by day" figure. */
	public final Instant today;

	public final Instant yesterday;

	private final JdbcClient jdbc;

	private final long account;

	public DashboardFixture(JdbcClient jdbc, Organisations organisations, Campaigns campaigns,
			CampaignAdministration campaignAdministration, Clock clock) {
		this.jdbc = jdbc;
		OrganisationTestData data = new OrganisationTestData(jdbc, organisations);
		province = data.create(organisations.root(), "看板测试省", OrganisationKind.PROVINCIAL);
		Campaign demo = campaigns.getByCode("demo-fujian");
		campaign = campaignAdministration.copy(OrganisationTestData.platformAdmin(organisations.root()), demo.code(),
				OrganisationTestData.unique("dashboard-"), "看板测试活动", demo.year());
		city = data.create(province, "看板测试市", OrganisationKind.CITY);
		countyA = data.create(city, "看板测试甲区", OrganisationKind.COUNTY);
		countyB = data.create(city, "看板测试乙区", OrganisationKind.COUNTY);
		g1 = data.create(countyA, "看板测试甲公司工会", OrganisationKind.GRASSROOTS);
		g2 = data.create(countyB, "看板测试乙公司工会", OrganisationKind.GRASSROOTS);
		otherCity = data.create(province, "看板对照市", OrganisationKind.CITY);
		account = jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, '看板测试管理员', '{noop}unused', 'ORG_ADMIN', ?) returning id
				""").params(OrganisationTestData.unique("dashboard-admin-"), city.id()).query(Long.class).single();
		now = clock.instant();
		OffsetDateTime noon = now.atZone(campaign.timeZone())
			.truncatedTo(ChronoUnit.DAYS)
			.plusHours(12)
			.toOffsetDateTime();
		today = noon.toInstant().isAfter(now) ? noon.minusDays(1).toInstant() : noon.toInstant();
		yesterday = today.minus(1, ChronoUnit.DAYS);

		entry(city, "micro-video", "DRAFT", null, null, null);
		entry(countyA, "micro-video", "SUBMITTED", today, countyA, days(3));
		entry(countyA, "micro-video", "SUBMITTED", today, countyA, days(1));
		entry(countyA, "song", "APPROVED", yesterday, null, null);
		entry(g1, "song", "SUBMITTED", today, g1, days(2));
		entry(countyB, "micro-video", "RETURNED", yesterday, null, null);
		entry(countyB, "micro-video", "WITHDRAWN", yesterday, null, null);
		entry(g2, "good-netizen", "REJECTED", yesterday, null, null);
		entry(g2, "good-netizen", "SUBMITTED", today, city, days(5));
		entry(otherCity, "song", "SUBMITTED", today, otherCity, days(4));
		entry(otherCity, "song", "SUBMITTED", today, otherCity, days(4));

		quota("good-netizen", city, 5, 2);
		quota("digital-union", city, 2, 2);
		quota("good-netizen", otherCity, 5, 5);
		allocation(city, 7);
		allocation(countyA, 3);
		allocation(otherCity, 9);
		event(city);
		event(city);
		event(countyA);
		event(countyA);
		event(countyA);
		event(g1);
		event(countyB);
		event(otherCity);
		reach(city, "WORKERS_REACHED", 100);
		reach(g1, "WORKERS_REACHED", 50);
		reach(countyB, "PROMOTERS", 7);
		reach(otherCity, "PROMOTERS", 1000);
	}

	private Instant days(int days) {
		return now.minus(days, ChronoUnit.DAYS);
	}

	public long category(String code) {
		return jdbc.sql("select id from campaign_category where campaign_id = ? and code = ?")
			.params(campaign.id(), code)
			.query(Long.class)
			.single();
	}

	private void entry(Organisation organisation, String category, String state, Instant submittedAt,
			Organisation pendingAt, Instant pendingSince) {
		jdbc.sql("""
				insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
				    organisation_id, organisation_path, title, state, created_at, updated_at, submitted_at,
				    pending_organisation_id, pending_since)
				values (?, ?, ?, 'UNION_ORGANISATION', ?, false, ?, ?, '看板测试作品', ?, ?, ?, ?, ?, ?)
				""")
			.params(campaign.id(), category(category), account, "organisation:" + organisation.id(), organisation.id(),
					organisation.path(), state, utc(now), utc(now), utc(submittedAt),
					pendingAt == null ? null : pendingAt.id(), utc(pendingSince))
			.update();
	}

	private void quota(String category, Organisation organisation, int allowed, int used) {
		jdbc.sql("insert into recommendation_quota (category_id, organisation_id, allowed, used) values (?, ?, ?, ?)")
			.params(category(category), organisation.id(), allowed, used)
			.update();
	}

	private void allocation(Organisation organisation, int events) {
		jdbc.sql("insert into event_allocation (campaign_id, organisation_id, events) values (?, ?, ?)")
			.params(campaign.id(), organisation.id(), events)
			.update();
	}

	private void event(Organisation organisation) {
		jdbc.sql(
				"""
						insert into offline_event (campaign_id, organisation_id, organisation_path, held_on, place, participants,
						    description, reported_by, reported_at, updated_at)
						values (?, ?, ?, current_date, '看板测试会议室', 30, '看板测试活动', ?, now(), now())
						""")
			.params(campaign.id(), organisation.id(), organisation.path(), account)
			.update();
	}

	private void reach(Organisation organisation, String metric, long value) {
		jdbc.sql(
				"""
						insert into unit_reach (campaign_id, organisation_id, organisation_path, metric, value, updated_by, updated_at)
						values (?, ?, ?, ?, ?, ?, now())
						""")
			.params(campaign.id(), organisation.id(), organisation.path(), metric, value, account)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
