package cn.zhengji.activity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MutableClock;
import cn.zhengji.audit.ExcelExports;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.TargetMetric;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.files.Uploads;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.HeldRowLock;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * R-ACT-1/2/3 against the real database: reporting, the roll-up up the tree, validation,
 * photos, who may change what, the Excel exports and the reach figures. Each test works
 * in its own copy of a shipped campaign, so that its counts are exact.
 */
@AccountTestContext
class OfflineEventsIntegrationTest {

	@Autowired
	MutableClock clock;

	@org.junit.jupiter.api.AfterEach
	void systemTime() {
		clock.useSystemTime();
	}

	@Autowired
	EventReports reports;

	@Autowired
	OfflineEvents events;

	@Autowired
	ActivityProgress progress;

	@Autowired
	ExcelExports exports;

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
	StoredFiles storedFiles;

	@Autowired
	javax.sql.DataSource dataSource;

	ActivityFixtures fixtures;

	Campaign campaign;

	Organisation province;

	Organisation fuzhou;

	Organisation xiamen;

	Organisation county;

	Organisation grassroots;

	SignedInUser provinceAdmin;

	SignedInUser fuzhouAdmin;

	SignedInUser xiamenAdmin;

	SignedInUser countyAdmin;

	SignedInUser grassrootsAdmin;

	@BeforeEach
	void scenery() {
		fixtures = new ActivityFixtures(jdbc, organisations, userDetails, cipher, administration, campaigns, uploads);
		campaign = fixtures.campaignCopy("fujian-2024");
		province = fixtures.organisation("fj");
		fuzhou = fixtures.organisation("fj-fuzhou");
		xiamen = fixtures.organisation("fj-xiamen");
		county = fixtures.county(fuzhou);
		grassroots = fixtures.grassroots(county);
		provinceAdmin = fixtures.admin(province);
		fuzhouAdmin = fixtures.admin(fuzhou);
		xiamenAdmin = fixtures.admin(xiamen);
		countyAdmin = fixtures.admin(county);
		grassrootsAdmin = fixtures.admin(grassroots);
	}

	@Test
	void eventsOfAGrassrootsUnionCountForItsCountyCityAndProvinceButNotForASiblingCity() {
		reports.report(grassrootsAdmin, campaign, ActivityFixtures.event("2024-05-10", "演示公司职工之家", 40));
		reports.report(grassrootsAdmin, campaign, ActivityFixtures.event("2024-06-18", "演示公司会议室", 25));
		reports.report(countyAdmin, campaign, ActivityFixtures.event("2024-07-01", "区职工服务中心", 60));
		reports.report(fuzhouAdmin, campaign, ActivityFixtures.event("2024-07-02", "福州市工人文化宫", 120));
		reports.report(xiamenAdmin, campaign, ActivityFixtures.event("2024-07-03", "厦门市职工服务中心", 80));
		reports.report(provinceAdmin, campaign, ActivityFixtures.event("2024-08-08", "福建省总工会", 200));

		Progress ofProvince = progress.of(provinceAdmin, campaign);
		assertThat(ofProvince.rows()).hasSize(10);
		// Names may have been edited by other tests sharing the database; the units are
		// known by their codes.
		assertThat(ofProvince.rows()).extracting(ProgressRow::organisationId)
			.containsExactlyElementsOf(List
				.of("fj-fuzhou", "fj-xiamen", "fj-zhangzhou", "fj-quanzhou", "fj-sanming", "fj-putian", "fj-nanping",
						"fj-longyan", "fj-ningde", "fj-pingtan")
				.stream()
				.map(code -> fixtures.organisation(code).id())
				.toList());
		assertThat(ofProvince.rows()).extracting(ProgressRow::allocated)
			.containsExactly(13, 13, 10, 13, 10, 10, 10, 10, 10, 1);
		assertThat(ofProvince.rows()).extracting(ProgressRow::reported)
			.containsExactly(4L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
		assertThat(ofProvince.rows().getFirst().percent()).isEqualTo(30.8);
		assertThat(ofProvince.totalReported()).isEqualTo(6);
		assertThat(ofProvince.totalAllocated()).isEqualTo(100);
		assertThat(ofProvince.totalPercent()).isEqualTo(6.0);

		Progress ofFuzhou = progress.of(fuzhouAdmin, campaign);
		assertThat(ofFuzhou.rows()).singleElement().satisfies(row -> {
			assertThat(row.organisationId()).isEqualTo(fuzhou.id());
			assertThat(row.reported()).isEqualTo(4);
			assertThat(row.allocated()).isEqualTo(13);
		});
		assertThat(ofFuzhou.totalReported()).isEqualTo(4);

		Progress ofXiamen = progress.of(xiamenAdmin, campaign);
		assertThat(ofXiamen.rows()).singleElement().satisfies(row -> {
			assertThat(row.organisationId()).isEqualTo(xiamen.id());
			assertThat(row.reported()).isEqualTo(1);
		});

		Progress ofCounty = progress.of(countyAdmin, campaign);
		assertThat(ofCounty.rows()).singleElement().satisfies(row -> {
			assertThat(row.organisationId()).isEqualTo(county.id());
			assertThat(row.reported()).isEqualTo(3);
			assertThat(row.allocated()).isNull();
		});
		assertThat(ofCounty.totalAllocated()).isNull();

		assertThat(progress.of(grassrootsAdmin, campaign).totalReported()).isEqualTo(2);
		assertThat(progress.of(fixtures.platformAdmin(), campaign).totalReported()).isEqualTo(6);
	}

	@Test
	void listsOnlyTheViewersSubtreeFilteredByUnitDateAndText() {
		reports.report(grassrootsAdmin, campaign, ActivityFixtures.event("2024-05-10", "演示公司职工之家", 40));
		reports.report(countyAdmin, campaign, ActivityFixtures.event("2024-07-01", "区职工服务中心", 60));
		reports.report(xiamenAdmin, campaign, ActivityFixtures.event("2024-07-03", "厦门市职工服务中心", 80));

		assertThat(events.page(fuzhouAdmin, campaign, new EventFilter(null, null, null, null, 1)).events())
			.extracting(EventSummary::place)
			.containsExactly("区职工服务中心", "演示公司职工之家");
		assertThat(events.page(provinceAdmin, campaign, new EventFilter(county.id(), null, null, null, 1)).total())
			.isEqualTo(2);
		assertThat(events.page(provinceAdmin, campaign, new EventFilter(grassroots.id(), null, null, null, 1)).events())
			.extracting(EventSummary::place)
			.containsExactly("演示公司职工之家");
		assertThat(
				events
					.page(provinceAdmin, campaign,
							new EventFilter(null, LocalDate.parse("2024-07-01"), LocalDate.parse("2024-07-02"), null,
									1))
					.events())
			.extracting(EventSummary::place)
			.containsExactly("区职工服务中心");
		assertThat(events.page(provinceAdmin, campaign, new EventFilter(null, null, null, "厦门", 1)).events())
			.extracting(EventSummary::place)
			.containsExactly("厦门市职工服务中心");
		// A text with LIKE wildcards matches them literally.
		assertThat(events.page(provinceAdmin, campaign, new EventFilter(null, null, null, "%", 1)).total()).isZero();
		assertThatThrownBy(() -> events.page(fuzhouAdmin, campaign, new EventFilter(xiamen.id(), null, null, null, 1)))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void refusesBadInputWithEveryMessageAndStoresNothing() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		ActivityRejected rejected = catchThrowableOfType(ActivityRejected.class, () -> reports.report(fuzhouAdmin,
				campaign, new EventInput(today.plusDays(1).toString(), "  ", "企".repeat(201), "-1", "字".repeat(2001))));
		assertThat(rejected.problems()).extracting(ActivityRejected::field, ActivityRejected::messageCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("heldOn", "activity.event.heldOn.future"),
					org.assertj.core.groups.Tuple.tuple("place", "activity.event.place.required"),
					org.assertj.core.groups.Tuple.tuple("enterprise", "activity.event.enterprise.tooLong"),
					org.assertj.core.groups.Tuple.tuple("participants", "activity.event.participants.range"),
					org.assertj.core.groups.Tuple.tuple("description", "activity.event.description.tooLong"));
		assertThat(rejected.problems().get(4).arguments()).containsExactly("2000", "2001");

		ActivityRejected early = catchThrowableOfType(ActivityRejected.class,
				() -> reports.report(fuzhouAdmin, campaign, ActivityFixtures.event("2023-12-31", "福州", 1)));
		assertThat(early.problems()).extracting(ActivityRejected::messageCode)
			.containsExactly("activity.event.heldOn.beforeCampaign");
		ActivityRejected words = catchThrowableOfType(ActivityRejected.class,
				() -> reports.report(fuzhouAdmin, campaign, new EventInput("昨天", "福州", null, "十", "简介")));
		assertThat(words.problems()).extracting(ActivityRejected::messageCode)
			.containsExactly("activity.event.heldOn.invalid", "activity.event.participants.invalid");

		assertThat(eventsOf(fuzhou)).isZero();
	}

	/**
	 * No slow work under the event's lock: the picture is inspected before the row is
	 * locked. While the test holds the lock and the attach waits for it, the picture's
	 * bytes are moved away; an attach that inspected only under the lock would find no
	 * picture and refuse it.
	 */
	@Test
	void aPhotoIsInspectedBeforeTheEventRowIsLocked() throws Exception {
		OfflineEvent event = reports.report(countyAdmin, campaign, ActivityFixtures.event("2024-05-11", "区职工书屋", 20));
		UUID upload = fixtures.upload(countyAdmin, "书屋.png", ActivityFixtures.picture("png"));
		java.nio.file.Path stored = storedFiles.localPath(storedFiles.findCompleted(upload).orElseThrow());
		java.nio.file.Path aside = stored.resolveSibling(stored.getFileName() + ".aside");
		java.util.concurrent.CompletableFuture<EventPhoto> attached;
		try (HeldRowLock lock = HeldRowLock.on(dataSource, "offline_event", event.id())) {
			attached = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> reports.attachPhoto(countyAdmin, event.id(), upload));
			lock.awaitWaiter("for update", attached);
			java.nio.file.Files.move(stored, aside);
			lock.release();
		}
		try {
			EventPhoto photo = attached.get(60, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(photo.fileName()).isEqualTo("书屋.png");
			assertThat(photo.contentType()).isEqualTo("image/png");
		}
		finally {
			java.nio.file.Files.move(aside, stored);
		}
	}

	@Test
	void acceptsAPictureAndRefusesAnythingElseOrSomeoneElsesUpload() {
		OfflineEvent event = reports.report(countyAdmin, campaign, ActivityFixtures.event("2024-05-10", "区职工服务中心", 40));

		EventPhoto photo = reports.attachPhoto(countyAdmin, event.id(),
				fixtures.upload(countyAdmin, "活动现场.png", ActivityFixtures.picture("png")));
		assertThat(photo.contentType()).isEqualTo("image/png");
		assertThat(photo.fileName()).isEqualTo("活动现场.png");

		UUID text = fixtures.upload(countyAdmin, "照片.jpg", "不是图片".getBytes(StandardCharsets.UTF_8));
		ActivityRejected notImage = catchThrowableOfType(ActivityRejected.class,
				() -> reports.attachPhoto(countyAdmin, event.id(), text));
		assertThat(notImage.messageCode()).isEqualTo("activity.photo.notImage");
		assertThat(notImage.arguments()[0]).isEqualTo("照片.jpg");

		UUID foreign = fixtures.upload(fuzhouAdmin, "别人的.png", ActivityFixtures.picture("png"));
		assertThat(catchThrowableOfType(ActivityRejected.class,
				() -> reports.attachPhoto(countyAdmin, event.id(), foreign))
			.messageCode()).isEqualTo("activity.photo.unknown");

		assertThat(catchThrowableOfType(ActivityRejected.class,
				() -> reports.attachPhoto(countyAdmin, event.id(), photo.fileId()))
			.messageCode()).isEqualTo("activity.photo.duplicate");

		assertThat(events.visible(countyAdmin, event.id()).photos()).extracting(EventPhoto::fileName)
			.containsExactly("活动现场.png");
	}

	@Test
	void holdsAtMostNinePhotos() {
		OfflineEvent event = reports.report(countyAdmin, campaign, ActivityFixtures.event("2024-05-10", "区职工服务中心", 40));
		byte[] jpg = ActivityFixtures.picture("jpg");
		for (int i = 1; i <= 9; i++) {
			reports.attachPhoto(countyAdmin, event.id(), fixtures.upload(countyAdmin, "现场" + i + ".jpg", jpg));
		}
		UUID tenth = fixtures.upload(countyAdmin, "现场10.jpg", jpg);
		assertThat(
				catchThrowableOfType(ActivityRejected.class, () -> reports.attachPhoto(countyAdmin, event.id(), tenth))
					.messageCode())
			.isEqualTo("activity.photo.full");
		assertThat(events.visible(countyAdmin, event.id()).photos()).hasSize(9)
			.allSatisfy(photo -> assertThat(photo.contentType()).isEqualTo("image/jpeg"));
	}

	@Test
	void onlyTheReportingUnionsAdminsChangeOrDeleteAndAdminsAboveOnlyRead() {
		OfflineEvent event = reports.report(grassrootsAdmin, campaign,
				ActivityFixtures.event("2024-05-10", "演示公司职工之家", 40));

		assertThat(events.visible(fuzhouAdmin, event.id()).details().place()).isEqualTo("演示公司职工之家");
		assertThat(events.visible(provinceAdmin, event.id()).id()).isEqualTo(event.id());
		assertThatThrownBy(() -> events.visible(xiamenAdmin, event.id())).isInstanceOf(NotFoundException.class);

		EventInput changed = ActivityFixtures.event("2024-05-11", "改后的地点", 41);
		for (SignedInUser outsider : List.of(fuzhouAdmin, xiamenAdmin, provinceAdmin, fixtures.platformAdmin())) {
			assertThatThrownBy(() -> reports.revise(outsider, event.id(), event.version(), changed))
				.isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> reports.delete(outsider, event.id(), event.version()))
				.isInstanceOf(NotFoundException.class);
		}
		assertThatThrownBy(() -> reports.revise(grassrootsAdmin, event.id(), event.version() + 1, changed))
			.isInstanceOf(OptimisticLockingFailureException.class);

		OfflineEvent revised = reports.revise(grassrootsAdmin, event.id(), event.version(), changed);
		assertThat(revised.version()).isEqualTo(event.version() + 1);
		assertThat(events.visible(grassrootsAdmin, event.id()).details())
			.isEqualTo(new EventDetails(LocalDate.parse("2024-05-11"), "改后的地点", null, 41, "改后的地点开展职工网络正能量宣传活动"));
		assertThat(auditActions(event.id())).containsExactly("CREATED", "UPDATED");

		assertThatThrownBy(() -> reports.delete(grassrootsAdmin, event.id(), event.version()))
			.isInstanceOf(OptimisticLockingFailureException.class);
		reports.delete(grassrootsAdmin, event.id(), revised.version());
		assertThat(eventsOf(grassroots)).isZero();
		assertThat(auditActions(event.id())).containsExactly("CREATED", "UPDATED", "DELETED");
	}

	@Test
	void exportsTheFilteredEventsOfTheSubtreeToExcelAndAuditsIt() throws Exception {
		reports.report(grassrootsAdmin, campaign,
				new EventInput("2024-05-10", "演示公司职工之家", "演示科技有限公司", "40", "网聚职工正能量\n宣传活动"));
		reports.report(countyAdmin, campaign, ActivityFixtures.event("2024-07-01", "区职工服务中心", 60));
		reports.report(xiamenAdmin, campaign, ActivityFixtures.event("2024-07-03", "厦门市职工服务中心", 80));

		EventFilter filter = new EventFilter(null, null, null, null, 1);
		MockHttpServletResponse response = new MockHttpServletResponse();
		long rows = exports.download(response, events.exportOf(fuzhouAdmin, campaign, filter),
				sheet -> events.export(fuzhouAdmin, campaign, filter, sheet));

		assertThat(rows).isEqualTo(2);
		List<List<String>> cells = read(response.getContentAsByteArray());
		assertThat(cells).containsExactly(List.of("开展单位", "活动日期", "活动地点", "走进企业", "参加人数", "活动简介", "照片数", "填报人", "填报时间"),
				List.of(county.name(), "2024-07-01", "区职工服务中心", "", "60", "区职工服务中心开展职工网络正能量宣传活动", "0",
						countyAdmin.displayName(), cells.get(1).get(8)),
				List.of(grassroots.name(), "2024-05-10", "演示公司职工之家", "演示科技有限公司", "40", "网聚职工正能量\n宣传活动", "0",
						grassrootsAdmin.displayName(), cells.get(2).get(8)));
		assertThat(cells.get(1).get(8)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
		assertThat(jdbc.sql("""
				select summary from audit_event where action = 'EXPORTED' and target_type = 'offline-event-list'
				  and after_state -> 'filter' ->> 'campaign' = ? and (after_state ->> 'rows')::int = 2
				  and (after_state ->> 'completed')::boolean and organisation_path = ?
				""").params(campaign.code(), fuzhouAdmin.organisationPath()).query(String.class).list())
			.containsExactly("导出线下活动-" + campaign.code() + "（2行）");
	}

	@Test
	void exportsTheProgressTableWithTotalsAndReach() throws Exception {
		reports.report(grassrootsAdmin, campaign, ActivityFixtures.event("2024-05-10", "演示公司职工之家", 40));
		reports.report(xiamenAdmin, campaign, ActivityFixtures.event("2024-07-03", "厦门市职工服务中心", 80));

		MockHttpServletResponse response = new MockHttpServletResponse();
		long rows = exports.download(response, progress.exportOf(provinceAdmin, campaign),
				sheet -> progress.export(provinceAdmin, campaign, sheet));

		List<List<String>> cells = read(response.getContentAsByteArray());
		assertThat(cells.get(0)).containsExactly("单位", "已开展", "分配数量", "完成率（%）");
		assertThat(cells.get(1)).containsExactly(shortName("fj-fuzhou"), "1", "13", "7.7");
		assertThat(cells.get(2)).containsExactly(shortName("fj-xiamen"), "1", "13", "7.7");
		assertThat(cells.get(10)).containsExactly(shortName("fj-pingtan"), "0", "1", "0");
		assertThat(cells.get(11)).containsExactly("合计", "2", "100", "2");
		assertThat(cells.get(13)).containsExactly("全国目标", "已完成", "目标", "完成率（%）");
		assertThat(cells.get(15)).containsExactly("发展职工好网民宣传员（名）", "0");
		assertThat(rows).isEqualTo(cells.size() - 1);
		assertThat(jdbc.sql("""
				select summary from audit_event where action = 'EXPORTED' and target_type = 'activity-progress-list'
				  and after_state -> 'filter' ->> 'campaign' = ? and (after_state ->> 'rows')::int = ?
				""").params(campaign.code(), rows).query(String.class).list())
			.containsExactly("导出线下活动完成进度-" + campaign.code() + "（" + rows + "行）");
	}

	@Test
	void sumsTheReachFiguresOfASubtreeAgainstTheNationalTargets() {
		Campaign national = fixtures.campaignCopy("national-2024");
		// While the campaign runs: once it is over its figures stand (issue 11 item 8).
		clock.set(java.time.Instant.parse("2024-10-01T02:00:00Z"));
		reach.save(grassrootsAdmin, national, Map.of(TargetMetric.ORGANISATIONS_MOBILISED, "1", TargetMetric.PROMOTERS,
				"12", TargetMetric.WORKERS_REACHED, "300", TargetMetric.WORKERS_COVERED, "5,000"));
		reach.save(fuzhouAdmin, national, Map.of(TargetMetric.ORGANISATIONS_MOBILISED, "20", TargetMetric.PROMOTERS,
				"200", TargetMetric.WORKERS_REACHED, "3000", TargetMetric.WORKERS_COVERED, "100000"));
		reach.save(xiamenAdmin, national, Map.of(TargetMetric.PROMOTERS, "50"));
		reports.report(grassrootsAdmin, national, ActivityFixtures.event("2024-05-10", "演示公司职工之家", 40));
		// Entered again: replaced, not added.
		reach.save(grassrootsAdmin, national, Map.of(TargetMetric.ORGANISATIONS_MOBILISED, "2", TargetMetric.PROMOTERS,
				"12", TargetMetric.WORKERS_REACHED, "300", TargetMetric.WORKERS_COVERED, "5000"));

		assertThat(progress.of(fuzhouAdmin, national).reach())
			.extracting(ReachFigure::metric, ReachFigure::value, ReachFigure::target)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(TargetMetric.ORGANISATIONS_MOBILISED, 22L, 1000L),
					org.assertj.core.groups.Tuple.tuple(TargetMetric.PROMOTERS, 212L, 20_000L),
					org.assertj.core.groups.Tuple.tuple(TargetMetric.ENTERPRISES_OR_EVENTS, 1L, 3000L),
					org.assertj.core.groups.Tuple.tuple(TargetMetric.WORKERS_REACHED, 3340L, 500_000L),
					org.assertj.core.groups.Tuple.tuple(TargetMetric.WORKERS_COVERED, 105_000L, 100_000_000L));
		assertThat(progress.of(provinceAdmin, national).reach().get(1).value()).isEqualTo(262);
		assertThat(reach.own(grassrootsAdmin, national)).containsEntry(TargetMetric.ORGANISATIONS_MOBILISED, 2L);

		ActivityRejected rejected = catchThrowableOfType(ActivityRejected.class, () -> reach.save(countyAdmin, national,
				Map.of(TargetMetric.PROMOTERS, "-3", TargetMetric.WORKERS_COVERED, "1000000001")));
		assertThat(rejected.problems()).extracting(ActivityRejected::field)
			.containsExactly("PROMOTERS", "WORKERS_COVERED");
		assertThat(jdbc.sql("select count(*) from unit_reach where organisation_id = ?")
			.param(county.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from audit_event where target_type = 'unit_reach' and target_id = ?
				""").param(national.id() + ":" + grassroots.id()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void nationalProgressShowsTheProvinceRowOfThirtyFiveUnitsToTheProvince() {
		Campaign national = fixtures.campaignCopy("national-2024");
		reports.report(grassrootsAdmin, national, ActivityFixtures.event("2024-05-10", "演示公司职工之家", 40));

		assertThat(progress.of(fixtures.platformAdmin(), national).rows()).hasSize(35);
		assertThat(progress.of(fixtures.platformAdmin(), national).totalAllocated()).isEqualTo(3000);
		assertThat(progress.of(provinceAdmin, national).rows()).singleElement().satisfies(row -> {
			assertThat(row.organisationId()).isEqualTo(province.id());
			assertThat(row.reported()).isEqualTo(1);
		});
	}

	@Test
	void anEventReportedInTheFujianCampaignCountsOnceForFujiansRowOfTheNationalCampaign() {
		Campaign national = fixtures.campaignCopy("national-2024");
		Campaign fujian = fixtures.feeding(fixtures.campaignCopy("fujian-2024"), national);
		reports.report(grassrootsAdmin, fujian, ActivityFixtures.event("2024-05-10", "演示公司职工之家", 40));
		reports.report(fuzhouAdmin, fujian, ActivityFixtures.event("2024-06-01", "福州市工人文化宫", 25));
		reach.save(fuzhouAdmin, fujian, Map.of(TargetMetric.PROMOTERS, "30", TargetMetric.WORKERS_REACHED, "100"));

		Progress nationwide = progress.of(fixtures.platformAdmin(), national);
		assertThat(nationwide.rows()).filteredOn(row -> row.organisationId() == province.id())
			.singleElement()
			.satisfies(row -> {
				assertThat(row.reported()).isEqualTo(2);
				assertThat(row.allocated()).isEqualTo(100);
			});
		assertThat(nationwide.totalReported()).isEqualTo(2);
		assertThat(nationwide.reach()).extracting(ReachFigure::metric, ReachFigure::value)
			.contains(org.assertj.core.groups.Tuple.tuple(TargetMetric.ENTERPRISES_OR_EVENTS, 2L),
					org.assertj.core.groups.Tuple.tuple(TargetMetric.PROMOTERS, 30L),
					// 40 + 25 participants of the events, and 100 reached otherwise
					org.assertj.core.groups.Tuple.tuple(TargetMetric.WORKERS_REACHED, 165L));
		assertThat(progress.of(provinceAdmin, national).rows()).singleElement()
			.satisfies(row -> assertThat(row.reported()).isEqualTo(2));
		// The event belongs to the Fujian campaign and is listed where the national
		// figure is drawn from.
		assertThat(events.page(provinceAdmin, national, new EventFilter(null, null, null, null, 1)).total())
			.isEqualTo(2);
		assertThat(progress.of(provinceAdmin, fujian).totalReported()).isEqualTo(2);
		// Entered once: Fujian's unions report in the Fujian campaign, not again in the
		// national one.
		assertThat(reports.mayReport(grassrootsAdmin, national)).isFalse();
		assertThat(reports.mayReport(grassrootsAdmin, fujian)).isTrue();
		// Told where instead (issue 11 item 8), rather than a bare 404.
		assertThat(catchThrowableOfType(ActivityRejected.class,
				() -> reports.report(fuzhouAdmin, national, ActivityFixtures.event("2024-06-02", "福州市职工服务中心", 10)))
			.messageCode()).isEqualTo("activity.campaign.reportsInstead");
	}

	/**
	 * The name a progress row shows: the short name if the unit has one (other tests may
	 * rename units).
	 */
	private String shortName(String code) {
		return fixtures.organisation(code).displayName();
	}

	private long eventsOf(Organisation organisation) {
		return jdbc.sql("select count(*) from offline_event where campaign_id = ? and organisation_id = ?")
			.params(campaign.id(), organisation.id())
			.query(Long.class)
			.single();
	}

	private List<String> auditActions(long eventId) {
		return jdbc.sql("""
				select action from audit_event where target_type = 'offline_event' and target_id = ? order by id
				""").param(String.valueOf(eventId)).query(String.class).list();
	}

	static List<List<String>> read(byte[] xlsx) throws Exception {
		List<List<String>> cells = new ArrayList<>();
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> values = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < row.getLastCellNum(); c++) {
						values.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
					}
				}
				cells.add(values);
			}
		}
		return cells;
	}

}
