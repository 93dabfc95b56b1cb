package cn.zhengji.submission;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.Declaration;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.media.Inspection;
import cn.zhengji.media.MediaInspector;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryTransitioned.Step;
import cn.zhengji.support.TestMedia;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R-SUB-1, R-CAM-3/4 Entries through the real services and database: who may enter which
 * category, one entry per person where the rule says so (a database constraint), the
 * checks before submitting, declarations recorded with their text version, history and
 * audit of every change, optimistic locking, and the deadline. Files are checked by the
 * real {@link MediaInspector} and written as attachments directly (the upload path is
 * covered by the end-to-end web test).
 */
@ZhengjiTest
class EntryLifecycleIntegrationTest {

	@Autowired
	EntryLifecycle changes;

	@Autowired
	Entries entries;

	@Autowired
	EntryRecords records;

	@Autowired
	MediaInspector inspector;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignAdministration campaignAdministration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	TransactionTemplate transactions;

	@TempDir
	Path temp;

	SubmissionFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
	}

	@Test
	void createsADraftAsTheParticipantKindWithItsFirstHistoryRowAndAnAuditEvent() {
		SignedInUser worker = fixtures.worker();

		long id = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "  劳动最美丽  ");

		Entry entry = records.find(id).orElseThrow();
		assertThat(entry.state()).isEqualTo(EntryState.DRAFT);
		assertThat(entry.title()).isEqualTo("劳动最美丽");
		assertThat(entry.submitterKind().name()).isEqualTo("WORKER");
		assertThat(entry.ownerKey()).isEqualTo("account:" + worker.accountId());
		assertThat(entry.organisationId()).isEqualTo(worker.organisationId());
		assertThat(records.transitions(id)).extracting(Transition::from, Transition::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, EntryState.DRAFT));
		assertThat(auditActions(id)).containsExactly("CREATED");
		assertThat(entries.mine(worker)).extracting(EntrySummary::id).containsExactly(id);
	}

	@Test
	void refusesTitlesThatReadDifferentlyThanTheyAre() {
		SignedInUser worker = fixtures.worker();

		// Issue 11 item 10: a direction override, a zero-width space, a lone byte order
		// mark and a line break are refused as they are in file names; nothing is stored.
		int before = entries.mine(worker).size();
		assertRejected(() -> changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "劳动\u202E美丽"),
				"input.problem.DIRECTION");
		assertRejected(() -> changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "劳动\u200B美丽"),
				"input.problem.INVISIBLE");
		assertRejected(() -> changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "\uFEFF劳动美丽"),
				"input.problem.INVISIBLE");
		assertRejected(() -> changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "劳动\n美丽"),
				"input.problem.CONTROL");
		assertThat(entries.mine(worker)).hasSize(before);
	}

	@Test
	void refusesCategoriesWhoseRuleDoesNotAdmitTheParticipantKind() {
		SignedInUser worker = fixtures.worker();

		assertRejected(() -> changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "cadre-story", "故事"),
				"submission.rejected.notAllowed");
		assertRejected(() -> changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "application-system", "系统"),
				"submission.rejected.notAllowed");
		SignedInUser cadre = fixtures.participant("UNION_CADRE", fixtures.grassroots());
		assertThat(changes.create(cadre, SubmissionFixtures.OPEN_CAMPAIGN, "cadre-story", "娘家人")).isPositive();
	}

	@Test
	void oneSongPerPersonIsADatabaseRuleFreedByWithdrawingWhileMicroVideosMayBeSeveral() {
		SignedInUser worker = fixtures.worker();
		long song = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "song", "第一首");

		assertRejected(() -> changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "song", "第二首"),
				"submission.rejected.onePerPerson");

		changes.withdraw(worker, song, records.find(song).orElseThrow().version(), "重新创作");
		long again = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "song", "第二首");
		changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "视频一");
		changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "视频二");

		assertThat(entries.mine(worker)).hasSize(4);
		assertThat(records.find(song).orElseThrow().state()).isEqualTo(EntryState.WITHDRAWN);
		assertThat(records.transitions(song)).extracting(Transition::remark).containsExactly(null, "重新创作");
		assertThat(records.find(again).orElseThrow().state()).isEqualTo(EntryState.DRAFT);
	}

	@Test
	void organisationAdminsSubmitForTheirOrganisationWhenItsKindIsAdmitted() {
		Organisation county = fixtures.newOrganisation(fixtures.organisation("fj-fuzhou"), "作品测试区总工会",
				OrganisationKind.COUNTY);
		SignedInUser countyAdmin = fixtures.admin(county);
		SignedInUser otherCountyAdmin = fixtures.admin(county);

		long system = changes.create(countyAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "application-system", "智慧工会");

		assertThat(records.find(system).orElseThrow().ownerKey()).isEqualTo("organisation:" + county.id());
		assertRejected(
				() -> changes.create(otherCountyAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "application-system", "另一个系统"),
				"submission.rejected.onePerOrganisation");
		// 八闽职工好网民 is recommended by cities and provincial units, not counties.
		assertRejected(() -> changes.create(countyAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "good-netizen", "候选人"),
				"submission.rejected.notAllowed");
		// Every admin of the organisation works on its entry.
		assertThat(entries.forOwner(otherCountyAdmin, system).entry().id()).isEqualTo(system);
		assertThat(entries.mine(otherCountyAdmin)).extracting(EntrySummary::id).contains(system);
	}

	@Test
	void submittingNeedsEveryCheckPassedAndEveryDeclarationAcceptedAndRecordsTheirTextVersions() throws Exception {
		SignedInUser worker = fixtures.worker();
		long id = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "一线风采");
		Set<Long> all = declarationIds();

		assertRejected(() -> changes.submit(worker, id, version(id), all), "submission.rejected.incomplete");
		assertThat(entries.forOwner(worker, id).problems()).containsExactly("请上传“微视频作品（MP4）”");

		attach(worker, id, "work", TestMedia.mp4(1080, 1920, 40, 5));
		Set<Long> allButOne = all.stream().skip(1).collect(Collectors.toSet());
		assertRejected(() -> changes.submit(worker, id, version(id), allButOne), "submission.rejected.declarations");

		changes.submit(worker, id, version(id), all);

		Entry entry = records.find(id).orElseThrow();
		assertThat(entry.state()).isEqualTo(EntryState.SUBMITTED);
		assertThat(entry.submittedAt()).isNotNull();
		assertThat(records.acceptances(id)).extracting(DeclarationAcceptance::code, DeclarationAcceptance::textVersion)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ORIGINALITY", 1),
					org.assertj.core.groups.Tuple.tuple("DISSEMINATION_RIGHTS", 1),
					org.assertj.core.groups.Tuple.tuple("LIABILITY", 1));
		assertThat(jdbc.sql("select count(*) from entry_declaration where entry_id = ? and account_id = ?")
			.params(id, worker.accountId())
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(records.transitions(id)).extracting(Transition::to)
			.containsExactly(EntryState.DRAFT, EntryState.SUBMITTED);
		assertThat(auditActions(id)).containsExactly("CREATED", "UPDATED");
	}

	@Test
	void aFileOfTheRightFormatBreakingARuleIsAttachedWithItsFindingAndBlocksSubmitting() throws Exception {
		SignedInUser worker = fixtures.worker();
		long id = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "720P作品");

		Attachment attached = attach(worker, id, "work", TestMedia.mp4(1280, 720, 40, 5));

		assertThat(attached.blocksSubmission()).isTrue();
		assertThat(entries.forOwner(worker, id).problems()).singleElement().asString().contains("1280×720");
		assertRejected(() -> changes.submit(worker, id, version(id), declarationIds()),
				"submission.rejected.incomplete");
		assertThat(records.find(id).orElseThrow().state()).isEqualTo(EntryState.DRAFT);
	}

	@Test
	void aSubmittedEntryIsNotChangedInPlaceButRecalledToADraftWithAHistoryRowNamingTheStep() throws Exception {
		SignedInUser worker = fixtures.worker();
		long id = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "初稿");
		attach(worker, id, "work", TestMedia.mp4(1080, 1920, 40, 5));
		changes.submit(worker, id, version(id), declarationIds());
		int submittedVersion = version(id);

		assertRejected(() -> changes.edit(worker, id, submittedVersion, "修改后的标题", Map.of(), null),
				"submission.rejected.inReview");
		assertRejected(() -> changes.detach(worker, id, records.attachments(id).getFirst().id()),
				"submission.rejected.inReview");
		assertThat(records.find(id).orElseThrow().state()).isEqualTo(EntryState.SUBMITTED);
		assertThat(records.find(id).orElseThrow().title()).isEqualTo("初稿");

		changes.recall(worker, id, submittedVersion);
		changes.edit(worker, id, version(id), "修改后的标题", Map.of(), null);

		Entry entry = records.find(id).orElseThrow();
		assertThat(entry.state()).isEqualTo(EntryState.DRAFT);
		assertThat(entry.title()).isEqualTo("修改后的标题");
		assertThat(entry.pendingOrganisationId()).isNull();
		assertThat(records.transitions(id)).extracting(Transition::to, Transition::step, Transition::actorName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(EntryState.DRAFT, Step.CREATED, worker.displayName()),
					org.assertj.core.groups.Tuple.tuple(EntryState.SUBMITTED, Step.SUBMITTED, worker.displayName()),
					org.assertj.core.groups.Tuple.tuple(EntryState.DRAFT, Step.RECALLED, worker.displayName()));
		assertRejected(() -> changes.recall(worker, id, version(id)), "submission.rejected.notInReview");
	}

	@Test
	void theSecondOfTwoEditsFromTheSameVersionIsRefusedAndTheFirstIsKept() {
		SignedInUser admin = fixtures
			.admin(fixtures.newOrganisation(fixtures.organisation("fj-fuzhou"), "作品测试并发区总工会", OrganisationKind.COUNTY));
		long id = changes.create(admin, SubmissionFixtures.OPEN_CAMPAIGN, "application-system", "并发系统");
		int loaded = version(id);

		changes.edit(admin, id, loaded, "并发系统", Map.of("introduction#需求与方案", "第一个窗口写的内容"), null);

		assertThatThrownBy(
				() -> changes.edit(admin, id, loaded, "并发系统", Map.of("introduction#需求与方案", "第二个窗口写的内容"), null))
			.isInstanceOf(EntryConflict.class);
		Category category = category("application-system");
		assertThat(records.find(id)
			.orElseThrow()
			.texts()
			.section(category.rules().textField("introduction").orElseThrow(), "需求与方案")).isEqualTo("第一个窗口写的内容");
		assertThat(auditActions(id)).containsExactly("CREATED", "UPDATED");
	}

	@Test
	void twoEditsAtTheSameMomentFromTheSameVersionNeverBothWin() throws Exception {
		SignedInUser admin = fixtures
			.admin(fixtures.newOrganisation(fixtures.organisation("fj-fuzhou"), "作品测试同时区总工会", OrganisationKind.COUNTY));
		long id = changes.create(admin, SubmissionFixtures.OPEN_CAMPAIGN, "application-system", "同时修改");
		int loaded = version(id);
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
		for (String text : List.of("甲窗口", "乙窗口")) {
			outcomes.add(pool.submit(() -> {
				together.await();
				try {
					changes.edit(admin, id, loaded, "同时修改", Map.of("introduction#需求与方案", text), null);
					return text;
				}
				catch (EntryConflict conflict) {
					return "conflict";
				}
			}));
		}
		List<String> results = new java.util.ArrayList<>();
		for (var outcome : outcomes) {
			results.add(outcome.get(30, java.util.concurrent.TimeUnit.SECONDS));
		}
		pool.shutdown();

		assertThat(results).containsOnlyOnce("conflict");
		String winner = results.stream().filter(result -> !result.equals("conflict")).findFirst().orElseThrow();
		assertThat(records.find(id)
			.orElseThrow()
			.texts()
			.section(category("application-system").rules().textField("introduction").orElseThrow(), "需求与方案"))
			.isEqualTo(winner);
		assertThat(version(id)).isEqualTo(loaded + 1);
	}

	@Test
	void theApplicationSystemIntroductionIsCountedOverItsFourSectionsAndEachSectionIsRequired() {
		SignedInUser admin = fixtures
			.admin(fixtures.newOrganisation(fixtures.organisation("fj-fuzhou"), "作品测试系统区总工会", OrganisationKind.COUNTY));
		long id = changes.create(admin, SubmissionFixtures.OPEN_CAMPAIGN, "application-system", "职工之家");
		Map<String, String> texts = new HashMap<>();
		texts.put("introduction#需求与方案", "需".repeat(1000));
		texts.put("introduction#产品设计", "产".repeat(1000));
		texts.put("introduction#界面设计", "界".repeat(1001));

		changes.edit(admin, id, version(id), "职工之家", texts, null);

		List<String> problems = entries.forOwner(admin, id).problems();
		assertThat(problems).contains("“特色应用系统情况介绍”尚缺以下部分：运营推广", "请上传“介绍PPT”");
		assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("“特色应用系统情况介绍”").contains("3001"));
	}

	@Test
	void afterTheDeadlineNothingChangesAndTheDomainSaysSo() {
		SignedInUser worker = fixtures.worker();
		String closed = fixtures.closedCampaign(campaignAdministration);
		Campaign campaign = campaigns.getByCode(closed);
		Category microVideo = campaigns.category(campaign, "micro-video").orElseThrow();
		assertRejected(() -> changes.create(worker, closed, "micro-video", "迟到的作品"), "submission.rejected.notOpen");
		long id = transactions.execute(status -> records.insert(campaign.id(), microVideo.id(), worker.accountId(),
				cn.zhengji.campaign.CategoryRules.SubmitterKind.WORKER, "account:" + worker.accountId(), false,
				worker.organisationId(), worker.organisationPath(), "截止前的作品", Instant.parse("2024-08-30T10:00:00Z")));

		assertRejected(() -> changes.edit(worker, id, version(id), "改名", Map.of(), null),
				"submission.rejected.deadline");
		assertRejected(() -> changes.withdraw(worker, id, version(id), null), "submission.rejected.deadline");
		assertRejected(() -> changes.submit(worker, id, version(id), declarationIds()), "submission.rejected.deadline");
		assertThat(records.find(id).orElseThrow().title()).isEqualTo("截止前的作品");
		assertThat(entries.forOwner(worker, id).changeable()).isFalse();
	}

	@Test
	void someoneElsesEntryIsNotFoundAndAnAdminAboveReadsItButCannotChangeIt() {
		SignedInUser worker = fixtures.worker();
		long id = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "别人的作品");
		SignedInUser stranger = fixtures.worker();
		SignedInUser fuzhouAdmin = fixtures.admin(fixtures.organisation("fj-fuzhou"));
		SignedInUser xiamenAdmin = fixtures.admin(fixtures.organisation("fj-xiamen"));

		assertThatThrownBy(() -> entries.forOwner(stranger, id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> changes.withdraw(stranger, id, version(id), null))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> changes.withdraw(fuzhouAdmin, id, version(id), null))
			.isInstanceOf(NotFoundException.class);
		assertThat(entries.forAdmin(fuzhouAdmin, id).owner()).isFalse();
		assertThat(entries.forAdmin(fuzhouAdmin, id).changeable()).isFalse();
		assertThatThrownBy(() -> entries.forAdmin(xiamenAdmin, id)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aGoodNetizenNominationNeedsTheFormThePhotoAndTextWithThreeImagesOrAVideo() throws Exception {
		SignedInUser cityAdmin = fixtures.admin(fixtures.organisation("fj-fuzhou"));
		long id = changes.create(cityAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "good-netizen", "好网民候选人");

		assertThat(entries.forOwner(cityAdmin, id).problems()).containsExactly(
				"推荐表尚未填写：姓名、性别、出生年月、政治面貌、账号名称、所属平台、粉丝数量、单位职务、手机号码、身份证号、候选人简介、推荐理由", "请上传“一寸彩照”",
				"请至少完整提交一种材料：图文材料（佐证材料文字＋佐证图片至少3个），或视频材料（佐证视频（MP4））");

		changes.edit(cityAdmin, id, version(id), "好网民候选人", Map.of("evidence-text", "带动职工学习宣传"),
				new NominationInput("李四", "FEMALE", "1949-12", "群众", "闽工之声", "微信视频号", "1.5万", "某公司 工会主席", "13900001111",
						"11010519491231002X", "简介", "理由"));
		attach(cityAdmin, id, NominationForms.PHOTO_SLOT, png("photo.png"));
		attach(cityAdmin, id, "evidence-images", png("1.png"));
		attach(cityAdmin, id, "evidence-images", png("2.png"));
		assertThat(entries.forOwner(cityAdmin, id).problems()).containsExactly("“佐证图片”：佐证图片 2 张，至少需要 3 张",
				"请至少完整提交一种材料：图文材料（佐证材料文字＋佐证图片至少3个），或视频材料（佐证视频（MP4））");

		attach(cityAdmin, id, "evidence-images", png("3.png"));
		assertThat(entries.forOwner(cityAdmin, id).problems()).isEmpty();

		long video = changes.create(cityAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "good-netizen", "视频佐证的候选人");
		changes.edit(cityAdmin, video, version(video), "视频佐证的候选人", Map.of(), new NominationInput("王五", "MALE",
				"1949-12", "群众", "八闽匠人", "抖音", "8000", "某厂 技师", "13900002222", "11010519491231002X", "简介", "理由"));
		attach(cityAdmin, video, NominationForms.PHOTO_SLOT, png("photo.png"));
		attach(cityAdmin, video, "evidence-images", png("only-one.png"));
		attach(cityAdmin, video, "evidence-video", TestMedia.mp4(1080, 1920, 40, 5));
		// The video is enough; a single picture of the other alternative does not stand
		// in the way.
		assertThat(entries.forOwner(cityAdmin, video).problems()).isEmpty();
		changes.submit(cityAdmin, video, version(video), declarationIds());
		assertThat(records.find(video).orElseThrow().state()).isEqualTo(EntryState.SUBMITTED);
	}

	// --- helpers
	// ---------------------------------------------------------------------------------

	/**
	 * Checks the file with the real inspector and stores it as an attachment of the slot.
	 */
	Attachment attach(SignedInUser actor, long entryId, String slotKey, Path file) throws IOException {
		Entry entry = records.find(entryId).orElseThrow();
		Category category = campaigns.categories(campaigns.findById(entry.campaignId()).orElseThrow())
			.stream()
			.filter(candidate -> candidate.id() == entry.categoryId())
			.findFirst()
			.orElseThrow();
		AttachmentSlot slot = entries.slots(category)
			.stream()
			.filter(s -> s.key().equals(slotKey))
			.findFirst()
			.orElseThrow();
		Inspection inspection = inspector.inspect(file, slot);
		assertThat(EntryLifecycle.acceptedFormat(inspection, slot)).as("format of %s", file).isTrue();
		long id = transactions.execute(status -> records.insertAttachment(entryId, slotKey, null, UUID.randomUUID(),
				file.getFileName().toString(), sizeOf(file), "0".repeat(64), inspection, actor.accountId(),
				Instant.now()));
		return records.attachments(entryId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	Path png(String name) throws IOException {
		Path file = temp.resolve(name);
		ImageIO.write(new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
		return file;
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	int version(long id) {
		return records.find(id).orElseThrow().version();
	}

	Set<Long> declarationIds() {
		return campaigns.declarations(campaigns.getByCode(SubmissionFixtures.OPEN_CAMPAIGN))
			.stream()
			.map(Declaration::id)
			.collect(Collectors.toSet());
	}

	Category category(String code) {
		return campaigns.category(campaigns.getByCode(SubmissionFixtures.OPEN_CAMPAIGN), code).orElseThrow();
	}

	List<String> auditActions(long id) {
		return jdbc.sql("select action from audit_event where target_type = 'entry' and target_id = ? order by id")
			.param(String.valueOf(id))
			.query(String.class)
			.list();
	}

	static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String messageCode) {
		assertThatThrownBy(call).isInstanceOfSatisfying(EntryChangeRejected.class,
				rejected -> assertThat(rejected.messageCode()).isEqualTo(messageCode));
	}

}
