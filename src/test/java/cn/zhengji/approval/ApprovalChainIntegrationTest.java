package cn.zhengji.approval;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.JudgementKind;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryChangeRejected;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned;
import cn.zhengji.submission.EntryTransitioned.Step;
import cn.zhengji.submission.NominationForms;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.submission.SubmittedEntries;
import cn.zhengji.submission.Transition;
import cn.zhengji.support.ZhengjiTest;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * R-APR-1, R-SUB-1, R-NOM-1 The approval chain through the real services and database,
 * under a freshly named subtree of 福建省总工会 (the host of {@code demo-fujian}): 基层 → 县 → 市 →
 * 省.
 */
@ZhengjiTest
@RecordApplicationEvents
class ApprovalChainIntegrationTest {

	@Autowired
	Approvals approvals;

	@Autowired
	Quotas quotas;

	@Autowired
	ApprovalRecords approvalRecords;

	@Autowired
	EntryLifecycle changes;

	@Autowired
	NominationForms nominations;

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
	ApplicationContext context;

	@Autowired
	ApplicationEvents events;

	SubmissionFixtures fixtures;

	SubmittedEntries submitted;

	Organisation province;

	Organisation city;

	Organisation county;

	Organisation grassroots;

	SignedInUser provinceAdmin;

	SignedInUser cityAdmin;

	SignedInUser countyAdmin;

	SignedInUser grassrootsAdmin;

	@BeforeEach
	void chain() {
		fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		submitted = SubmittedEntries.from(context);
		province = fixtures.organisation("fj");
		city = fixtures.newOrganisation(province, "审核测试市总工会", OrganisationKind.CITY);
		county = fixtures.newOrganisation(city, "审核测试县总工会", OrganisationKind.COUNTY);
		grassroots = fixtures.newOrganisation(county, "审核测试公司工会", OrganisationKind.GRASSROOTS);
		provinceAdmin = fixtures.admin(province);
		cityAdmin = fixtures.admin(city);
		countyAdmin = fixtures.admin(county);
		grassrootsAdmin = fixtures.admin(grassroots);
	}

	// --- the whole chain, one entry of each category
	// ------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "song", "micro-video", "application-system", "digital-union", "cadre-story",
			"cyber-security", "good-netizen" })
	void anEntryOfEachCategoryGoesUpItsChainIsReturnedOnceResubmittedAndApprovedAtTheProvince(String code) {
		SignedInUser owner = owner(code);
		List<SignedInUser> levels = code.equals("good-netizen") ? List.of(cityAdmin, provinceAdmin)
				: List.of(grassrootsAdmin, countyAdmin, cityAdmin, provinceAdmin);
		List<Step> expected = expectedSteps(code);
		long id = submitted.submitted(owner, code, "审核链作品" + code);
		assertThat(submitted.entry(id).pendingOrganisationId()).isEqualTo(levels.getFirst().organisationId());

		// The first level approves, the second sends it back; the owner revises and
		// submits again.
		approve(levels.get(0), id, code);
		assertThat(submitted.entry(id).pendingOrganisationId()).isEqualTo(levels.get(1).organisationId());
		Decision returned = approvals.returnToSubmitter(levels.get(1), id, submitted.entry(id).version(), "请补充创作说明");
		assertThat(returned).isEqualTo(new Decision(id, Step.RETURNED, EntryState.RETURNED, null));
		assertThat(submitted.entry(id).pendingOrganisationId()).isNull();
		assertThat(approvals.hasOpenJudgements(id)).isEqualTo(!category(code).rules().judgements().isEmpty());
		submitted.reviseAndResubmit(owner, id, "审核链作品" + code + "（修改稿）");
		assertThat(submitted.entry(id).state()).isEqualTo(EntryState.SUBMITTED);
		assertThat(submitted.entry(id).pendingOrganisationId()).isEqualTo(levels.getFirst().organisationId());

		// Up the whole chain.
		List<Decision> decisions = new ArrayList<>();
		for (SignedInUser level : levels) {
			decisions.add(approve(level, id, code));
		}

		assertThat(submitted.entry(id).state()).isEqualTo(EntryState.APPROVED);
		assertThat(submitted.entry(id).pendingOrganisationId()).isNull();
		assertThat(decisions).extracting(Decision::step).containsExactlyElementsOf(expected);
		assertThat(decisions.getLast()).isEqualTo(new Decision(id, Step.APPROVED, EntryState.APPROVED, null));
		List<Long> nextLevels = new ArrayList<>();
		for (int i = 1; i < levels.size(); i++) {
			nextLevels.add(levels.get(i).organisationId());
		}
		nextLevels.add(null);
		assertThat(decisions).extracting(Decision::nextOrganisationId).containsExactlyElementsOf(nextLevels);

		List<Transition> history = submitted.history(id);
		List<String> levelNames = levels.stream().map(SignedInUser::organisationName).toList();
		List<org.assertj.core.groups.Tuple> rows = new ArrayList<>();
		rows.add(tuple(EntryState.DRAFT, null, Step.CREATED, null));
		rows.add(tuple(EntryState.SUBMITTED, null, Step.SUBMITTED, null));
		rows.add(tuple(EntryState.SUBMITTED, levelNames.get(0), expected.get(0), "同意上报"));
		rows.add(tuple(EntryState.RETURNED, levelNames.get(1), Step.RETURNED, "请补充创作说明"));
		rows.add(tuple(EntryState.SUBMITTED, null, Step.SUBMITTED, null));
		for (int i = 0; i < levels.size(); i++) {
			rows.add(tuple(i == levels.size() - 1 ? EntryState.APPROVED : EntryState.SUBMITTED, levelNames.get(i),
					expected.get(i), "同意上报"));
		}
		assertThat(history).extracting(Transition::to, Transition::levelName, Transition::step, Transition::remark)
			.containsExactlyElementsOf(rows);
		assertThat(auditSummaries(id)).filteredOn(summary -> summary.startsWith("退回修改"))
			.containsExactly("退回修改（" + levelNames.get(1) + "）：审核链作品" + code);
		assertThat(events.stream(EntryTransitioned.class).filter(event -> event.entryId() == id))
			.extracting(EntryTransitioned::step)
			.containsExactlyElementsOf(stepsOfEvents(expected));
	}

	private static List<Step> stepsOfEvents(List<Step> chain) {
		List<Step> steps = new ArrayList<>(List.of(Step.SUBMITTED, chain.getFirst(), Step.RETURNED, Step.SUBMITTED));
		steps.addAll(chain);
		return steps;
	}

	/**
	 * What each level of the chain does by the category's recommending kinds (the top
	 * always approves).
	 */
	private static List<Step> expectedSteps(String code) {
		Step a = Step.APPROVED;
		Step r = Step.RECOMMENDED;
		return switch (code) {
			case "song", "micro-video", "cadre-story", "cyber-security" -> List.of(r, r, r, a);
			case "application-system" -> List.of(a, r, r, a);
			case "digital-union" -> List.of(a, a, r, a);
			case "good-netizen" -> List.of(r, a);
			default -> throw new IllegalArgumentException(code);
		};
	}

	/**
	 * Who submits in each category: a worker, a union cadre or the admins of an
	 * organisation.
	 */
	private SignedInUser owner(String code) {
		return switch (code) {
			case "song", "micro-video", "cyber-security" -> fixtures.participant("WORKER", grassroots);
			case "cadre-story" -> fixtures.participant("UNION_CADRE", grassroots);
			case "application-system", "digital-union" -> grassrootsAdmin;
			case "good-netizen" -> cityAdmin;
			default -> throw new IllegalArgumentException(code);
		};
	}

	// --- nomination opinions
	// -------------------------------------------------------------------------

	@Test
	void theThreeOpinionsOfANominationAreTheLevelsOpinionsAndAppearOnTheWordForm() throws Exception {
		long id = submitted.submitted(cityAdmin, "good-netizen", "好网民候选人");

		approvals.approve(cityAdmin, id, submitted.entry(id).version(), "该同志网络正能量突出，同意推荐。",
				List.of(new JudgementAnswer(JudgementKind.ACCOUNT_CONDUCT, true, null)));
		approvals.approve(provinceAdmin, id, submitted.entry(id).version(), "经审核，同意。", List.of());

		Map<String, Object> row = jdbc
			.sql("""
					select work_unit_opinion, recommending_unit_opinion, province_opinion from entry_nomination where entry_id = ?
					""")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("work_unit_opinion", "该同志网络正能量突出，同意推荐。")
			.containsEntry("recommending_unit_opinion", "该同志网络正能量突出，同意推荐。")
			.containsEntry("province_opinion", "经审核，同意。");
		String word = wordText(nominations.document(provinceAdmin, id, true, false).content());
		assertThat(word).contains("该同志网络正能量突出，同意推荐。", "经审核，同意。");
		String pdf = pdfText(nominations.document(provinceAdmin, id, false, false).content());
		assertThat(pdf).contains("该同志网络正能量突出，同意推荐。", "经审核，同意。");
	}

	@Test
	void aGrassrootsNominationGetsTheWorkUnitTheRecommendingUnitAndTheProvinceOpinionFromThreeLevels() {
		// An entry of a grassroots union in a category a city recommends: three different
		// levels.
		long id = submitted.submitted(grassrootsAdmin, "digital-union", "数字工会");

		approve(grassrootsAdmin, id, "digital-union");
		assertThatThrownBy(
				() -> approvals.approve(grassrootsAdmin, id, submitted.entry(id).version(), "再次同意", List.of()))
			.isInstanceOfSatisfying(ApprovalRejected.class,
					rejected -> assertThat(rejected.messageCode()).isEqualTo("approval.rejected.notYourTurn"));
		assertThat(submitted.entry(id).pendingOrganisationId()).isEqualTo(county.id());
	}

	@Test
	void aReturnedNominationLosesItsOpinionsAndIsJudgedAgain() {
		long id = submitted.submitted(cityAdmin, "good-netizen", "退回的候选人");
		approvals.approve(cityAdmin, id, submitted.entry(id).version(), "同意推荐",
				List.of(new JudgementAnswer(JudgementKind.ACCOUNT_CONDUCT, true, "已核查近一年内容")));
		assertThat(approvalRecords.judgements(id))
			.extracting(ConfirmedJudgement::kind, ConfirmedJudgement::met, ConfirmedJudgement::note)
			.containsExactly(tuple(JudgementKind.ACCOUNT_CONDUCT, true, "已核查近一年内容"));

		approvals.returnToSubmitter(provinceAdmin, id, submitted.entry(id).version(), "请补充推荐理由");

		assertThat(jdbc.sql("select work_unit_opinion from entry_nomination where entry_id = ?")
			.param(id)
			.query(String.class)
			.optional()).isEmpty();
		assertThat(approvalRecords.judgements(id)).isEmpty();
		assertThat(approvals.hasOpenJudgements(id)).isTrue();
	}

	// --- judgement items
	// -----------------------------------------------------------------------------

	@Test
	void theFirstLevelMustAnswerEveryJudgementItemAndCannotApproveAMandatoryOneNotMet() {
		SignedInUser worker = fixtures.participant("WORKER", grassroots);
		long id = submitted.submitted(worker, "song", "歌曲");
		int version = submitted.entry(id).version();

		assertRejected(
				() -> approvals.approve(grassrootsAdmin, id, version, "同意",
						List.of(new JudgementAnswer(JudgementKind.ORIGINALITY, true, null))),
				"approval.rejected.judgementsMissing");
		List<JudgementAnswer> originalityNotMet = songAnswers(false, true);
		assertRejected(() -> approvals.approve(grassrootsAdmin, id, version, "同意", originalityNotMet),
				"approval.rejected.judgementNotMet");
		assertRejected(() -> approvals.approve(grassrootsAdmin, id, version, "  ", songAnswers(true, true)),
				"approval.rejected.opinionMissing");
		assertRejected(() -> approvals.approve(grassrootsAdmin, id, version, "长".repeat(501), songAnswers(true, true)),
				"approval.rejected.opinionTooLong");
		assertThat(submitted.entry(id).state()).isEqualTo(EntryState.SUBMITTED);
		assertThat(submitted.entry(id).version()).isEqualTo(version);
		assertThat(approvals.hasOpenJudgements(id)).isTrue();

		// "近两年内创作" is preferred, not required: NOT_MET does not stop approving.
		approvals.approve(grassrootsAdmin, id, version, "同意", songAnswers(true, false));

		assertThat(approvals.hasOpenJudgements(id)).isFalse();
		assertThat(approvalRecords.judgements(id)).extracting(ConfirmedJudgement::kind, ConfirmedJudgement::met)
			.containsExactlyInAnyOrder(tuple(JudgementKind.ORIGINALITY, true),
					tuple(JudgementKind.PROFESSIONAL_AUTHORSHIP, true),
					tuple(JudgementKind.NOT_PREVIOUSLY_AWARDED, true),
					tuple(JudgementKind.CREATED_WITHIN_TWO_YEARS, false), tuple(JudgementKind.AUDIO_CLARITY, true));
		// A mandatory item NOT_MET can still be returned or rejected.
		long other = submitted.submitted(fixtures.participant("WORKER", grassroots), "song", "另一首");
		approvals.reject(grassrootsAdmin, other, submitted.entry(other).version(), "非原创");
		assertThat(submitted.entry(other).state()).isEqualTo(EntryState.REJECTED);
	}

	private static List<JudgementAnswer> songAnswers(boolean original, boolean recent) {
		return List.of(new JudgementAnswer(JudgementKind.ORIGINALITY, original, null),
				new JudgementAnswer(JudgementKind.PROFESSIONAL_AUTHORSHIP, true, null),
				new JudgementAnswer(JudgementKind.NOT_PREVIOUSLY_AWARDED, true, null),
				new JudgementAnswer(JudgementKind.CREATED_WITHIN_TWO_YEARS, recent, recent ? null : "三年前创作"),
				new JudgementAnswer(JudgementKind.AUDIO_CLARITY, true, null));
	}

	@Test
	void batchApprovalSkipsEntriesWithOpenJudgementItemsWithAChineseReason() {
		long digital = submitted.submitted(grassrootsAdmin, "digital-union", "批量数字工会");
		long video = submitted.submitted(fixtures.participant("WORKER", grassroots), "micro-video", "批量视频");
		long elsewhere = submitted.submitted(fixtures.participant("WORKER", fixtures.grassroots()), "micro-video",
				"别处的视频");

		Map<Long, Integer> seen = new LinkedHashMap<>();
		for (long id : List.of(digital, video, elsewhere)) {
			seen.put(id, submitted.entry(id).version());
		}
		BatchOutcome outcome = approvals.approveAll(grassrootsAdmin, seen, "同意");

		assertThat(outcome.approved()).containsExactly(digital);
		assertThat(outcome.refused()).containsOnlyKeys(video, elsewhere);
		assertThat(outcome.refused().get(video)).isEqualTo("该作品尚有待确认的人工核验项，请打开作品逐项确认后再审核。");
		assertThat(outcome.refused().get(elsewhere)).isEqualTo("未找到该作品，或无权办理。");
		assertThat(submitted.entry(digital).pendingOrganisationId()).isEqualTo(county.id());
		assertThat(submitted.entry(video).pendingOrganisationId()).isEqualTo(grassroots.id());
		assertThat(approvals.withOpenJudgements(List.of(digital, video))).containsExactly(video);
	}

	// --- who may act
	// ---------------------------------------------------------------------------------

	@Test
	void onlyTheAdminsOfTheWaitingLevelActOthersAboveAreRefusedAndAnotherCityFindsNothing() {
		long id = submitted.submitted(grassrootsAdmin, "digital-union", "轮次");
		SignedInUser xiamenAdmin = fixtures.admin(fixtures.organisation("fj-xiamen"));
		int version = submitted.entry(id).version();

		assertRejected(() -> approvals.approve(cityAdmin, id, version, "越级同意", List.of()),
				"approval.rejected.notYourTurn");
		assertRejected(() -> approvals.reject(fixtures.platformAdmin(), id, version, "平台不审"),
				"approval.rejected.notYourTurn");
		assertThatThrownBy(() -> approvals.approve(xiamenAdmin, id, version, "别的城市", List.of()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> approvals.reject(fixtures.participant("WORKER", grassroots), id, version, "职工"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> approvals.approve(grassrootsAdmin, id, version - 1, "旧页面", List.of()))
			.isInstanceOf(cn.zhengji.submission.EntryConflict.class);
		assertThat(submitted.entry(id).pendingOrganisationId()).isEqualTo(grassroots.id());
	}

	@Test
	void afterTheDeadlineALevelCannotReturnButMayStillRejectOrApprove() {
		String closed = fixtures.closedCampaign(campaignAdministration);
		var campaign = campaigns.getByCode(closed);
		long categoryId = campaigns.category(campaign, "digital-union").orElseThrow().id();
		long id = jdbc
			.sql("""
					insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
					    organisation_id, organisation_path, title, state, created_at, updated_at, submitted_at,
					    pending_organisation_id, pending_since)
					values (?, ?, ?, 'UNION_ORGANISATION', ?, true, ?, ?, '截止后的作品', 'SUBMITTED', now(), now(), now(), ?, now())
					returning id
					""")
			.params(campaign.id(), categoryId, grassrootsAdmin.accountId(), "organisation:" + grassroots.id(),
					grassroots.id(), grassroots.path(), grassroots.id())
			.query(Long.class)
			.single();

		assertRejected(() -> approvals.returnToSubmitter(grassrootsAdmin, id, 0, "请修改"),
				"submission.rejected.returnAfterDeadline");
		assertThat(submitted.entry(id).state()).isEqualTo(EntryState.SUBMITTED);

		approvals.approve(grassrootsAdmin, id, 0, "同意", List.of());
		assertThat(submitted.entry(id).pendingOrganisationId()).isEqualTo(county.id());
		approvals.reject(countyAdmin, id, 1, "不符合要求");
		assertThat(submitted.entry(id).state()).isEqualTo(EntryState.REJECTED);
	}

	// --- quotas
	// --------------------------------------------------------------------------------------

	@Test
	void fiftyParallelRecommendationsForTheLastFreePlaceLetExactlyOneThrough() throws Exception {
		Category goodNetizen = category("good-netizen");
		jdbc.sql("insert into recommendation_quota (category_id, organisation_id, allowed, used) values (?, ?, 5, 4)")
			.params(goodNetizen.id(), city.id())
			.update();
		List<Long> waiting = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			waiting.add(waitingAtCity(goodNetizen, "候选人" + i));
		}
		CyclicBarrier together = new CyclicBarrier(waiting.size());
		ExecutorService pool = Executors.newFixedThreadPool(waiting.size());
		List<Future<String>> outcomes = new ArrayList<>();
		for (long id : waiting) {
			outcomes.add(pool.submit(() -> {
				together.await(30, TimeUnit.SECONDS);
				try {
					approvals.approve(cityAdmin, id, 0, "同意推荐",
							List.of(new JudgementAnswer(JudgementKind.ACCOUNT_CONDUCT, true, null)));
					return "recommended";
				}
				catch (ApprovalRejected rejected) {
					return rejected.messageCode() + ":" + List.of(rejected.arguments());
				}
			}));
		}
		List<String> results = new ArrayList<>();
		for (Future<String> outcome : outcomes) {
			results.add(outcome.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();

		assertThat(results).filteredOn("recommended"::equals).hasSize(1);
		assertThat(results).filteredOn(result -> !result.equals("recommended"))
			.hasSize(49)
			.containsOnly("approval.rejected.quotaFull:[5, 5]");
		assertThat(jdbc.sql("select used from recommendation_quota where category_id = ? and organisation_id = ?")
			.params(goodNetizen.id(), city.id())
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from entry_recommendation where category_id = ? and organisation_id = ?")
			.params(goodNetizen.id(), city.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql(
				"select count(*) from entry where id in (:ids) and state = 'SUBMITTED' and pending_organisation_id = :province")
			.param("ids", waiting)
			.param("province", province.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(quotas.visibleTo(cityAdmin)).filteredOn(use -> use.categoryId() == goodNetizen.id())
			.extracting(QuotaUse::organisationId, QuotaUse::used, QuotaUse::allowed, QuotaUse::full)
			.containsExactly(tuple(city.id(), 5, 5, true));
	}

	@Test
	void aPlaceIsTakenByRecommendingAndGivenBackWhenTheEntryIsReturnedRecalledOrWithdrawn() {
		Category goodNetizen = category("good-netizen");
		long first = submitted.submitted(cityAdmin, "good-netizen", "名额一");
		long second = submitted.submitted(cityAdmin, "good-netizen", "名额二");
		recommendAtCity(first);
		recommendAtCity(second);
		assertThat(used(goodNetizen)).isEqualTo(2);
		assertThat(quotas.visibleTo(cityAdmin)).filteredOn(use -> use.categoryId() == goodNetizen.id())
			.extracting(QuotaUse::used, QuotaUse::allowed, QuotaUse::min)
			.containsExactly(tuple(2, 5, null));
		assertThat(quotas.visibleTo(provinceAdmin)).filteredOn(use -> use.categoryId() == goodNetizen.id())
			.extracting(QuotaUse::organisationId)
			.contains(city.id(), fixtures.organisation("fj-fuzhou").id(), fixtures.organisation("fj-xiamen").id());

		approvals.returnToSubmitter(provinceAdmin, first, submitted.entry(first).version(), "请补充材料");
		assertThat(used(goodNetizen)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from entry_recommendation where entry_id = ?")
			.param(first)
			.query(Integer.class)
			.single()).isZero();
		assertThat(auditSummaries(first)).contains("释放推荐名额（" + city.name() + "）：名额一");

		// A recommended (still SUBMITTED) entry is not edited in place; recalling it to
		// change it frees the place.
		var entry = submitted.entry(second);
		assertThatThrownBy(
				() -> changes.edit(cityAdmin, second, entry.version(), "名额二（修改）", entry.texts().values(), null))
			.isInstanceOfSatisfying(EntryChangeRejected.class,
					rejected -> assertThat(rejected.messageCode()).isEqualTo("submission.rejected.inReview"));
		assertThat(used(goodNetizen)).isEqualTo(1);
		changes.recall(cityAdmin, second, entry.version());
		assertThat(used(goodNetizen)).isZero();
		changes.edit(cityAdmin, second, submitted.entry(second).version(), "名额二（修改）", entry.texts().values(), null);

		submitted.submit(cityAdmin, second);
		recommendAtCity(second);
		assertThat(used(goodNetizen)).isEqualTo(1);
		changes.withdraw(cityAdmin, second, submitted.entry(second).version(), "不再参评");
		assertThat(used(goodNetizen)).isZero();
	}

	@Test
	void theDigitalUnionQuotaOfACityIsOneToTwoAndAThirdRecommendationIsRefusedWithUsedAndAllowed() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Organisation unit = fixtures.newOrganisation(city, "数字工会测试县", OrganisationKind.COUNTY);
			SignedInUser admin = fixtures.admin(unit);
			long id = submitted.submitted(admin, "digital-union", "数字工会" + i);
			approvals.approve(admin, id, submitted.entry(id).version(), "同意", List.of());
			ids.add(id);
		}
		approvals.approve(cityAdmin, ids.get(0), submitted.entry(ids.get(0)).version(), "推荐", List.of());
		assertThat(quotas.visibleTo(cityAdmin)).filteredOn(use -> use.categoryId() == category("digital-union").id())
			.extracting(QuotaUse::used, QuotaUse::allowed, QuotaUse::min, QuotaUse::belowMin)
			.containsExactly(tuple(1, 2, 1, false));
		approvals.approve(cityAdmin, ids.get(1), submitted.entry(ids.get(1)).version(), "推荐", List.of());

		assertThatThrownBy(
				() -> approvals.approve(cityAdmin, ids.get(2), submitted.entry(ids.get(2)).version(), "推荐", List.of()))
			.isInstanceOfSatisfying(ApprovalRejected.class,
					rejected -> assertThat(context.getMessage(rejected.messageCode(), rejected.arguments(),
							java.util.Locale.SIMPLIFIED_CHINESE))
						.isEqualTo("本单位该类别推荐名额已用完（2/2）"));
		assertThat(submitted.entry(ids.get(2)).pendingOrganisationId()).isEqualTo(city.id());
	}

	// --- helpers
	// -------------------------------------------------------------------------------------

	private Decision approve(SignedInUser level, long id, String code) {
		List<JudgementAnswer> answers = category(code).rules()
			.judgements()
			.stream()
			.map(item -> new JudgementAnswer(item.kind(), true, null))
			.toList();
		return approvals.approve(level, id, submitted.entry(id).version(), "同意上报", answers);
	}

	private void recommendAtCity(long id) {
		approvals.approve(cityAdmin, id, submitted.entry(id).version(), "同意推荐",
				List.of(new JudgementAnswer(JudgementKind.ACCOUNT_CONDUCT, true, null)));
	}

	private int used(Category category) {
		return jdbc.sql(
				"select coalesce(max(used), 0) from recommendation_quota where category_id = ? and organisation_id = ?")
			.params(category.id(), city.id())
			.query(Integer.class)
			.single();
	}

	/**
	 * A good-netizen entry of the city, written directly as submitted and waiting at the
	 * city.
	 */
	private long waitingAtCity(Category category, String title) {
		return jdbc.sql("""
				insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
				    organisation_id, organisation_path, title, state, created_at, updated_at, submitted_at,
				    pending_organisation_id, pending_since)
				values (?, ?, ?, 'UNION_ORGANISATION', ?, false, ?, ?, ?, 'SUBMITTED', now(), now(), now(), ?, now())
				returning id
				""")
			.params(category.campaignId(), category.id(), cityAdmin.accountId(), "organisation:" + city.id(), city.id(),
					city.path(), title, city.id())
			.query(Long.class)
			.single();
	}

	private Category category(String code) {
		return campaigns.category(campaigns.getByCode(SubmissionFixtures.OPEN_CAMPAIGN), code).orElseThrow();
	}

	private List<String> auditSummaries(long id) {
		return jdbc.sql("select summary from audit_event where target_type = 'entry' and target_id = ? order by id")
			.param(String.valueOf(id))
			.query(String.class)
			.list();
	}

	private static String wordText(byte[] docx) throws Exception {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			return extractor.getText();
		}
	}

	/**
	 * All pages, white space removed: the extractor's spacing between glyphs depends on
	 * positions.
	 */
	private static String pdfText(byte[] pdf) throws Exception {
		org.openpdf.text.pdf.PdfReader reader = new org.openpdf.text.pdf.PdfReader(pdf);
		org.openpdf.text.pdf.parser.PdfTextExtractor extractor = new org.openpdf.text.pdf.parser.PdfTextExtractor(
				reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page));
		}
		return text.toString().replaceAll("[\\s\\u3000]+", "");
	}

	static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(cn.zhengji.infrastructure.web.ChangeRejected.class,
				rejected -> assertThat(rejected.messageCode()).isEqualTo(code));
	}

}
