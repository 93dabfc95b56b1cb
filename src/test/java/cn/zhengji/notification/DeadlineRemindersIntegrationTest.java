package cn.zhengji.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MutableClock;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.notification.NotificationFixtures.Person;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-APR-1 Deadline reminders through the real task logic and database, with a settable
 * clock: a copy of the Fujian campaign moved to 2080 (submission phase ends 30 August
 * 2080, Beijing time), entries waiting at a fresh county. Days are counted in the
 * campaign's zone, each (phase, organisation, days before) is reminded exactly once, also
 * when two nodes run at the same time.
 */
@AccountTestContext
class DeadlineRemindersIntegrationTest {

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignAdministration campaignAdministration;

	@Autowired
	NoticePreferences preferences;

	@Autowired
	RecordingSmsGateway sms;

	NotificationFixtures fixtures;

	Campaign campaign;

	Organisation county;

	Organisation quietCounty;

	Person countyAdmin;

	Person secondCountyAdmin;

	Person quietAdmin;

	Person worker;

	@BeforeEach
	void createScenery() {
		fixtures = new NotificationFixtures(jdbc, organisations, cipher, userDetails);
		SignedInUser platformAdmin = ((SignedInUser) userDetails.loadUserByUsername("admin")).withPasswordChanged()
			.withSecondFactor(Instant.now());
		String code = "remind-" + UUID.randomUUID().toString().substring(0, 8);
		campaign = campaignAdministration.copy(platformAdmin, "fujian-2024", code, "提醒测试活动", 2080);
		Organisation fuzhou = fixtures.byCode("fj-fuzhou");
		county = fixtures.organisation(fuzhou, "提醒测试区总工会", OrganisationKind.COUNTY);
		quietCounty = fixtures.organisation(fuzhou, "提醒无待审区总工会", OrganisationKind.COUNTY);
		countyAdmin = fixtures.admin(county);
		secondCountyAdmin = fixtures.admin(county);
		quietAdmin = fixtures.admin(quietCounty);
		worker = fixtures.participant(county);
		for (String title : List.of("待审作品一", "待审作品二")) {
			fixtures.waitAt(fixtures.entry(campaign, campaigns, county, worker.id(), worker.id(), title), county);
		}
		// A draft does not wait anywhere.
		fixtures.entry(campaign, campaigns, quietCounty, worker.id(), worker.id(), "草稿");
	}

	@AfterEach
	void restoreClock() {
		clock.useSystemTime();
	}

	List<String> reminderTitles(Person person) {
		return jdbc.sql("select title from notice where account_id = ? and kind = 'REMINDER' order by id")
			.param(person.id())
			.query(String.class)
			.list();
	}

	@Test
	void remindsTheAdminsOfAUnitWithWaitingEntriesThreeDaysBeforeTheEndInBeijingTime() {
		// 26 August 17:00 UTC is 27 August 01:00 in Beijing: three days before the 30th
		// there.
		clock.set(Instant.parse("2080-08-26T17:00:00Z"));

		reminders.remind();

		assertThat(reminderTitles(countyAdmin)).containsExactly("截止提醒：自评申报还剩 3 天，2 件作品待审核");
		assertThat(jdbc.sql("select body, link from notice where account_id = ? and kind = 'REMINDER'")
			.param(countyAdmin.id())
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
			.single()).isEqualTo("“提醒测试活动”的“自评申报”阶段将于 8月30日 截止（还剩 3 天），贵单位尚有 2 件作品等待审核，请及时处理。" + "|/admin/queue");
		assertThat(reminderTitles(secondCountyAdmin)).containsExactly("截止提醒：自评申报还剩 3 天，2 件作品待审核");
		assertThat(reminderTitles(quietAdmin)).isEmpty();
		assertThat(jdbc.sql("select days_before, waiting from deadline_reminder where organisation_id = ?")
			.param(county.id())
			.query((rs, n) -> rs.getInt(1) + "/" + rs.getInt(2))
			.list()).containsExactly("3/2");
	}

	@Test
	void aSecondRunOnTheSameDaySendsNothingAndDaysNotConfiguredSendNothing() {
		clock.set(Instant.parse("2080-08-27T00:30:00Z"));
		reminders.remind();
		reminders.remind();
		assertThat(reminderTitles(countyAdmin)).hasSize(1);

		// Two days before: not configured (the default is 3 and 1).
		clock.set(Instant.parse("2080-08-28T00:30:00Z"));
		reminders.remind();
		assertThat(reminderTitles(countyAdmin)).hasSize(1);

		clock.set(Instant.parse("2080-08-29T00:30:00Z"));
		reminders.remind();
		assertThat(reminderTitles(countyAdmin)).containsExactly("截止提醒：自评申报还剩 3 天，2 件作品待审核", "截止提醒：自评申报还剩 1 天，2 件作品待审核");
	}

	@Test
	void twoNodesRunningAtOnceRemindEachAdminOnce() throws Exception {
		clock.set(Instant.parse("2080-08-29T00:30:00Z"));
		CountDownLatch start = new CountDownLatch(1);
		Callable<Integer> node = () -> {
			start.await();
			return reminders.remind();
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> first = pool.submit(node);
			Future<Integer> second = pool.submit(node);
			start.countDown();
			first.get();
			second.get();
		}
		finally {
			pool.shutdown();
		}

		assertThat(reminderTitles(countyAdmin)).containsExactly("截止提醒：自评申报还剩 1 天，2 件作品待审核");
		assertThat(reminderTitles(secondCountyAdmin)).hasSize(1);
	}

	@Test
	void anAdminWhoOptedInAlsoGetsATextMessage() {
		preferences.setTexts(fixtures.signedIn(countyAdmin), true);
		clock.set(Instant.parse("2080-08-27T00:30:00Z"));

		reminders.remind();

		assertThat(sms.sentTo(countyAdmin.mobile())).extracting(RecordingSmsGateway.Sent::text)
			.containsExactly("【职工网络正能量作品申报平台】截止提醒：自评申报还剩 3 天，2 件作品待审核，详情请登录平台查看。");
		assertThat(sms.sentTo(secondCountyAdmin.mobile())).isEmpty();
	}

	List<String> submitterReminders(Person person) {
		return jdbc.sql("""
				select title || '|' || body || '|' || link from notice
				where account_id = ? and kind = 'REMINDER' and link = '/works' order by id
				""").param(person.id()).query(String.class).list();
	}

	@Test
	void submittersWithDraftsOrReturnedEntriesAreRemindedOnceEachBeforeTheSubmissionDeadline() {
		Person drafter = fixtures.participant(county);
		for (String title : List.of("草稿一", "草稿二")) {
			fixtures.entry(campaign, campaigns, county, drafter.id(), drafter.id(), title);
		}
		long returned = fixtures.entry(campaign, campaigns, county, drafter.id(), drafter.id(), "退回的作品");
		jdbc.sql("update entry set state = 'RETURNED', decided_by_organisation_id = ? where id = ?")
			.params(county.id(), returned)
			.update();
		Person waitingOnly = fixtures.participant(county);
		fixtures.waitAt(fixtures.entry(campaign, campaigns, county, waitingOnly.id(), waitingOnly.id(), "已提交"), county);
		Person withdrawnOnly = fixtures.participant(county);
		long withdrawn = fixtures.entry(campaign, campaigns, county, withdrawnOnly.id(), withdrawnOnly.id(), "撤回");
		jdbc.sql("update entry set state = 'WITHDRAWN' where id = ?").param(withdrawn).update();
		Organisation grassroots = fixtures.organisation(county, "提醒基层工会", OrganisationKind.GRASSROOTS);
		Person unionAdmin = fixtures.admin(grassroots);
		Person secondUnionAdmin = fixtures.adminWithoutMobile(grassroots);
		Person disabledUnionAdmin = fixtures.disabledAdmin(grassroots);
		fixtures.entry(campaign, campaigns, grassroots, null, unionAdmin.id(), "工会的草稿");
		preferences.setTexts(fixtures.signedIn(drafter), true);

		clock.set(Instant.parse("2080-08-26T17:00:00Z"));
		reminders.remind();
		reminders.remind();

		String body = "“提醒测试活动”的“自评申报”阶段将于 8月30日 截止（还剩 3 天），%s尚有 %d 件作品未提交（草稿或退回修改），截止后将无法提交，请及时完成。";
		assertThat(submitterReminders(drafter))
			.containsExactly("截止提醒：自评申报还剩 3 天，3 件作品尚未提交|" + body.formatted("您", 3) + "|/works");
		assertThat(submitterReminders(worker))
			.containsExactly("截止提醒：自评申报还剩 3 天，1 件作品尚未提交|" + body.formatted("您", 1) + "|/works");
		assertThat(submitterReminders(unionAdmin))
			.containsExactly("截止提醒：自评申报还剩 3 天，1 件作品尚未提交|" + body.formatted("贵单位", 1) + "|/works");
		assertThat(submitterReminders(secondUnionAdmin)).hasSize(1);
		assertThat(submitterReminders(disabledUnionAdmin)).isEmpty();
		assertThat(submitterReminders(waitingOnly)).isEmpty();
		assertThat(submitterReminders(withdrawnOnly)).isEmpty();
		assertThat(submitterReminders(countyAdmin)).isEmpty();
		assertThat(sms.sentTo(drafter.mobile())).extracting(RecordingSmsGateway.Sent::text)
			.containsExactly("【职工网络正能量作品申报平台】截止提醒：自评申报还剩 3 天，3 件作品尚未提交，详情请登录平台查看。");

		clock.set(Instant.parse("2080-08-29T00:30:00Z"));
		reminders.remind();
		assertThat(submitterReminders(drafter)).hasSize(2);
		assertThat(submitterReminders(unionAdmin)).hasSize(2);
	}

}
