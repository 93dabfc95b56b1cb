package cn.zhengji.review;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.zhengji.review.ExpertAssignment.DropReason;
import cn.zhengji.review.ExpertAssignment.Dropped;
import cn.zhengji.review.ExpertAssignment.Expert;
import cn.zhengji.review.ExpertAssignment.Pair;
import cn.zhengji.review.ExpertAssignment.Request;
import cn.zhengji.review.ExpertAssignment.Result;
import cn.zhengji.review.ExpertAssignment.Shortfall;
import cn.zhengji.review.ExpertAssignment.Work;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Hand-checked cases. The tree: province {@code /1/}, cities 福州 {@code /1/2/} and 厦门
 * {@code /1/3/}, counties 鼓楼 {@code /1/2/20/} and 台江 {@code /1/2/21/}, a grassroots union
 * {@code /1/2/20/500/} under 鼓楼.
 */
class ExpertAssignmentTest {

	private static final String PROVINCE = "/1/";

	private static final String FUZHOU = "/1/2/";

	private static final String XIAMEN = "/1/3/";

	private static final String GULOU = "/1/2/20/";

	private static final String TAIJIANG = "/1/2/21/";

	private static final String GULOU_FACTORY = "/1/2/20/500/";

	/** A work of 鼓楼 and one expert on each kind of unit around it. */
	private static final List<Expert> AROUND_GULOU = List.of(new Expert(1, FUZHOU), new Expert(2, XIAMEN),
			new Expert(3, PROVINCE), new Expert(4, GULOU_FACTORY), new Expert(5, TAIJIANG), new Expert(6, GULOU),
			new Expert(7, null));

	@Test
	void neverGivesAWorkToAnExpertOfItsOwnCityCountyOrUnitBelow() {
		Request request = Request.of(List.of(new Work(100, GULOU)), AROUND_GULOU, 4).withHostPath(PROVINCE);

		Result result = ExpertAssignment.assign(request);

		// 福州 (its city), 鼓楼 (itself) and the factory under 鼓楼 are on the chain; the
		// province
		// hosts the campaign and judges every work; 厦门, 台江 and the unit-less expert are
		// not related.
		assertThat(result.expertsOf(100)).containsExactly(2L, 3L, 5L, 7L);
		assertThat(result.shortfalls()).isEmpty();
	}

	@Test
	void withoutAHostTheProvinceIsOnTheChainToo() {
		Request request = Request.of(List.of(new Work(100, GULOU)), AROUND_GULOU, 4);

		Result result = ExpertAssignment.assign(request);

		assertThat(result.expertsOf(100)).containsExactly(2L, 5L, 7L);
		assertThat(result.shortfalls()).containsExactly(new Shortfall(100, 4, 3, 3, 4, 0, 0));
		assertThat(result.idleExperts()).containsExactly(1L, 3L, 4L, 6L);
	}

	@Test
	void theHostDoesNotJudgeWorksItSubmittedItself() {
		Request request = Request.of(List.of(new Work(100, PROVINCE)), AROUND_GULOU, 1).withHostPath(PROVINCE);

		Result result = ExpertAssignment.assign(request);

		// Every unit is the province or below it, so only the unit-less expert is left.
		assertThat(result.expertsOf(100)).containsExactly(7L);
	}

	@Test
	void aPathThatMerelyStartsWithTheSameDigitsIsNoRelative() {
		Request request = Request.of(List.of(new Work(100, "/1/140/")), List.of(new Expert(1, "/1/14/")), 1);

		assertThat(ExpertAssignment.assign(request).expertsOf(100)).containsExactly(1L);
	}

	@Test
	void aWorkWithTooFewEligibleExpertsGetsAllOfThemAndAReason() {
		List<Expert> experts = List.of(new Expert(1, FUZHOU), new Expert(2, XIAMEN), new Expert(3, TAIJIANG),
				new Expert(4, XIAMEN));
		Request request = Request.of(List.of(new Work(100, GULOU)), experts, 3).withConflicts(Set.of(new Pair(100, 4)));

		Result result = ExpertAssignment.assign(request);

		assertThat(result.expertsOf(100)).containsExactly(2L, 3L);
		Shortfall shortfall = result.shortfalls().get(0);
		assertThat(shortfall).isEqualTo(new Shortfall(100, 3, 2, 2, 1, 1, 0));
		assertThat(reasonOf(shortfall)).isEqualTo("可评审此作品的专家只有 2 位（另有 1 位与报送单位在同一组织链上，1 位声明回避，0 位被管理员移除），少于每件 3 位");
	}

	@Test
	void aDeclaredConflictReassignsOnlyThatPair() {
		List<Expert> experts = List.of(new Expert(1, XIAMEN), new Expert(2, XIAMEN), new Expert(3, XIAMEN));
		Work work = new Work(100, GULOU);
		Request before = Request.of(List.of(work), experts, 2).withPrevious(Set.of(new Pair(100, 1), new Pair(100, 2)));
		assertThat(ExpertAssignment.assign(before).expertsOf(100)).containsExactly(1L, 2L);

		Result result = ExpertAssignment.assign(before.withConflicts(Set.of(new Pair(100, 2))));

		assertThat(result.expertsOf(100)).containsExactly(1L, 3L);
		assertThat(result.dropped()).containsExactly(new Dropped(new Pair(100, 2), false, DropReason.CONFLICT));
		assertThat(result.added()).containsExactly(new Pair(100, 3));
		assertThat(result.unassigned()).containsExactly(new Pair(100, 2));
	}

	@Test
	void aConflictInABalancedPoolMovesOneMorePair() {
		List<Work> works = List.of(new Work(100, GULOU), new Work(101, GULOU), new Work(102, XIAMEN),
				new Work(103, TAIJIANG));
		List<Expert> experts = List.of(new Expert(1, null), new Expert(2, null), new Expert(3, null),
				new Expert(4, null));
		Request request = Request.of(works, experts, 2).withSeed(7);
		Result first = ExpertAssignment.assign(request);
		assertThat(first.loads().values()).containsOnly(2);
		long giver = first.expertsOf(100).get(0);

		Result second = ExpertAssignment.assign(request.withPrevious(ExpertAssignmentPropertyTest.pairs(first))
			.withConflicts(Set.of(new Pair(100, giver))));

		assertThat(second.expertsOf(100)).hasSize(2).doesNotContain(giver);
		assertThat(second.loads().values()).containsOnly(2);
		// The work takes an expert with load 2, who gives up one of its works to the one
		// who declared.
		assertThat(second.unassigned()).hasSize(2).contains(new Pair(100, giver));
		assertThat(second.added()).hasSize(2);
	}

	@Test
	void spreadsWorksEvenly() {
		List<Work> works = List.of(new Work(100, GULOU), new Work(101, GULOU), new Work(102, GULOU),
				new Work(103, GULOU), new Work(104, GULOU));
		List<Expert> experts = List.of(new Expert(1, XIAMEN), new Expert(2, XIAMEN), new Expert(3, TAIJIANG));

		Result result = ExpertAssignment.assign(Request.of(works, experts, 2));

		assertThat(result.loads().values()).containsExactlyInAnyOrder(3, 3, 4);
		assertThat(result.spread()).isEqualTo(1);
	}

	@Test
	void evensLoadsAroundAnExpertWhoMayJudgeOnlyOneCity() {
		// Expert 1 (福州) may judge only 厦门's work; the others can take any. The two works
		// only
		// they can take go first, which leaves 厦门's work to expert 1.
		List<Work> works = List.of(new Work(100, GULOU), new Work(101, XIAMEN), new Work(102, TAIJIANG));
		List<Expert> experts = List.of(new Expert(1, FUZHOU), new Expert(2, null), new Expert(3, null));

		Result result = ExpertAssignment.assign(Request.of(works, experts, 1));

		assertThat(result.expertsOf(101)).containsExactly(1L);
		assertThat(result.loads()).isEqualTo(Map.of(1L, 1, 2L, 1, 3L, 1));
	}

	@Test
	void keepsPinnedPairsEvenWhenTheyUnbalanceTheLoads() {
		List<Work> works = List.of(new Work(100, GULOU), new Work(101, GULOU));
		List<Expert> experts = List.of(new Expert(1, XIAMEN), new Expert(2, XIAMEN));
		Request request = Request.of(works, experts, 1).withPinned(Set.of(new Pair(100, 1), new Pair(101, 1)));

		Result result = ExpertAssignment.assign(request);

		assertThat(result.expertsOf(100)).containsExactly(1L);
		assertThat(result.expertsOf(101)).containsExactly(1L);
		assertThat(result.loads()).isEqualTo(Map.of(1L, 2, 2L, 0));
		assertThat(result.added()).isEmpty();
	}

	@Test
	void anExpertAddedByHandBeyondKStays() {
		List<Expert> experts = List.of(new Expert(1, XIAMEN), new Expert(2, XIAMEN), new Expert(3, XIAMEN));
		Request request = Request.of(List.of(new Work(100, GULOU)), experts, 1)
			.withPinned(Set.of(new Pair(100, 1), new Pair(100, 3)));

		assertThat(ExpertAssignment.assign(request).expertsOf(100)).containsExactly(1L, 3L);
	}

	@Test
	void anExpertRemovedByHandIsNotGivenTheWorkAgainEvenIfScored() {
		List<Expert> experts = List.of(new Expert(1, XIAMEN), new Expert(2, XIAMEN));
		Request request = Request.of(List.of(new Work(100, GULOU)), experts, 1)
			.withPinned(Set.of(new Pair(100, 1)))
			.withManuallyRemoved(Set.of(new Pair(100, 1)));

		Result result = ExpertAssignment.assign(request);

		assertThat(result.expertsOf(100)).containsExactly(2L);
		assertThat(result.dropped()).containsExactly(new Dropped(new Pair(100, 1), true, DropReason.REMOVED));
	}

	@Test
	void aScoredPairWhoseExpertDeclaresAConflictIsDroppedForTheCallerToVoid() {
		List<Expert> experts = List.of(new Expert(1, XIAMEN), new Expert(2, XIAMEN));
		Request request = Request.of(List.of(new Work(100, GULOU)), experts, 1)
			.withPinned(Set.of(new Pair(100, 1), new Pair(999, 1)))
			.withConflicts(Set.of(new Pair(100, 1)));

		Result result = ExpertAssignment.assign(request);

		assertThat(result.expertsOf(100)).containsExactly(2L);
		assertThat(result.dropped()).containsExactly(new Dropped(new Pair(100, 1), true, DropReason.CONFLICT),
				new Dropped(new Pair(999, 1), true, DropReason.UNKNOWN));
	}

	@Test
	void refusesMalformedPathsAndDuplicateIds() {
		List<Expert> one = List.of(new Expert(1, XIAMEN));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExpertAssignment.assign(Request.of(List.of(new Work(100, "1/2")), one, 1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExpertAssignment.assign(Request.of(List.of(new Work(100, "/1//2/")), one, 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> ExpertAssignment
			.assign(Request.of(List.of(new Work(100, GULOU), new Work(100, XIAMEN)), one, 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> Request.of(List.of(new Work(100, GULOU)), one, 0));
	}

	/** The shortfall as admins read it, through the real messages file. */
	static String reasonOf(Shortfall shortfall) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages-review");
		messages.setDefaultEncoding("UTF-8");
		return messages.getMessage(Shortfall.MESSAGE_KEY, shortfall.messageArguments(), Locale.SIMPLIFIED_CHINESE);
	}

}
