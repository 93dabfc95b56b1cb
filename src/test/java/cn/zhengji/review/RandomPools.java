package cn.zhengji.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.zhengji.review.ExpertAssignment.Expert;
import cn.zhengji.review.ExpertAssignment.Pair;
import cn.zhengji.review.ExpertAssignment.Request;
import cn.zhengji.review.ExpertAssignment.Work;

/**
 * Random requests for the property tests: an organisation tree of depth 1 to 4 under one
 * root, works and experts on random units (some experts on none), random conflicts,
 * manual removals and pins, K in 1..5. Everything follows from the seed, so a failing
 * case is reproduced by its seed.
 */
final class RandomPools {

	private RandomPools() {
	}

	record Size(int maxWorks, int maxExperts, int maxK) {
	}

	static final Size MEDIUM = new Size(40, 16, 5);

	static final Size TINY = new Size(4, 5, 3);

	static Request request(long seed, Size size, boolean withPins) {
		Random random = new Random(seed);
		List<String> units = tree(random, 1 + random.nextInt(4));
		int workCount = 1 + random.nextInt(size.maxWorks());
		int expertCount = 1 + random.nextInt(size.maxExperts());
		List<Work> works = new ArrayList<>();
		for (int i = 0; i < workCount; i++) {
			works.add(new Work(1000 + i * 7L, units.get(random.nextInt(units.size()))));
		}
		List<Expert> experts = new ArrayList<>();
		for (int i = 0; i < expertCount; i++) {
			String unit = (random.nextInt(8) == 0) ? null : units.get(random.nextInt(units.size()));
			experts.add(new Expert(50 + i * 3L, unit));
		}
		double conflictRate = random.nextDouble() * 0.3;
		Set<Pair> conflicts = new HashSet<>();
		Set<Pair> removed = new HashSet<>();
		Set<Pair> pinned = new HashSet<>();
		for (Work work : works) {
			for (Expert expert : experts) {
				Pair pair = new Pair(work.id(), expert.id());
				double draw = random.nextDouble();
				if (draw < conflictRate) {
					conflicts.add(pair);
				}
				else if (draw < conflictRate + 0.03) {
					removed.add(pair);
				}
				else if (withPins && draw < conflictRate + 0.1) {
					pinned.add(pair);
				}
			}
		}
		// Some pins break a rule on purpose: they must be dropped, not kept.
		if (withPins && !conflicts.isEmpty() && random.nextBoolean()) {
			pinned.add(conflicts.iterator().next());
		}
		String host = random.nextBoolean() ? "/1/" : null;
		return Request.of(works, experts, 1 + random.nextInt(size.maxK()))
			.withConflicts(conflicts)
			.withManuallyRemoved(removed)
			.withPinned(pinned)
			.withHostPath(host)
			.withSeed(seed);
	}

	/** Every unit of a random tree with root {@code /1/}, the root first. */
	static List<String> tree(Random random, int depth) {
		List<String> units = new ArrayList<>();
		units.add("/1/");
		List<String> level = List.of("/1/");
		int next = 2;
		for (int d = 1; d < depth; d++) {
			List<String> children = new ArrayList<>();
			for (String parent : level) {
				int count = random.nextInt(4);
				for (int c = 0; c < count; c++) {
					children.add(parent + (next++) + "/");
				}
			}
			units.addAll(children);
			level = children;
		}
		return units;
	}

	/** The chain rule written the obvious way, on strings, as the tests' reference. */
	static boolean onChain(String expertUnit, String workUnit, String host) {
		if (expertUnit == null) {
			return false;
		}
		if (expertUnit.equals(workUnit)) {
			return true;
		}
		if (workUnit.startsWith(expertUnit)) {
			return host == null || !host.startsWith(expertUnit);
		}
		return expertUnit.startsWith(workUnit);
	}

	/** The experts allowed on a work by the reference rules. */
	static Set<Long> allowed(Request request, Work work) {
		Set<Long> allowed = new HashSet<>();
		for (Expert expert : request.experts()) {
			Pair pair = new Pair(work.id(), expert.id());
			if (!onChain(expert.organisationPath(), work.organisationPath(), request.hostPath())
					&& !request.conflicts().contains(pair) && !request.manuallyRemoved().contains(pair)) {
				allowed.add(expert.id());
			}
		}
		return allowed;
	}

}
