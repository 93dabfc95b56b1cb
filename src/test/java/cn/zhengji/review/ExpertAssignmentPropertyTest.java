package cn.zhengji.review;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import cn.zhengji.review.ExpertAssignment.Expert;
import cn.zhengji.review.ExpertAssignment.Pair;
import cn.zhengji.review.ExpertAssignment.Request;
import cn.zhengji.review.ExpertAssignment.Result;
import cn.zhengji.review.ExpertAssignment.Shortfall;
import cn.zhengji.review.ExpertAssignment.Work;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the assignment over random organisation trees, pools, conflicts,
 * removals, pins and K in 1..5, each case drawn from its seed (a seeded-random
 * parameterized test, not jqwik: see docs/architecture.md, Library choices). Checked
 * against references written independently of the implementation: the chain rule on path
 * strings, a naive search for an exchange path that would even the loads, and for tiny
 * cases every possible assignment.
 */
class ExpertAssignmentPropertyTest {

	static LongStream seeds() {
		return LongStream.range(1, 401);
	}

	static LongStream tinySeeds() {
		return LongStream.range(1, 301);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyWorkGetsKAllowedDistinctExpertsOrAReason(long seed) {
		Request request = RandomPools.request(seed, RandomPools.MEDIUM, false);
		Result result = ExpertAssignment.assign(request);

		Map<Long, Shortfall> shortfalls = new HashMap<>();
		result.shortfalls().forEach((shortfall) -> shortfalls.put(shortfall.workId(), shortfall));
		for (Work work : request.works()) {
			Set<Long> allowed = RandomPools.allowed(request, work);
			List<Long> experts = result.expertsOf(work.id());
			assertThat(new HashSet<>(experts)).as("distinct").hasSameSizeAs(experts);
			assertThat(allowed).as("work %d: no chain, conflict or removed expert", work.id()).containsAll(experts);
			assertThat(experts).hasSize(Math.min(request.expertsPerWork(), allowed.size()));
			if (allowed.size() < request.expertsPerWork()) {
				assertThat(shortfalls.get(work.id())).isEqualTo(new Shortfall(work.id(), request.expertsPerWork(),
						allowed.size(), allowed.size(), shortfalls.get(work.id()).onChain(),
						shortfalls.get(work.id()).declaredConflicts(), shortfalls.get(work.id()).removed()));
				assertThat(ExpertAssignmentTest.reasonOf(shortfalls.get(work.id())))
					.contains("只有 " + allowed.size() + " 位");
			}
			else {
				assertThat(shortfalls).doesNotContainKey(work.id());
			}
		}
		assertThat(result.expertsByWork().keySet()).hasSize(request.works().size());
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void noExchangeCouldEvenTheLoadsFurther(long seed) {
		Request request = RandomPools.request(seed, RandomPools.MEDIUM, seed % 2 == 0);
		Result result = ExpertAssignment.assign(request);

		assertLoadsAreCounted(request, result);
		assertThat(improvingExchange(request, result)).as("an exchange path that evens the loads").isNull();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("tinySeeds")
	void spreadAndLargestLoadAreTheLeastOfAllPossibleAssignments(long seed) {
		Request request = RandomPools.request(seed, RandomPools.TINY, seed % 3 == 0);
		Result result = ExpertAssignment.assign(request);

		int[] best = bestPossible(request);
		assertThat(result.spread()).as("spread").isEqualTo(best[0]);
		assertThat(maxLoad(result)).as("largest load").isEqualTo(best[1]);
		if (request.pinned().isEmpty() && best[0] <= 1) {
			assertThat(result.spread()).isLessThanOrEqualTo(1);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void allowedPinsAreKeptAndForbiddenOnesDropped(long seed) {
		Request request = RandomPools.request(seed, RandomPools.MEDIUM, true);
		Result result = ExpertAssignment.assign(request);

		Map<Long, Work> works = new HashMap<>();
		request.works().forEach((work) -> works.put(work.id(), work));
		for (Pair pin : request.pinned()) {
			boolean allowed = RandomPools.allowed(request, works.get(pin.workId())).contains(pin.expertId());
			assertThat(result.expertsOf(pin.workId()).contains(pin.expertId())).as("%s kept", pin).isEqualTo(allowed);
			assertThat(result.dropped().stream().anyMatch((dropped) -> dropped.pair().equals(pin) && dropped.pinned()))
				.as("%s dropped", pin)
				.isEqualTo(!allowed);
		}
		for (Work work : request.works()) {
			long pins = request.pinned()
				.stream()
				.filter((pin) -> pin.workId() == work.id() && result.expertsOf(work.id()).contains(pin.expertId()))
				.count();
			int allowed = RandomPools.allowed(request, work).size();
			assertThat(result.expertsOf(work.id()))
				.hasSize((int) Math.max(pins, Math.min(request.expertsPerWork(), allowed)));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void sameInputInAnyOrderGivesTheSameResult(long seed) {
		Request request = RandomPools.request(seed, RandomPools.MEDIUM, seed % 2 == 0);
		List<Work> works = new ArrayList<>(request.works());
		List<Expert> experts = new ArrayList<>(request.experts());
		Collections.shuffle(works, new Random(seed));
		Collections.shuffle(experts, new Random(seed + 1));
		Request shuffled = new Request(works, experts, request.expertsPerWork(), request.conflicts(), request.pinned(),
				request.previous(), request.manuallyRemoved(), request.hostPath(), request.seed());

		assertThat(ExpertAssignment.assign(shuffled)).isEqualTo(ExpertAssignment.assign(request));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void reRunningWithTheResultAsPreviousChangesNothing(long seed) {
		Request request = RandomPools.request(seed, RandomPools.MEDIUM, seed % 2 == 0);
		Result first = ExpertAssignment.assign(request);

		Result second = ExpertAssignment.assign(request.withPrevious(pairs(first)).withSeed(seed + 99));

		assertThat(second.expertsByWork()).isEqualTo(first.expertsByWork());
		assertThat(second.added()).isEmpty();
		assertThat(second.unassigned()).as("only the forbidden pins").isEqualTo(first.unassigned());
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aNewConflictReassignsThatWorkAndKeepsPins(long seed) {
		Request request = RandomPools.request(seed, RandomPools.MEDIUM, true);
		Result first = ExpertAssignment.assign(request);
		Set<Pair> before = pairs(first);
		Pair declared = before.stream()
			.filter((pair) -> !request.pinned().contains(pair))
			.min((a, b) -> Long.compare(a.workId() * 1000 + a.expertId(), b.workId() * 1000 + b.expertId()))
			.orElse(null);
		if (declared == null) {
			return;
		}
		Set<Pair> conflicts = new HashSet<>(request.conflicts());
		conflicts.add(declared);
		Request changed = request.withConflicts(conflicts).withPrevious(before);

		Result second = ExpertAssignment.assign(changed);

		assertThat(second.expertsOf(declared.workId())).doesNotContain(declared.expertId());
		assertThat(second.dropped()).anyMatch((dropped) -> dropped.pair().equals(declared)
				&& dropped.reason() == ExpertAssignment.DropReason.CONFLICT);
		for (Pair pin : request.pinned()) {
			if (first.expertsOf(pin.workId()).contains(pin.expertId())) {
				assertThat(second.expertsOf(pin.workId())).contains(pin.expertId());
			}
		}
		assertThat(improvingExchange(changed, second)).isNull();
	}

	static Set<Pair> pairs(Result result) {
		Set<Pair> pairs = new HashSet<>();
		result.expertsByWork().forEach((work, experts) -> experts.forEach((e) -> pairs.add(new Pair(work, e))));
		return pairs;
	}

	private static void assertLoadsAreCounted(Request request, Result result) {
		Map<Long, Integer> counted = new HashMap<>();
		request.experts().forEach((expert) -> counted.put(expert.id(), 0));
		result.expertsByWork().values().forEach((experts) -> experts.forEach((e) -> counted.merge(e, 1, Integer::sum)));
		assertThat(result.loads()).isEqualTo(counted);
		Set<Long> idle = new HashSet<>();
		for (Expert expert : request.experts()) {
			if (request.works()
				.stream()
				.noneMatch((work) -> RandomPools.allowed(request, work).contains(expert.id()))) {
				idle.add(expert.id());
			}
		}
		assertThat(result.idleExperts()).isEqualTo(idle);
	}

	/**
	 * The reference optimality check, naive on purpose: from every expert, a
	 * breadth-first search over "gives one of its unpinned works to an allowed expert not
	 * on it"; an expert reached with at least two works fewer than the start means the
	 * loads could be evener.
	 */
	static String improvingExchange(Request request, Result result) {
		Map<Long, Set<Long>> allowed = new HashMap<>();
		request.works().forEach((work) -> allowed.put(work.id(), RandomPools.allowed(request, work)));
		for (Expert start : request.experts()) {
			int startLoad = result.loads().get(start.id());
			Set<Long> seen = new HashSet<>(Set.of(start.id()));
			Deque<Long> queue = new ArrayDeque<>(List.of(start.id()));
			while (!queue.isEmpty()) {
				long giver = queue.poll();
				for (Map.Entry<Long, List<Long>> entry : result.expertsByWork().entrySet()) {
					if (!entry.getValue().contains(giver)
							|| request.pinned().contains(new Pair(entry.getKey(), giver))) {
						continue;
					}
					for (long taker : allowed.get(entry.getKey())) {
						if (!entry.getValue().contains(taker) && seen.add(taker)) {
							if (result.loads().get(taker) <= startLoad - 2) {
								return "from " + start.id() + " (" + startLoad + ") to " + taker + " ("
										+ result.loads().get(taker) + ")";
							}
							queue.add(taker);
						}
					}
				}
			}
		}
		return null;
	}

	/**
	 * The least spread and the least largest load over every assignment that gives each
	 * work its count.
	 */
	private static int[] bestPossible(Request request) {
		List<Work> works = request.works();
		List<List<Set<Long>>> options = new ArrayList<>();
		Set<Long> eligibleSomewhere = new HashSet<>();
		for (Work work : works) {
			Set<Long> allowed = RandomPools.allowed(request, work);
			eligibleSomewhere.addAll(allowed);
			Set<Long> pins = new HashSet<>();
			for (Pair pin : request.pinned()) {
				if (pin.workId() == work.id() && allowed.contains(pin.expertId())) {
					pins.add(pin.expertId());
				}
			}
			List<Long> free = new ArrayList<>(allowed);
			free.removeAll(pins);
			int need = Math.max(0, Math.min(request.expertsPerWork(), allowed.size()) - pins.size());
			List<Set<Long>> choices = new ArrayList<>();
			subsets(free, 0, need, new ArrayList<>(), (subset) -> {
				Set<Long> choice = new HashSet<>(pins);
				choice.addAll(subset);
				choices.add(choice);
			});
			options.add(choices);
		}
		int[] best = { Integer.MAX_VALUE, Integer.MAX_VALUE };
		enumerate(options, 0, new HashMap<>(), request, eligibleSomewhere, best);
		return best;
	}

	private static void enumerate(List<List<Set<Long>>> options, int index, Map<Long, Integer> load, Request request,
			Set<Long> eligibleSomewhere, int[] best) {
		if (index == options.size()) {
			int max = Integer.MIN_VALUE;
			int min = Integer.MAX_VALUE;
			for (Expert expert : request.experts()) {
				if (eligibleSomewhere.contains(expert.id())) {
					int value = load.getOrDefault(expert.id(), 0);
					max = Math.max(max, value);
					min = Math.min(min, value);
				}
			}
			int spread = (max < min) ? 0 : max - min;
			best[0] = Math.min(best[0], spread);
			best[1] = Math.min(best[1], (max < min) ? 0 : max);
			return;
		}
		for (Set<Long> choice : options.get(index)) {
			choice.forEach((e) -> load.merge(e, 1, Integer::sum));
			enumerate(options, index + 1, load, request, eligibleSomewhere, best);
			choice.forEach((e) -> load.merge(e, -1, Integer::sum));
		}
	}

	private static void subsets(List<Long> items, int from, int size, List<Long> current,
			java.util.function.Consumer<List<Long>> sink) {
		if (current.size() == size) {
			sink.accept(List.copyOf(current));
			return;
		}
		for (int i = from; i < items.size(); i++) {
			current.add(items.get(i));
			subsets(items, i + 1, size, current, sink);
			current.remove(current.size() - 1);
		}
	}

	private static int maxLoad(Result result) {
		return result.loads()
			.entrySet()
			.stream()
			.filter((entry) -> !result.idleExperts().contains(entry.getKey()))
			.mapToInt(Map.Entry::getValue)
			.max()
			.orElse(0);
	}

}
