package cn.zhengji.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import cn.zhengji.review.ExpertAssignment.Expert;
import cn.zhengji.review.ExpertAssignment.Pair;
import cn.zhengji.review.ExpertAssignment.Request;
import cn.zhengji.review.ExpertAssignment.Result;
import cn.zhengji.review.ExpertAssignment.Work;

/**
 * The figure of issue 12 item 3 (run by {@code bench/assignment/run}, not by Surefire):
 * 12 000 works × K=3 over 300 experts with about 2 % declared conflicts, on a Fujian-like
 * tree (the province, 9 cities, 90 counties, 20 grassroots unions per county; works from
 * every level below the province, experts at the province and in the cities). Times
 * {@link ExpertAssignment#assign} from the request to the result, after warm-up, median
 * of 5; also the first call in a fresh JVM (what an admin's click may meet after a
 * start), and a re-run after one more conflict with the first result as the previous
 * assignment. Arguments: {@code [works] [experts] [K]}.
 */
@SuppressWarnings("checkstyle:systemOut")
public final class AssignmentBenchmark {

	private static final int WARM_UP = 5;

	private static final int RUNS = 5;

	private AssignmentBenchmark() {
	}

	public static void main(String[] args) {
		int workCount = (args.length > 0) ? Integer.parseInt(args[0]) : 12_000;
		int expertCount = (args.length > 1) ? Integer.parseInt(args[1]) : 300;
		int k = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		Random random = new Random(2024);
		List<String> cities = new ArrayList<>();
		List<String> counties = new ArrayList<>();
		List<String> grassroots = new ArrayList<>();
		int next = 2;
		for (int c = 0; c < 9; c++) {
			String city = "/1/" + (next++) + "/";
			cities.add(city);
			for (int d = 0; d < 10; d++) {
				String county = city + (next++) + "/";
				counties.add(county);
				for (int g = 0; g < 20; g++) {
					grassroots.add(county + (next++) + "/");
				}
			}
		}
		List<Work> works = new ArrayList<>();
		for (int i = 0; i < workCount; i++) {
			int level = random.nextInt(100);
			List<String> units = (level < 80) ? grassroots : (level < 95) ? counties : cities;
			works.add(new Work(10_000 + i, units.get(random.nextInt(units.size()))));
		}
		List<Expert> experts = new ArrayList<>();
		for (int i = 0; i < expertCount; i++) {
			String unit = (i % 5 == 0) ? "/1/" : cities.get(random.nextInt(cities.size()));
			experts.add(new Expert(1 + i, unit));
		}
		Set<Pair> conflicts = new HashSet<>();
		long target = Math.round(workCount * (double) expertCount * 0.02);
		while (conflicts.size() < target) {
			conflicts.add(
					new Pair(works.get(random.nextInt(workCount)).id(), experts.get(random.nextInt(expertCount)).id()));
		}
		Request request = Request.of(works, experts, k).withConflicts(conflicts).withHostPath("/1/").withSeed(12);

		long coldStart = System.nanoTime();
		Result result = ExpertAssignment.assign(request);
		double cold = (System.nanoTime() - coldStart) / 1e6;
		for (int i = 1; i < WARM_UP; i++) {
			result = ExpertAssignment.assign(request);
		}
		double[] times = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			result = ExpertAssignment.assign(request);
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);

		Set<Pair> previous = ExpertAssignmentPropertyTest.pairs(result);
		Pair declared = new Pair(works.get(0).id(), result.expertsOf(works.get(0).id()).get(0));
		Set<Pair> moreConflicts = new HashSet<>(conflicts);
		moreConflicts.add(declared);
		Request rerun = request.withConflicts(moreConflicts).withPrevious(previous);
		Result second = null;
		double[] rerunTimes = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			second = ExpertAssignment.assign(rerun);
			rerunTimes[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(rerunTimes);

		// The pool grows by 50 experts after a run: the balance moves about a seventh of
		// the pairs to them.
		List<Expert> grown = new ArrayList<>(experts);
		for (int i = 0; i < 50; i++) {
			grown.add(new Expert(100_000 + i, cities.get(random.nextInt(cities.size()))));
		}
		Request growth = new Request(works, grown, k, conflicts, Set.of(), previous, Set.of(), "/1/", 12);
		Result third = null;
		double[] growthTimes = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			third = ExpertAssignment.assign(growth);
			growthTimes[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(growthTimes);

		int min = result.loads().values().stream().mapToInt(Integer::intValue).min().orElse(0);
		int max = result.loads().values().stream().mapToInt(Integer::intValue).max().orElse(0);
		System.out.printf(Locale.ROOT, "works %d, experts %d, K %d, conflicts %d, shortfalls %d, loads %d..%d%n",
				workCount, expertCount, k, conflicts.size(), result.shortfalls().size(), min, max);
		System.out.printf(Locale.ROOT, "assign, median of %d (ms)            %8.1f   (min %.1f, max %.1f)%n", RUNS,
				times[RUNS / 2], times[0], times[RUNS - 1]);
		System.out.printf(Locale.ROOT, "first call in a fresh JVM (ms)          %8.1f%n", cold);
		System.out.printf(Locale.ROOT,
				"re-run after one conflict, median (ms)  %8.1f   (pairs changed: %d added, %d removed)%n",
				rerunTimes[RUNS / 2], second.added().size(), second.unassigned().size());
		System.out.printf(Locale.ROOT,
				"re-run after 50 experts joined, median  %8.1f   (pairs changed: %d added, %d removed; spread %d)%n",
				growthTimes[RUNS / 2], third.added().size(), third.unassigned().size(), third.spread());
		System.out.printf(Locale.ROOT, "MEDIAN_MS %.1f%n", times[RUNS / 2]);
	}

}
