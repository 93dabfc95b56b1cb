package cn.zhengji.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.zhengji.account.MutableClock;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.TargetMetric;
import cn.zhengji.files.Uploads;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.account.AccountTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 11 item 8 against the real database: offline events and reach figures are
 * accepted only in campaigns the union takes part in, for days within the campaign, and a
 * union records only so many events an hour, counted in PostgreSQL so that every node
 * sees the same count.
 */
@AccountTestContext
class WritesInsideCampaignsIntegrationTest {

	@Autowired
	EventReports reports;

	@Autowired
	ReachFigures reach;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Uploads uploads;

	@Autowired
	MutableClock clock;

	ActivityFixtures fixtures;

	Organisation province;

	@BeforeEach
	void scenery() {
		fixtures = new ActivityFixtures(jdbc, organisations, userDetails, cipher, administration, campaigns, uploads);
		province = fixtures.organisation("fj");
	}

	@AfterEach
	void systemTime() {
		clock.useSystemTime();
	}

	@Test
	void aUnionOutsideEveryAllocatedUnitTakesNoPartAndIsToldSo() {
		Campaign fujian = fixtures.campaignCopy("fujian-2024");
		// 省直机关工会: inside the host's tree, but Fujian allocates its events to the ten
		// cities only.
		SignedInUser organAdmin = fixtures
			.admin(fixtures.unit(province, "省直机关测试工会", OrganisationKind.PROVINCIAL_ORGAN));

		assertThat(reports.mayReport(organAdmin, fujian)).isFalse();
		ActivityRejected event = catchThrowableOfType(ActivityRejected.class,
				() -> reports.report(organAdmin, fujian, ActivityFixtures.event("2024-06-02", "省直机关", 10)));
		assertThat(event.messageCode()).isEqualTo("activity.campaign.notTakingPart");
		ActivityRejected figures = catchThrowableOfType(ActivityRejected.class,
				() -> reach.save(organAdmin, fujian, Map.of(TargetMetric.PROMOTERS, "5")));
		assertThat(figures.messageCode()).isEqualTo("activity.campaign.notTakingPart");
		assertThat(jdbc.sql("select count(*) from offline_event where campaign_id = ?")
			.param(fujian.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from unit_reach where campaign_id = ?")
			.param(fujian.id())
			.query(Long.class)
			.single()).isZero();
		// The host and the units below an allocated city do take part.
		assertThat(reports.mayReport(fixtures.admin(province), fujian)).isTrue();
		assertThat(reports.mayReport(fixtures.admin(fixtures.county(fixtures.organisation("fj-fuzhou"))), fujian))
			.isTrue();
		// A unit outside the host's tree never does.
		assertThat(reports.mayReport(fixtures.admin(fixtures.organisation("bj")), fujian)).isFalse();
	}

	@Test
	void aUnionOfAFeedingCampaignIsSentThereWithAMessageInsteadOfANotFound() {
		Campaign national = fixtures.campaignCopy("national-2024");
		Campaign fujian = fixtures.feeding(fixtures.campaignCopy("fujian-2024"), national);
		SignedInUser xiamenAdmin = fixtures.admin(fixtures.organisation("fj-xiamen"));

		ActivityRejected refused = catchThrowableOfType(ActivityRejected.class,
				() -> reports.report(xiamenAdmin, national, ActivityFixtures.event("2024-06-02", "厦门", 10)));

		assertThat(refused.messageCode()).isEqualTo("activity.campaign.reportsInstead");
		assertThat(refused.arguments()).containsExactly(national.title(), fujian.title());
	}

	@Test
	void anEventHeldOutsideTheCampaignsDatesIsRefused() {
		// The national campaign runs from 1 April to 31 December 2024.
		Campaign national = fixtures.campaignCopy("national-2024");
		SignedInUser provinceAdmin = fixtures.admin(province);

		ActivityRejected after = catchThrowableOfType(ActivityRejected.class,
				() -> reports.report(provinceAdmin, national, ActivityFixtures.event("2025-03-01", "福建省总工会", 10)));
		ActivityRejected before = catchThrowableOfType(ActivityRejected.class,
				() -> reports.report(provinceAdmin, national, ActivityFixtures.event("2024-03-31", "福建省总工会", 10)));

		assertThat(after.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo("heldOn");
			assertThat(problem.messageCode()).isEqualTo("activity.event.heldOn.outsideCampaign");
			assertThat(problem.arguments()).containsExactly("2024-04-01", "2024-12-31");
		});
		assertThat(before.messageCode()).isEqualTo("activity.event.heldOn.outsideCampaign");
		assertThat(reports.report(provinceAdmin, national, ActivityFixtures.event("2024-12-31", "福建省总工会", 10))
			.details()
			.heldOn()).hasToString("2024-12-31");
		assertThat(jdbc.sql("select count(*) from offline_event where campaign_id = ?")
			.param(national.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void reachFiguresStandOnceTheCampaignIsOver() {
		Campaign national = fixtures.campaignCopy("national-2024");
		SignedInUser provinceAdmin = fixtures.admin(province);
		clock.set(Instant.parse("2024-12-31T15:00:00Z"));
		reach.save(provinceAdmin, national, Map.of(TargetMetric.PROMOTERS, "5"));

		// 1 January 2025 in Beijing: the campaign ended the day before.
		clock.set(Instant.parse("2024-12-31T16:00:00Z"));
		ActivityRejected refused = catchThrowableOfType(ActivityRejected.class,
				() -> reach.save(provinceAdmin, national, Map.of(TargetMetric.PROMOTERS, "5000")));

		assertThat(refused.messageCode()).isEqualTo("activity.reach.campaignOver");
		assertThat(reach.own(provinceAdmin, national)).containsEntry(TargetMetric.PROMOTERS, 5L);
	}

	@Test
	void aUnionRecordsAtMostTwentyEventsAnHourInACampaign() {
		Campaign fujian = fixtures.campaignCopy("fujian-2024");
		SignedInUser xiamenAdmin = fixtures.admin(fixtures.organisation("fj-xiamen"));
		clock.set(Instant.parse("2024-09-10T02:00:00Z"));
		for (int i = 0; i < 20; i++) {
			reports.report(xiamenAdmin, fujian, ActivityFixtures.event("2024-06-02", "厦门" + i, 10));
		}

		ActivityRejected refused = catchThrowableOfType(ActivityRejected.class,
				() -> reports.report(xiamenAdmin, fujian, ActivityFixtures.event("2024-06-02", "厦门脚本", 10)));

		assertThat(refused.messageCode()).isEqualTo("activity.event.tooMany.hour");
		assertThat(refused.arguments()).containsExactly("20");
		// Another campaign and another union are not held back by it.
		Campaign other = fixtures.campaignCopy("fujian-2024");
		reports.report(xiamenAdmin, other, ActivityFixtures.event("2024-06-02", "厦门", 10));
		reports.report(fixtures.admin(fixtures.organisation("fj-fuzhou")), fujian,
				ActivityFixtures.event("2024-06-02", "福州", 10));
		clock.advance(Duration.ofMinutes(61));
		reports.report(xiamenAdmin, fujian, ActivityFixtures.event("2024-06-02", "厦门", 10));
		assertThat(jdbc.sql("select count(*) from offline_event where campaign_id = ? and organisation_id = ?")
			.params(fujian.id(), xiamenAdmin.organisationId())
			.query(Long.class)
			.single()).isEqualTo(21);
	}

	@Test
	void twoReportsRacingForTheLastPlaceOfTheHourStoreOnlyOne() throws Exception {
		Campaign fujian = fixtures.campaignCopy("fujian-2024");
		SignedInUser xiamenAdmin = fixtures.admin(fixtures.organisation("fj-xiamen"));
		clock.set(Instant.parse("2024-09-10T02:00:00Z"));
		for (int i = 0; i < 19; i++) {
			reports.report(xiamenAdmin, fujian, ActivityFixtures.event("2024-06-02", "厦门" + i, 10));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> outcomes = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Callable<Boolean> report = () -> {
					start.await();
					try {
						reports.report(xiamenAdmin, fujian, ActivityFixtures.event("2024-06-02", "并发", 10));
						return true;
					}
					catch (ActivityRejected refused) {
						return false;
					}
				};
				outcomes.add(pool.submit(report));
			}
			start.countDown();
			int stored = 0;
			for (Future<Boolean> outcome : outcomes) {
				stored += outcome.get() ? 1 : 0;
			}
			assertThat(stored).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from offline_event where campaign_id = ? and organisation_id = ?")
			.params(fujian.id(), xiamenAdmin.organisationId())
			.query(Long.class)
			.single()).isEqualTo(20);
	}

}
