package cn.zhengji.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Target;
import cn.zhengji.campaign.TargetMetric;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.reporting.Dashboard.Allocation;
import cn.zhengji.reporting.Dashboard.Breakdown;
import cn.zhengji.reporting.Dashboard.Quota;
import cn.zhengji.reporting.Dashboard.Reach;
import cn.zhengji.reporting.Dashboard.Totals;
import cn.zhengji.reporting.Dashboard.Waiting;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure of a dashboard equals the count of the rows of {@link DashboardFixture},
 * for each level.
 */
@ZhengjiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsIntegrationTest {

	@Autowired
	Dashboards dashboards;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignAdministration campaignAdministration;

	@Autowired
	Clock clock;

	DashboardFixture data;

	@BeforeAll
	void createFixture() {
		data = new DashboardFixture(jdbc, organisations, campaigns, campaignAdministration, clock);
	}

	private Dashboard cityDashboard() {
		SignedInUser admin = OrganisationTestData.orgAdmin(data.city);
		return dashboards.of(admin, data.campaign, dashboards.unit(admin, data.campaign, null));
	}

	/** [DRAFT, SUBMITTED, RETURNED, APPROVED, REJECTED, WITHDRAWN] */
	private static List<Long> counts(long... values) {
		return java.util.Arrays.stream(values).boxed().toList();
	}

	@Test
	void cityTotalsCountEveryEntryAndEventOfItsSubtreeOnly() {
		assertThat(cityDashboard().totals()).isEqualTo(new Totals(9, 7, 4, 1, 1, 7));
	}

	@Test
	void entriesByCategoryAreCountedByState() {
		Map<String, Breakdown> rows = cityDashboard().byCategory()
			.stream()
			.collect(Collectors.toMap(Breakdown::label, row -> row));

		assertThat(rows.get("微视频").counts()).isEqualTo(counts(1, 2, 1, 0, 0, 1));
		assertThat(rows.get("微视频").total()).isEqualTo(5);
		assertThat(rows.get("歌曲").counts()).isEqualTo(counts(0, 1, 0, 1, 0, 0));
		assertThat(rows.get("八闽职工好网民").counts()).isEqualTo(counts(0, 1, 0, 0, 1, 0));
		assertThat(rows.get("数字赋能工会").total()).isZero();
		// Every category of the campaign has a row, in the campaign's order.
		assertThat(cityDashboard().byCategory()).hasSize(campaigns.categories(data.campaign).size());
	}

	@Test
	void entriesByUnitRollUpEachChildsSubtreeAfterTheUnitsOwn() {
		List<Breakdown> rows = cityDashboard().byUnit();

		assertThat(rows).extracting(Breakdown::id)
			.containsExactly(data.city.id(), data.countyA.id(), data.countyB.id());
		assertThat(rows.get(0).own()).isTrue();
		assertThat(rows.get(0).counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0));
		assertThat(rows.get(1).counts()).isEqualTo(counts(0, 3, 0, 1, 0, 0));
		assertThat(rows.get(2).counts()).isEqualTo(counts(0, 1, 1, 0, 1, 1));
		assertThat(rows.stream().mapToLong(Breakdown::total).sum()).isEqualTo(9);
	}

	@Test
	void handedInEntriesAreCountedOnTheDayOfTheirLatestHandIn() {
		Dashboard dashboard = cityDashboard();
		LocalDate today = LocalDate.ofInstant(data.today, data.campaign.timeZone());
		LocalDate yesterday = today.minusDays(1);
		Map<LocalDate, Long> byDay = dashboard.byDay()
			.stream()
			.collect(Collectors.toMap(Dashboard.Day::day, Dashboard.Day::handedIn));

		// Today: 2 + 1 + 1 submitted; yesterday: approved, returned, rejected (the
		// withdrawn one is not handed in).
		assertThat(byDay.get(today)).isEqualTo(4);
		assertThat(byDay.get(yesterday)).isEqualTo(3);
		assertThat(byDay.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(7);
		// The submission phase of the demonstration campaign opened 30 days ago: every
		// day since, zeros included.
		assertThat(dashboard.byDay().get(0).day())
			.isEqualTo(data.campaign.phase(cn.zhengji.campaign.PhaseKind.SUBMISSION).orElseThrow().startsOn());
		assertThat(dashboard.byDay()).hasSize(31);
	}

	@Test
	void waitingEntriesAreGroupedByTheLevelTheyWaitAtFromTheBottomUpWithTheirAge() {
		List<Waiting> waiting = cityDashboard().waiting();

		assertThat(waiting).extracting(Waiting::kind).containsExactly("GRASSROOTS", "COUNTY", "CITY");
		assertThat(waiting).extracting(Waiting::entries).containsExactly(1L, 2L, 1L);
		assertThat(waiting.get(0).oldestDays()).isCloseTo(2.0, within(0.05));
		assertThat(waiting.get(1).oldestDays()).isCloseTo(3.0, within(0.05));
		assertThat(waiting.get(1).averageDays()).isCloseTo(2.0, within(0.05));
		assertThat(waiting.get(2).averageDays()).isCloseTo(5.0, within(0.05));
	}

	@Test
	void quotasOfTheSubtreeShowUsedAgainstAllowed() {
		assertThat(cityDashboard().quotas()).containsExactly(
				new Quota(data.city.id(), data.city.name(), data.category("digital-union"), "数字赋能工会", 2, 2),
				new Quota(data.city.id(), data.city.name(), data.category("good-netizen"), "八闽职工好网民", 2, 5));
	}

	@Test
	void eventsRollUpOverEachAllocatedUnitsSubtree() {
		assertThat(cityDashboard().allocations()).containsExactly(
				new Allocation(data.city.id(), data.city.name(), 7, 7),
				new Allocation(data.countyA.id(), data.countyA.name(), 3, 4));
	}

	@Test
	void reachFiguresAreSummedOverTheSubtreeAgainstTheCampaignTargets() {
		Map<TargetMetric, Long> targets = campaigns.targets(data.campaign)
			.stream()
			.collect(Collectors.toMap(Target::metric, Target::target));

		assertThat(cityDashboard().reach()).containsExactly(
				new Reach("ORGANISATIONS_MOBILISED", 0, targets.get(TargetMetric.ORGANISATIONS_MOBILISED)),
				new Reach("PROMOTERS", 7, targets.get(TargetMetric.PROMOTERS)),
				new Reach("ENTERPRISES_OR_EVENTS", 7, targets.get(TargetMetric.ENTERPRISES_OR_EVENTS)),
				// 150 entered as reached otherwise, and the 30 participants of each of
				// the 7
				// events
				new Reach("WORKERS_REACHED", 360, targets.get(TargetMetric.WORKERS_REACHED)),
				new Reach("WORKERS_COVERED", 0, targets.get(TargetMetric.WORKERS_COVERED)));
	}

	@Test
	void aCountyAdminSeesOnlyItsCounty() {
		SignedInUser admin = OrganisationTestData.orgAdmin(data.countyA);
		Dashboard dashboard = dashboards.of(admin, data.campaign, dashboards.unit(admin, data.campaign, null));

		assertThat(dashboard.totals()).isEqualTo(new Totals(4, 4, 3, 2, 1, 4));
		assertThat(dashboard.byUnit()).extracting(Breakdown::total).containsExactly(3L, 1L);
		assertThat(dashboard.quotas()).isEmpty();
		assertThat(dashboard.allocations())
			.containsExactly(new Allocation(data.countyA.id(), data.countyA.name(), 3, 4));
	}

	@Test
	void theProvinceAdminOpensACitysDashboardWithTheSameFigures() {
		SignedInUser province = OrganisationTestData.orgAdmin(data.province);

		Dashboard dashboard = dashboards.of(province, data.campaign,
				dashboards.unit(province, data.campaign, data.city.id()));

		assertThat(dashboard).isEqualTo(cityDashboard());
	}

	@Test
	void anotherCitysDashboardDoesNotExistForACityAdmin() {
		SignedInUser admin = OrganisationTestData.orgAdmin(data.city);

		assertThatThrownBy(() -> dashboards.unit(admin, data.campaign, data.otherCity.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> dashboards.of(admin, data.campaign, data.otherCity))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(
				() -> dashboards.unit(OrganisationTestData.user(Role.PARTICIPANT, data.city), data.campaign, null))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void thePlatformAdminSeesAnyUnitAndStartsAtTheCampaignsHost() {
		SignedInUser platform = OrganisationTestData.platformAdmin(organisations.root());

		assertThat(dashboards.unit(platform, data.campaign, null).id()).isEqualTo(data.campaign.hostOrganisationId());
		Dashboard other = dashboards.of(platform, data.campaign,
				dashboards.unit(platform, data.campaign, data.otherCity.id()));
		assertThat(other.totals()).isEqualTo(new Totals(2, 2, 2, 2, 0, 1));
		assertThat(other.quotas()).extracting(Quota::used).containsExactly(5);
	}

}
