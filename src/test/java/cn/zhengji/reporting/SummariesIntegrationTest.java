package cn.zhengji.reporting;

import java.time.Clock;
import java.util.List;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.reporting.Summary.Approvals;
import cn.zhengji.reporting.Summary.AwardRow;
import cn.zhengji.reporting.Summary.Row;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every figure of the year-end summary equals the count by hand of the rows of
 * {@link SummaryFixture} (on top of {@link DashboardFixture}), for the province and for a
 * city; the admins of another province and of a sibling city get nothing.
 */
@ZhengjiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummariesIntegrationTest {

	@Autowired
	Summaries summaries;

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

	SummaryFixture data;

	DashboardFixture base;

	@BeforeAll
	void createFixture() {
		base = new DashboardFixture(jdbc, organisations, campaigns, campaignAdministration, clock);
		data = new SummaryFixture(base, jdbc, campaigns);
	}

	private Summary of(Organisation admins, Long unit) {
		SignedInUser admin = OrganisationTestData.orgAdmin(admins);
		return summaries.of(admin, data.campaign, summaries.unit(admin, data.campaign, unit));
	}

	private static Row row(List<Row> rows, long id) {
		return rows.stream().filter(row -> row.id() == id).findFirst().orElseThrow();
	}

	@Test
	void theProvinceSummaryCountsEveryUnitAndItsTotal() {
		Summary summary = of(base.province, null);

		assertThat(summary.unitId()).isEqualTo(base.province.id());
		assertThat(summary.byUnit()).extracting(Row::id)
			.containsExactly(base.province.id(), base.city.id(), base.otherCity.id());
		// entries, handed in, approved, awarded, recommended, quota, votes
		assertThat(summary.byUnit().getFirst())
			.isEqualTo(new Row(base.province.id(), base.province.displayName(), true, 0, 0, 0, 0, 0, 0, 0));
		assertThat(row(summary.byUnit(), base.city.id()))
			.isEqualTo(new Row(base.city.id(), base.city.displayName(), false, 12, 10, 4, 3, 4, 7, 2));
		assertThat(row(summary.byUnit(), base.otherCity.id()))
			.isEqualTo(new Row(base.otherCity.id(), base.otherCity.displayName(), false, 4, 4, 2, 1, 5, 5, 2));
		assertThat(summary.unitTotal())
			.isEqualTo(new Row(0, base.province.displayName(), false, 16, 14, 6, 4, 9, 12, 4));
		assertThat(summary.votesUsed()).isTrue();
	}

	@Test
	void theProvinceSummaryCountsEveryCategory() {
		Summary summary = of(base.province, null);

		assertThat(row(summary.byCategory(), base.category("micro-video")))
			.extracting(Row::entries, Row::handedIn, Row::approved, Row::awarded, Row::recommended, Row::quota,
					Row::votes)
			.containsExactly(6L, 4L, 1L, 1L, 0L, 0L, 0L);
		assertThat(row(summary.byCategory(), base.category("song")))
			.extracting(Row::entries, Row::handedIn, Row::approved, Row::awarded, Row::recommended, Row::quota,
					Row::votes)
			.containsExactly(8L, 8L, 5L, 3L, 0L, 0L, 4L);
		assertThat(row(summary.byCategory(), base.category("good-netizen")))
			.extracting(Row::entries, Row::handedIn, Row::approved, Row::awarded, Row::recommended, Row::quota,
					Row::votes)
			.containsExactly(2L, 2L, 0L, 0L, 7L, 10L, 0L);
		assertThat(row(summary.byCategory(), base.category("digital-union")))
			.extracting(Row::entries, Row::handedIn, Row::approved, Row::awarded, Row::recommended, Row::quota,
					Row::votes)
			.containsExactly(0L, 0L, 0L, 0L, 2L, 2L, 0L);
		assertThat(summary.byCategory()).hasSize(campaigns.categories(data.campaign).size());
		assertThat(summary.categoryTotal())
			.extracting(Row::entries, Row::handedIn, Row::approved, Row::awarded, Row::recommended, Row::quota,
					Row::votes)
			.containsExactly(16L, 14L, 6L, 4L, 9L, 12L, 4L);
	}

	@Test
	void approvalsCountEntriesOncePerKindOfLevelFromTheBottomUp() {
		assertThat(of(base.province, null).approvals()).containsExactly(new Approvals("COUNTY", 2, 0, 0, 0),
				new Approvals("CITY", 0, 2, 1, 1), new Approvals("PROVINCIAL", 1, 0, 0, 0));
	}

	@Test
	void awardsCountOnlyLockedRoundsByLevel() {
		Summary summary = of(base.province, null);

		assertThat(summary.awardLevels()).containsExactly("测试一等奖", "测试二等奖");
		AwardRow song = summary.awards()
			.stream()
			.filter(row -> row.categoryId() == base.category("song"))
			.findFirst()
			.orElseThrow();
		assertThat(song.counts()).containsExactly(1L, 2L);
		assertThat(song.total()).isEqualTo(3);
		assertThat(summary.awards().stream().mapToLong(AwardRow::total).sum()).isEqualTo(3);
	}

	@Test
	void eventsAndReachComeFromTheDashboardOfTheSameSubtree() {
		Summary summary = of(base.province, null);

		assertThat(summary.allocations())
			.extracting(Dashboard.Allocation::organisationId, Dashboard.Allocation::held,
					Dashboard.Allocation::allocated)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(base.city.id(), 7L, 7),
					org.assertj.core.groups.Tuple.tuple(base.countyA.id(), 4L, 3),
					org.assertj.core.groups.Tuple.tuple(base.otherCity.id(), 1L, 9));
		assertThat(summary.reach()).filteredOn(reach -> reach.metric().equals("WORKERS_REACHED"))
			.extracting(Dashboard.Reach::value)
			.containsExactly(390L);
		assertThat(summary.reach()).filteredOn(reach -> reach.metric().equals("PROMOTERS"))
			.extracting(Dashboard.Reach::value)
			.containsExactly(1007L);
		assertThat(summary.reach()).filteredOn(reach -> reach.metric().equals("ENTERPRISES_OR_EVENTS"))
			.extracting(Dashboard.Reach::value)
			.containsExactly(8L);
	}

	@Test
	void aCityAdminSeesItsOwnSubtreeOnly() {
		Summary summary = of(base.city, null);

		assertThat(summary.unitId()).isEqualTo(base.city.id());
		assertThat(summary.byUnit()).extracting(Row::id)
			.containsExactly(base.city.id(), base.countyA.id(), base.countyB.id());
		assertThat(summary.byUnit().getFirst()).extracting(Row::entries, Row::handedIn, Row::recommended, Row::quota)
			.containsExactly(1L, 0L, 4L, 7L);
		assertThat(row(summary.byUnit(), base.countyA.id()))
			.extracting(Row::entries, Row::handedIn, Row::approved, Row::awarded, Row::votes)
			.containsExactly(6L, 6L, 3L, 2L, 2L);
		assertThat(row(summary.byUnit(), base.countyB.id()))
			.extracting(Row::entries, Row::handedIn, Row::approved, Row::awarded, Row::votes)
			.containsExactly(5L, 4L, 1L, 1L, 0L);
		assertThat(summary.unitTotal())
			.extracting(Row::entries, Row::handedIn, Row::approved, Row::awarded, Row::recommended, Row::quota,
					Row::votes)
			.containsExactly(12L, 10L, 4L, 3L, 4L, 7L, 2L);
		assertThat(summary.awards().stream().mapToLong(AwardRow::total).sum()).isEqualTo(2);
		SignedInUser cityAdmin = OrganisationTestData.orgAdmin(base.city);
		assertThatThrownBy(() -> summaries.unit(cityAdmin, data.campaign, base.otherCity.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> summaries.unit(cityAdmin, data.campaign, base.province.id()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theAdminsOfAnotherProvinceGetNothing() {
		Organisation elsewhere = new OrganisationTestData(jdbc, organisations).create(organisations.root(), "总结对照省",
				OrganisationKind.PROVINCIAL);
		SignedInUser admin = OrganisationTestData.orgAdmin(elsewhere);

		assertThatThrownBy(() -> summaries.unit(admin, data.campaign, null)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> summaries.unit(admin, data.campaign, base.province.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> summaries.of(admin, data.campaign, base.province))
			.isInstanceOf(NotFoundException.class);
	}

}
