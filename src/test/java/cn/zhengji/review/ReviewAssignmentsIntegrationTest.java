package cn.zhengji.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12 items 1 and 3 through the real services and database: a round of its own (the
 * first round, K = 3, of the song category of a fresh copy of fujian-2024, hosted by
 * 福建省总工会), four works approved by the host from four cities, and a pool of eight experts,
 * two of them on the chain of the first work.
 *
 * <pre>
 * 福建省总工会 (host)      expert host
 * ├── city A              expert a1          work 1 (from county A)
 * │   └── county A        expert a2
 * ├── city B              experts b1, b2     work 2
 * ├── city C              experts c1, c2     work 3
 * └── city D              expert d1          work 4
 * </pre>
 */
@ZhengjiTest
class ReviewAssignmentsIntegrationTest {

	@Autowired
	ReviewPools pools;

	@Autowired
	ReviewAssignments assignments;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	JdbcClient jdbc;

	SignedInUser hostAdmin;

	SignedInUser cityAdmin;

	long roundId;

	long work1;

	long work2;

	long work3;

	long work4;

	/** Expert ids by name: host, a1, a2, b1, b2, c1, c2, d1. */
	Map<String, Long> experts = new LinkedHashMap<>();

	Map<String, Organisation> units = new HashMap<>();

	@BeforeEach
	void round() {
		Organisation province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		String code = "review-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "评审分配测试活动", 2020);
		Campaign campaign = campaigns.getByCode(code);
		Category song = campaigns.category(campaign, "song").orElseThrow();
		ReviewRound first = campaigns.reviewRounds(song.id()).getFirst();
		assertThat(first.expertsPerWork()).isEqualTo(3);
		roundId = first.id();

		units.put("host", province);
		Organisation cityA = organisations.create(province, "评审测试甲市总工会", OrganisationKind.CITY);
		units.put("a1", cityA);
		units.put("a2", organisations.create(cityA, "评审测试甲县总工会", OrganisationKind.COUNTY));
		for (String city : List.of("b", "c", "d")) {
			Organisation unit = organisations.create(province, "评审测试" + city + "市总工会", OrganisationKind.CITY);
			units.put(city + "1", unit);
			units.put(city + "2", unit);
		}
		cityAdmin = accounts.signedIn(accounts.admin(cityA).create()).withPasswordChanged();
		for (String name : List.of("host", "a1", "a2", "b1", "b2", "c1", "c2", "d1")) {
			long id = accounts.staff(Role.EXPERT, units.get(name)).create().id();
			experts.put(name, id);
			pools.add(hostAdmin, roundId, id);
		}
		work1 = approved(campaign, song, units.get("a2"), "县级作品");
		work2 = approved(campaign, song, units.get("b1"), "乙市作品");
		work3 = approved(campaign, song, units.get("c1"), "丙市作品");
		work4 = approved(campaign, song, units.get("d1"), "丁市作品");
	}

	private long approved(Campaign campaign, Category category, Organisation unit, String title) {
		long id = entries.draft(campaign, category.id(), unit, null, hostAdmin.accountId(), title);
		entries.approvedBy(id, organisations.byCode("fj"));
		return id;
	}

	@Test
	void thePoolTakesOnlyExpertsAndOnlyFromTheCampaignsAdmins() {
		long admin = accounts.admin(units.get("b1")).create().id();
		long participant = accounts.participant(units.get("b1")).create().id();

		assertThatThrownBy(() -> pools.add(hostAdmin, roundId, admin)).isInstanceOfSatisfying(
				ReviewChangeRejected.class,
				(rejected) -> assertThat(rejected.messageCode()).isEqualTo("review.pool.notExpert"));
		assertThatThrownBy(() -> pools.add(hostAdmin, roundId, participant)).isInstanceOf(ReviewChangeRejected.class);
		long newExpert = accounts.staff(Role.EXPERT, units.get("b1")).create().id();
		assertThatThrownBy(() -> pools.add(cityAdmin, roundId, newExpert)).isInstanceOf(NotFoundException.class);

		assertThat(pools.members(hostAdmin, roundId)).extracting(AccountProfile::id)
			.containsExactlyElementsOf(experts.values().stream().sorted().toList());
		assertThat(auditCount("review_pool_member", null)).isEqualTo(8);
	}

	@Test
	void assignGivesEachWorkThreeExpertsNoneOnTheSubmittingChainAndStoresExactlyThat() {
		ExpertAssignment.Result result = assignments.assign(hostAdmin, roundId);

		Map<Long, List<Long>> stored = assignments.expertsByWork(hostAdmin, roundId);
		assertThat(stored).isEqualTo(result.expertsByWork());
		assertThat(stored.keySet()).containsExactly(work1, work2, work3, work4);
		assertThat(stored.values()).allSatisfy((ids) -> assertThat(ids).hasSize(3).doesNotHaveDuplicates());
		assertThat(stored.get(work1)).doesNotContain(experts.get("a1"), experts.get("a2"));
		assertThat(stored.get(work2)).doesNotContain(experts.get("b1"), experts.get("b2"));
		assertThat(stored.get(work3)).doesNotContain(experts.get("c1"), experts.get("c2"));
		assertThat(stored.get(work4)).doesNotContain(experts.get("d1"));
		assertThat(result.shortfalls()).isEmpty();
		// 12 pairs over 8 experts, as even as possible: four experts judge two works.
		assertThat(result.loads().values()).containsExactlyInAnyOrder(1, 1, 1, 1, 2, 2, 2, 2);
		assertThat(rows("select count(*) from review_assignment where round_id = ? and origin = 'AUTOMATIC'"))
			.isEqualTo(12);
		assertThat(auditCount("review_round", roundId)).isEqualTo(1);
		long expert = stored.get(work2).getFirst();
		SignedInUser signedIn = accounts.signedIn(login(expert));
		assertThat(assignments.assignedWorks(signedIn, roundId)).isEqualTo(stored.entrySet()
			.stream()
			.filter((work) -> work.getValue().contains(expert))
			.map(Map.Entry::getKey)
			.sorted()
			.toList());

		// A second run with nothing changed changes nothing and writes no audit event.
		assignments.assign(hostAdmin, roundId);
		assertThat(assignments.expertsByWork(hostAdmin, roundId)).isEqualTo(stored);
		assertThat(auditCount("review_round", roundId)).isEqualTo(1);
	}

	@Test
	void aDeclaredConflictReassignsOnlyThatWorkAndKeepsEveryOtherPair() {
		assignments.assign(hostAdmin, roundId);
		Map<Long, List<Long>> before = assignments.expertsByWork(hostAdmin, roundId);
		long declaring = before.get(work2).getFirst();

		List<Long> now = assignments.declareConflict(accounts.signedIn(login(declaring)), roundId, work2, "作者是我的同事");

		Map<Long, List<Long>> after = assignments.expertsByWork(hostAdmin, roundId);
		assertThat(now).isEqualTo(after.get(work2));
		assertThat(after.get(work2)).hasSize(3)
			.doesNotContain(declaring, experts.get("b1"), experts.get("b2"))
			.containsAll(before.get(work2).stream().filter((id) -> id != declaring).toList());
		Map<Long, List<Long>> othersBefore = new HashMap<>(before);
		othersBefore.remove(work2);
		Map<Long, List<Long>> othersAfter = new HashMap<>(after);
		othersAfter.remove(work2);
		assertThat(othersAfter).isEqualTo(othersBefore);
		assertThat(rows("select count(*) from review_conflict where round_id = ? and reason = '作者是我的同事'")).isEqualTo(1);
		assertThat(auditCount("review_conflict", work2)).isEqualTo(1);

		// A re-run respects the conflict.
		assignments.assign(hostAdmin, roundId);
		assertThat(assignments.expertsByWork(hostAdmin, roundId).get(work2)).hasSize(3).doesNotContain(declaring);
	}

	@Test
	void aPairAddedByHandIsPinnedAndSurvivesARerunWhileAPairOnTheChainIsRefused() {
		assignments.assign(hostAdmin, roundId);
		List<Long> onWork1 = assignments.expertsByWork(hostAdmin, roundId).get(work1);
		long chosen = experts.entrySet()
			.stream()
			.filter((expert) -> !expert.getKey().startsWith("a") && !onWork1.contains(expert.getValue()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();

		assertThatThrownBy(() -> assignments.addPair(hostAdmin, roundId, work1, experts.get("a1")))
			.isInstanceOfSatisfying(ReviewChangeRejected.class,
					(rejected) -> assertThat(rejected.messageCode()).isEqualTo("review.assignment.onChain"));
		assignments.addPair(hostAdmin, roundId, work1, chosen);
		assertThat(assignments.expertsByWork(hostAdmin, roundId).get(work1)).hasSize(4).contains(chosen);

		assignments.assign(hostAdmin, roundId);
		assignments.assign(hostAdmin, roundId);

		// The pin counts towards K: the work keeps it and two automatic experts.
		assertThat(assignments.expertsByWork(hostAdmin, roundId).get(work1)).hasSize(3).contains(chosen);
		assertThat(
				jdbc.sql("select origin from review_assignment where round_id = ? and entry_id = ? and expert_id = ?")
					.params(roundId, work1, chosen)
					.query(String.class)
					.single())
			.isEqualTo("MANUAL");
	}

	@Test
	void aPairTheAdminRemovedIsNeverGivenAgain() {
		assignments.assign(hostAdmin, roundId);
		long removed = assignments.expertsByWork(hostAdmin, roundId).get(work3).getFirst();

		assignments.removePair(hostAdmin, roundId, work3, removed);
		assertThat(assignments.expertsByWork(hostAdmin, roundId).get(work3)).hasSize(2).doesNotContain(removed);

		assignments.assign(hostAdmin, roundId);
		assignments.assign(hostAdmin, roundId);
		assertThat(assignments.expertsByWork(hostAdmin, roundId).get(work3)).hasSize(3).doesNotContain(removed);
		assertThat(rows("select count(*) from review_removal where round_id = ?")).isEqualTo(1);
		assertThat(auditCount("review_assignment", work3)).isEqualTo(1);
	}

	@Test
	void twoAssignsOfTheSameRoundAtOnceLeaveOneConsistentAssignment() throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<ExpertAssignment.Result>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return assignments.assign(hostAdmin, roundId);
				}));
			}
			ExpertAssignment.Result first = runs.get(0).get(60, TimeUnit.SECONDS);
			ExpertAssignment.Result second = runs.get(1).get(60, TimeUnit.SECONDS);

			// The later run started from what the earlier one wrote: same pairs, nothing
			// added, and only the earlier one wrote an audit event.
			Map<Long, List<Long>> stored = assignments.expertsByWork(hostAdmin, roundId);
			assertThat(first.expertsByWork()).isEqualTo(stored);
			assertThat(second.expertsByWork()).isEqualTo(stored);
			assertThat(List.of(first.added().size(), second.added().size())).containsExactlyInAnyOrder(12, 0);
			assertThat(rows("select count(*) from review_assignment where round_id = ?")).isEqualTo(12);
			assertThat(stored.values()).allSatisfy((ids) -> assertThat(ids).hasSize(3));
			assertThat(auditCount("review_round", roundId)).isEqualTo(1);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private String login(long accountId) {
		return jdbc.sql("select username from account where id = ?").param(accountId).query(String.class).single();
	}

	private long rows(String sql) {
		return jdbc.sql(sql).param(roundId).query(Long.class).single();
	}

	/**
	 * Audit events on the target type (and id, if given) under this round's host path.
	 */
	private long auditCount(String targetType, Long targetId) {
		return jdbc.sql("""
				select count(*) from audit_event
				where target_type = ? and (cast(? as text) is null or target_id = cast(? as text))
				  and (after_state ->> 'round' = cast(? as text) or before_state ->> 'round' = cast(? as text)
				       or (target_type = 'review_round' and target_id = cast(? as text)))
				""").params(targetType, targetId, targetId, roundId, roundId, roundId).query(Long.class).single();
	}

}
