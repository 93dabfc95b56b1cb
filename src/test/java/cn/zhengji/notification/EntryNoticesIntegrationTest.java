package cn.zhengji.notification;

import java.util.List;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.notification.NotificationFixtures.Person;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.zhengji.notification.NotificationFixtures.event;
import static cn.zhengji.notification.NotificationFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * R-APR-1 Notices at every step of an entry, through the real listener and database: the
 * event is published inside a transaction, as every entry change does. Who is told
 * (submitter, next approver, never the actor), what they read, and that text messages go
 * out only after the commit, only to those who opted in, and that a failing SMS provider
 * breaks nothing.
 */
@AccountTestContext
class EntryNoticesIntegrationTest {

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
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	NoticePreferences preferences;

	@Autowired
	RecordingSmsGateway sms;

	NotificationFixtures fixtures;

	Campaign campaign;

	Organisation county;

	Organisation grassroots;

	Person countyAdmin;

	Person grassrootsAdmin;

	Person otherGrassrootsAdmin;

	Person disabledGrassrootsAdmin;

	Person worker;

	long entry;

	@BeforeEach
	void createScenery() {
		fixtures = new NotificationFixtures(jdbc, organisations, cipher, userDetails);
		campaign = campaigns.getByCode("demo-fujian");
		county = fixtures.organisation(fixtures.byCode("fj-fuzhou"), "消息测试区总工会", OrganisationKind.COUNTY);
		grassroots = fixtures.organisation(county, "消息测试公司工会", OrganisationKind.GRASSROOTS);
		countyAdmin = fixtures.admin(county);
		grassrootsAdmin = fixtures.admin(grassroots);
		otherGrassrootsAdmin = fixtures.admin(grassroots);
		disabledGrassrootsAdmin = fixtures.disabledAdmin(grassroots);
		worker = fixtures.participant(grassroots);
		entry = fixtures.entry(campaign, campaigns, grassroots, worker.id(), worker.id(), "劳动最光荣");
	}

	record Row(long accountId, String kind, String title, String body, String link) {
	}

	List<Row> noticesOf(Person person) {
		return jdbc.sql("select account_id, kind, title, body, link from notice where account_id = ? order by id")
			.param(person.id())
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	@Test
	void submissionTellsEveryEnabledAdminOfTheFirstLevelButNotTheSubmitter() {
		publish(transactions, events,
				event(entry, campaign, "劳动最光荣", EntryState.DRAFT, EntryState.SUBMITTED, Step.SUBMITTED, null,
						grassroots.id(), worker.id(), grassroots.id(), worker.id(), worker.displayName(), null));

		Row expected = new Row(grassrootsAdmin.id(), "SUBMITTED", "待审核：作品《劳动最光荣》",
				worker.displayName() + "提交了作品《劳动最光荣》，请及时审核。", "/admin/works/" + entry);
		assertThat(noticesOf(grassrootsAdmin)).containsExactly(expected);
		assertThat(noticesOf(otherGrassrootsAdmin)).extracting(Row::title).containsExactly("待审核：作品《劳动最光荣》");
		assertThat(noticesOf(disabledGrassrootsAdmin)).isEmpty();
		assertThat(noticesOf(worker)).isEmpty();
		assertThat(noticesOf(countyAdmin)).isEmpty();
	}

	@Test
	void approvalTellsTheSubmitterWithTheOpinionAndTheNextLevelButNotTheApprover() {
		publish(transactions, events,
				event(entry, campaign, "劳动最光荣", EntryState.SUBMITTED, EntryState.SUBMITTED, Step.APPROVED,
						grassroots.id(), county.id(), worker.id(), grassroots.id(), grassrootsAdmin.id(),
						grassrootsAdmin.displayName(), "同意报送"));

		assertThat(noticesOf(worker))
			.containsExactly(new Row(worker.id(), "APPROVED", "作品《劳动最光荣》已通过" + grassroots.name() + "审核",
					grassroots.name() + "审核通过了作品《劳动最光荣》，现已报送" + county.name() + "审核。\n审核意见：同意报送", "/works/" + entry));
		assertThat(noticesOf(countyAdmin)).containsExactly(new Row(countyAdmin.id(), "APPROVED", "待审核：作品《劳动最光荣》",
				grassroots.name() + "审核通过了作品《劳动最光荣》，现报送贵单位审核，请及时处理。\n审核意见：同意报送", "/admin/works/" + entry));
		assertThat(noticesOf(grassrootsAdmin)).isEmpty();
		assertThat(noticesOf(otherGrassrootsAdmin)).isEmpty();
	}

	@Test
	void theLastApprovalTellsTheSubmitterThatTheChainIsComplete() {
		publish(transactions, events,
				event(entry, campaign, "劳动最光荣", EntryState.SUBMITTED, EntryState.APPROVED, Step.APPROVED, county.id(),
						null, worker.id(), grassroots.id(), countyAdmin.id(), countyAdmin.displayName(), null));

		assertThat(noticesOf(worker)).extracting(Row::title, Row::body)
			.containsExactly(tuple("作品《劳动最光荣》审核通过", county.name() + "审核通过了作品《劳动最光荣》，审核流程已全部完成。"));
	}

	@Test
	void recommendationTellsTheSubmitterAndTheNextLevel() {
		publish(transactions, events,
				event(entry, campaign, "劳动最光荣", EntryState.SUBMITTED, EntryState.SUBMITTED, Step.RECOMMENDED,
						grassroots.id(), county.id(), worker.id(), grassroots.id(), grassrootsAdmin.id(),
						grassrootsAdmin.displayName(), null));

		assertThat(noticesOf(worker)).extracting(Row::kind, Row::title, Row::body)
			.containsExactly(tuple("RECOMMENDED", "作品《劳动最光荣》获" + grassroots.name() + "推荐",
					grassroots.name() + "推荐了作品《劳动最光荣》，现已报送" + county.name() + "审核。"));
		assertThat(noticesOf(countyAdmin)).extracting(Row::body)
			.containsExactly(grassroots.name() + "推荐了作品《劳动最光荣》，现报送贵单位审核，请及时处理。");
	}

	@Test
	void returnTellsTheSubmitterTheReasonAndNobodyElse() {
		publish(transactions, events,
				event(entry, campaign, "劳动最光荣", EntryState.SUBMITTED, EntryState.RETURNED, Step.RETURNED, county.id(),
						null, worker.id(), grassroots.id(), countyAdmin.id(), countyAdmin.displayName(), "片头缺少作品名称"));

		assertThat(noticesOf(worker)).containsExactly(new Row(worker.id(), "RETURNED", "作品《劳动最光荣》被退回修改",
				county.name() + "退回了作品《劳动最光荣》。退回原因：片头缺少作品名称。请在截止日期前修改后重新提交。", "/works/" + entry));
		assertThat(noticesOf(countyAdmin)).isEmpty();
		assertThat(noticesOf(grassrootsAdmin)).isEmpty();
	}

	@Test
	void rejectionTellsTheSubmitterTheReason() {
		publish(transactions, events,
				event(entry, campaign, "劳动最光荣", EntryState.SUBMITTED, EntryState.REJECTED, Step.REJECTED,
						grassroots.id(), null, worker.id(), grassroots.id(), grassrootsAdmin.id(),
						grassrootsAdmin.displayName(), "与征集主题不符"));

		assertThat(noticesOf(worker)).extracting(Row::kind, Row::title, Row::body)
			.containsExactly(tuple("REJECTED", "作品《劳动最光荣》不予通过", grassroots.name() + "决定作品《劳动最光荣》不予通过。原因：与征集主题不符。"));
	}

	@Test
	void noNoticeOfAnyKindDoublesTheFullStopWhenTheReasonEndsWithOne() {
		List<Step> steps = List.of(Step.SUBMITTED, Step.WITHDRAWN, Step.APPROVED, Step.RECOMMENDED, Step.RETURNED,
				Step.REJECTED);
		for (Step step : steps) {
			for (Long next : java.util.Arrays.asList(county.id(), null)) {
				for (EntryState to : List.of(EntryState.SUBMITTED, EntryState.APPROVED)) {
					for (String reason : List.of("片头缺少作品名称。", "与征集主题不符。 ", "请补充授权书.", "理由不充分。。")) {
						publish(transactions, events,
								event(entry, campaign, "劳动最光荣", EntryState.SUBMITTED, to, step, grassroots.id(), next,
										worker.id(), grassroots.id(), grassrootsAdmin.id(),
										grassrootsAdmin.displayName(), reason));
					}
				}
			}
		}

		List<Row> told = new java.util.ArrayList<>(noticesOf(worker));
		told.addAll(noticesOf(countyAdmin));
		assertThat(told).extracting(Row::kind).containsAll(steps.stream().map(Step::name).toList());
		assertThat(told).allSatisfy(row -> {
			assertThat(row.title()).doesNotContain("。。").doesNotContain(".。");
			assertThat(row.body()).doesNotContain("。。").doesNotContain(".。").doesNotContain(" 。");
		});
		assertThat(told).extracting(Row::body)
			.contains(grassroots.name() + "退回了作品《劳动最光荣》。退回原因：片头缺少作品名称。请在截止日期前修改后重新提交。",
					grassroots.name() + "决定作品《劳动最光荣》不予通过。原因：与征集主题不符。");
	}

	@Test
	void anOrganisationsEntryTellsItsOtherAdminsWithTheOwnersLinkAndTheNextLevelWithTheAdminLink() {
		long organisationEntry = fixtures.entry(campaign, campaigns, grassroots, null, grassrootsAdmin.id(), "工会在身边");

		// The first level is the submitting organisation itself: its other admin is told
		// once, as approver.
		publish(transactions, events,
				event(organisationEntry, campaign, "工会在身边", EntryState.DRAFT, EntryState.SUBMITTED, Step.SUBMITTED,
						null, grassroots.id(), null, grassroots.id(), grassrootsAdmin.id(),
						grassrootsAdmin.displayName(), null));
		assertThat(noticesOf(otherGrassrootsAdmin)).extracting(Row::title, Row::link)
			.containsExactly(tuple("待审核：作品《工会在身边》", "/admin/works/" + organisationEntry));
		assertThat(noticesOf(grassrootsAdmin)).isEmpty();

		publish(transactions, events,
				event(organisationEntry, campaign, "工会在身边", EntryState.SUBMITTED, EntryState.RETURNED, Step.RETURNED,
						county.id(), null, null, grassroots.id(), countyAdmin.id(), countyAdmin.displayName(),
						"请补充说明"));
		assertThat(noticesOf(grassrootsAdmin)).extracting(Row::title, Row::link)
			.containsExactly(tuple("作品《工会在身边》被退回修改", "/works/" + organisationEntry));
		assertThat(noticesOf(otherGrassrootsAdmin)).extracting(Row::title)
			.containsExactly("待审核：作品《工会在身边》", "作品《工会在身边》被退回修改");
		assertThat(noticesOf(disabledGrassrootsAdmin)).isEmpty();
	}

	@Test
	void aChangeThatIsRolledBackLeavesNeitherNoticeNorTextMessage() {
		preferences.setTexts(fixtures.signedIn(worker), true);

		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			events.publishEvent(event(entry, campaign, "劳动最光荣", EntryState.SUBMITTED, EntryState.RETURNED,
					Step.RETURNED, county.id(), null, worker.id(), grassroots.id(), countyAdmin.id(),
					countyAdmin.displayName(), "请修改"));
			throw new IllegalStateException("the change failed after the event");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(noticesOf(worker)).isEmpty();
		assertThat(sms.sentTo(worker.mobile())).isEmpty();
	}

	@Test
	void textMessagesGoOnlyToThoseWhoOptedInAndOnlyAfterTheCommit() {
		preferences.setTexts(fixtures.signedIn(worker), true);
		preferences.setTexts(fixtures.signedIn(countyAdmin), false);

		transactions.executeWithoutResult(status -> {
			events.publishEvent(event(entry, campaign, "劳动最光荣", EntryState.SUBMITTED, EntryState.SUBMITTED,
					Step.APPROVED, grassroots.id(), county.id(), worker.id(), grassroots.id(), grassrootsAdmin.id(),
					grassrootsAdmin.displayName(), null));
			assertThat(sms.sentTo(worker.mobile())).as("nothing is sent inside the transaction").isEmpty();
		});

		assertThat(sms.sentTo(worker.mobile())).extracting(RecordingSmsGateway.Sent::text)
			.containsExactly("【职工网络正能量作品申报平台】作品《劳动最光荣》已通过" + grassroots.name() + "审核，详情请登录平台查看。");
		assertThat(sms.sentTo(countyAdmin.mobile())).isEmpty();
		assertThat(noticesOf(countyAdmin)).hasSize(1);
	}

	@Test
	void aFailingSmsProviderBreaksNeitherTheChangeNorTheNotice() {
		preferences.setTexts(fixtures.signedIn(worker), true);
		sms.failFor(worker.mobile());

		publish(transactions, events,
				event(entry, campaign, "劳动最光荣", EntryState.SUBMITTED, EntryState.RETURNED, Step.RETURNED, county.id(),
						null, worker.id(), grassroots.id(), countyAdmin.id(), countyAdmin.displayName(), "请修改"));

		assertThat(noticesOf(worker)).extracting(Row::title).containsExactly("作品《劳动最光荣》被退回修改");
		assertThat(sms.sentTo(worker.mobile())).isEmpty();
	}

}
