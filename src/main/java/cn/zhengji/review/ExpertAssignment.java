package cn.zhengji.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Issue 12 item 3, R-REV-1: gives each work {@code K} distinct experts, never one with a
 * conflict of interest, with the experts' loads as even as the conflicts allow. Plain
 * Java: the caller loads works, experts, conflicts and the existing assignment and stores
 * the result.
 *
 * <h2>Who may not judge a work</h2> An expert is not eligible for a work when
 * <ul>
 * <li>the expert's unit is on the chain of the submitting unit: the same unit, one of its
 * ancestors (a city union's expert never judges the works of that city), or one of its
 * descendants (a county union's expert never judges the work its own city union
 * submitted: the county reports to that city). Siblings and cousins are eligible. One
 * exception, and it is a judgement call: ancestors at or above the campaign's host
 * ({@link Request#hostPath()}, e.g. the provincial union of a provincial campaign) stay
 * eligible, because every work of the campaign lies below them and they are the
 * campaign's own jury; they still never judge a work their own unit submitted. Without a
 * host path the rule is strict. An expert without a unit (path {@code null}) is on no
 * chain;</li>
 * <li>the expert declared a conflict on the work ({@link Request#conflicts()});</li>
 * <li>an admin removed the expert from the work ({@link Request#manuallyRemoved()}).</li>
 * </ul>
 * A pair that breaks one of these is never in the result, pinned or not: it is listed in
 * {@link Result#dropped()} with its reason, and the work gets another expert.
 *
 * <h2>What the result promises</h2>
 * <ol>
 * <li>Every work gets {@code K} distinct eligible experts, or all of its eligible ones
 * and a {@link Shortfall} saying why. Expert loads have no upper limit, so this never
 * depends on the other works.</li>
 * <li>Pinned pairs ({@link Request#pinned()}: scores given, or added by an admin) are
 * kept as long as they are allowed, even beyond {@code K} and even when they unbalance
 * the loads.</li>
 * <li>Among all assignments with these counts and pins the loads are the most even one:
 * no work can be moved along a chain of exchanges from an expert to one with at least two
 * works fewer. That is the optimality condition of a convex-cost flow, so the largest
 * load is as small and the smallest as large as possible at the same time; in particular
 * the spread (largest minus smallest load among experts eligible for at least one work)
 * is at most 1 whenever any assignment achieves that.</li>
 * <li>Previous pairs ({@link Request#previous()}) are kept unless a rule forbids them or
 * the balance needs them moved, so re-running after one change moves few pairs.</li>
 * <li>The same request gives the same result (ties are broken by a permutation drawn from
 * {@link Request#seed()}; the order of the input lists does not matter).</li>
 * </ol>
 *
 * <h2>How</h2> Eligibility is a bit set per work over the experts (the chain test is done
 * once per pair of distinct organisation paths). The most constrained works are served
 * first, each by its least-loaded eligible experts; then a repair pass searches, from the
 * most loaded experts down, for an exchange path to an expert with at least two works
 * fewer (a breadth-first search over bit sets) and moves the works along it, until there
 * is none.
 */
public final class ExpertAssignment {

	private ExpertAssignment() {
	}

	/**
	 * Computes the assignment.
	 * @param request works, experts, K, conflicts and the existing assignment
	 * @return the assignment with its shortfalls and the pairs it had to drop
	 */
	public static Result assign(Request request) {
		return new Solver(request).solve();
	}

	/**
	 * A work to be judged.
	 *
	 * @param id the work's id
	 * @param organisationPath the submitting unit's materialized path, e.g.
	 * {@code /1/14/40/}
	 */
	public record Work(long id, String organisationPath) {

		public Work {
			if (organisationPath == null) {
				throw new IllegalArgumentException("work " + id + " has no organisation path");
			}
		}

	}

	/**
	 * An expert of the pool.
	 *
	 * @param id the expert's id
	 * @param organisationPath the path of the expert's unit, or {@code null} for an
	 * expert who belongs to no unit of the tree
	 */
	public record Expert(long id, String organisationPath) {
	}

	/** One expert on one work. */
	public record Pair(long workId, long expertId) {
	}

	/**
	 * What to assign.
	 *
	 * @param works the works to judge
	 * @param experts the pool
	 * @param expertsPerWork K
	 * @param conflicts pairs the expert declared a conflict of interest on
	 * @param pinned pairs that must stay while allowed (scores given, added by an admin)
	 * @param previous the assignment of the last run, kept where possible
	 * @param manuallyRemoved pairs an admin took away, never given again
	 * @param hostPath the path of the campaign's host, or {@code null}: units at or above
	 * it are not a conflict for the works below them (see the class comment)
	 * @param seed the tie-break; keep it per campaign so that a re-run gives the same
	 * result
	 */
	public record Request(List<Work> works, List<Expert> experts, int expertsPerWork, Set<Pair> conflicts,
			Set<Pair> pinned, Set<Pair> previous, Set<Pair> manuallyRemoved, String hostPath, long seed) {

		public Request {
			if (expertsPerWork < 1) {
				throw new IllegalArgumentException("experts per work must be at least 1: " + expertsPerWork);
			}
			works = List.copyOf(works);
			experts = List.copyOf(experts);
			conflicts = Set.copyOf(conflicts);
			pinned = Set.copyOf(pinned);
			previous = Set.copyOf(previous);
			manuallyRemoved = Set.copyOf(manuallyRemoved);
		}

		public static Request of(Collection<Work> works, Collection<Expert> experts, int expertsPerWork) {
			return new Request(List.copyOf(works), List.copyOf(experts), expertsPerWork, Set.of(), Set.of(), Set.of(),
					Set.of(), null, 0);
		}

		public Request withConflicts(Collection<Pair> conflicts) {
			return new Request(this.works, this.experts, this.expertsPerWork, Set.copyOf(conflicts), this.pinned,
					this.previous, this.manuallyRemoved, this.hostPath, this.seed);
		}

		public Request withPinned(Collection<Pair> pinned) {
			return new Request(this.works, this.experts, this.expertsPerWork, this.conflicts, Set.copyOf(pinned),
					this.previous, this.manuallyRemoved, this.hostPath, this.seed);
		}

		public Request withPrevious(Collection<Pair> previous) {
			return new Request(this.works, this.experts, this.expertsPerWork, this.conflicts, this.pinned,
					Set.copyOf(previous), this.manuallyRemoved, this.hostPath, this.seed);
		}

		public Request withManuallyRemoved(Collection<Pair> removed) {
			return new Request(this.works, this.experts, this.expertsPerWork, this.conflicts, this.pinned,
					this.previous, Set.copyOf(removed), this.hostPath, this.seed);
		}

		public Request withHostPath(String hostPath) {
			return new Request(this.works, this.experts, this.expertsPerWork, this.conflicts, this.pinned,
					this.previous, this.manuallyRemoved, hostPath, this.seed);
		}

		public Request withSeed(long seed) {
			return new Request(this.works, this.experts, this.expertsPerWork, this.conflicts, this.pinned,
					this.previous, this.manuallyRemoved, this.hostPath, seed);
		}

	}

	/**
	 * The assignment.
	 *
	 * @param expertsByWork every work (by id, ascending) with its experts (ids,
	 * ascending)
	 * @param loads every expert with the number of works assigned (pinned ones included)
	 * @param idleExperts experts eligible for none of the works (load 0 by necessity,
	 * left out of {@link #spread()})
	 * @param shortfalls the works that got fewer than K experts, with the reason
	 * @param dropped pinned or previous pairs that a rule now forbids
	 * @param added pairs that are neither pinned nor previous
	 * @param unassigned pinned or previous pairs that are not in the result any more
	 */
	public record Result(Map<Long, List<Long>> expertsByWork, Map<Long, Integer> loads, Set<Long> idleExperts,
			List<Shortfall> shortfalls, List<Dropped> dropped, Set<Pair> added, Set<Pair> unassigned) {

		public List<Long> expertsOf(long workId) {
			return this.expertsByWork.getOrDefault(workId, List.of());
		}

		/**
		 * Largest minus smallest load among the experts eligible for at least one work.
		 */
		public int spread() {
			int max = Integer.MIN_VALUE;
			int min = Integer.MAX_VALUE;
			for (Map.Entry<Long, Integer> load : this.loads.entrySet()) {
				if (!this.idleExperts.contains(load.getKey())) {
					max = Math.max(max, load.getValue());
					min = Math.min(min, load.getValue());
				}
			}
			return (max < min) ? 0 : max - min;
		}

	}

	/**
	 * A work that got fewer experts than asked for, because there are not enough eligible
	 * ones. The counts say where the others went: each expert is counted once, under the
	 * first of chain, conflict, removal that excludes it.
	 *
	 * @param workId the work
	 * @param wanted K
	 * @param assigned the experts it got (all its eligible ones)
	 * @param eligible the experts eligible for it
	 * @param onChain experts on the submitting unit's chain
	 * @param declaredConflicts experts off the chain who declared a conflict on it
	 * @param removed other experts an admin removed from it
	 */
	public record Shortfall(long workId, int wanted, int assigned, int eligible, int onChain, int declaredConflicts,
			int removed) {

		/** The reason as admins read it: this key in messages-review.properties … */
		public static final String MESSAGE_KEY = "review.assignment.shortfall";

		/** … with these arguments. */
		public Object[] messageArguments() {
			return new Object[] { this.eligible, this.onChain, this.declaredConflicts, this.removed, this.wanted };
		}

	}

	/**
	 * A pinned or previous pair that is not kept because a rule forbids it now.
	 *
	 * @param pair the pair
	 * @param pinned whether it was pinned (its scores are to be voided by the caller)
	 * @param reason the rule
	 */
	public record Dropped(Pair pair, boolean pinned, DropReason reason) {
	}

	/** Why a pinned or previous pair was dropped. */
	public enum DropReason {

		/** The work or the expert is no longer part of the request. */
		UNKNOWN,

		/** An admin removed the expert from the work. */
		REMOVED,

		/** The expert declared a conflict on the work. */
		CONFLICT,

		/** The expert's unit is on the submitting unit's chain. */
		ON_CHAIN

	}

	private static final Comparator<Pair> PAIR_ORDER = Comparator.comparingLong(Pair::workId)
		.thenComparingLong(Pair::expertId);

	/** One run; all state is in flat arrays indexed by work and expert position. */
	private static final class Solver {

		private final Request request;

		private final int k;

		private final Work[] works;

		private final Expert[] experts;

		private final Map<Long, Integer> workIndex;

		private final Map<Long, Integer> expertIndex;

		private final int words;

		/** Per work, {@code words} longs: the experts allowed on it. */
		private final long[] eligible;

		/** The experts assigned to the work. */
		private final long[] assigned;

		/** The assigned experts that may not be moved. */
		private final long[] pinned;

		/** The assigned experts that were there before this run. */
		private final long[] previous;

		private final int[] onChainCount;

		private final int[] conflictCount;

		private final int[] removedCount;

		private final int[] load;

		/** The movable (not pinned) works of each expert. */
		private final IntList[] movable;

		private final int[] expertRank;

		private final List<Dropped> dropped = new ArrayList<>();

		Solver(Request request) {
			this.request = request;
			this.k = request.expertsPerWork();
			this.works = request.works().stream().sorted(Comparator.comparingLong(Work::id)).toArray(Work[]::new);
			this.experts = request.experts()
				.stream()
				.sorted(Comparator.comparingLong(Expert::id))
				.toArray(Expert[]::new);
			this.workIndex = index(this.works.length, (i) -> this.works[i].id(), "work");
			this.expertIndex = index(this.experts.length, (i) -> this.experts[i].id(), "expert");
			int n = this.works.length;
			int m = this.experts.length;
			this.words = (m + 63) >>> 6;
			this.eligible = new long[n * this.words];
			this.assigned = new long[n * this.words];
			this.pinned = new long[n * this.words];
			this.previous = new long[n * this.words];
			this.onChainCount = new int[n];
			this.conflictCount = new int[n];
			this.removedCount = new int[n];
			this.load = new int[m];
			this.movable = new IntList[m];
			for (int e = 0; e < m; e++) {
				this.movable[e] = new IntList();
			}
			SplittableRandom random = new SplittableRandom(request.seed());
			this.expertRank = permutation(m, random);
		}

		Result solve() {
			computeEligibility();
			keepExisting();
			fillGreedily();
			repairBalance();
			return result();
		}

		private void computeEligibility() {
			OrganisationPaths paths = new OrganisationPaths(this.request.hostPath());
			int m = this.experts.length;
			// Experts grouped by unit, so that the chain test runs once per pair of
			// distinct paths.
			Map<Integer, long[]> expertsByPath = new LinkedHashMap<>();
			long[] unitless = new long[this.words];
			for (int e = 0; e < m; e++) {
				String path = this.experts[e].organisationPath();
				long[] bits = (path != null)
						? expertsByPath.computeIfAbsent(paths.intern(path), (p) -> new long[this.words]) : unitless;
				bits[e >>> 6] |= 1L << e;
			}
			Map<Integer, long[]> offChainByWorkPath = new HashMap<>();
			for (int w = 0; w < this.works.length; w++) {
				int workPath = paths.intern(this.works[w].organisationPath());
				long[] offChain = offChainByWorkPath.computeIfAbsent(workPath, (p) -> {
					long[] bits = unitless.clone();
					expertsByPath.forEach((expertPath, members) -> {
						if (!paths.onChain(expertPath, p)) {
							or(bits, 0, members);
						}
					});
					return bits;
				});
				System.arraycopy(offChain, 0, this.eligible, w * this.words, this.words);
				this.onChainCount[w] = m - popCount(offChain, 0, this.words);
			}
			for (Pair conflict : this.request.conflicts()) {
				clearIfEligible(conflict, this.conflictCount);
			}
			for (Pair removal : this.request.manuallyRemoved()) {
				clearIfEligible(removal, this.removedCount);
			}
		}

		private void clearIfEligible(Pair pair, int[] counter) {
			Integer w = this.workIndex.get(pair.workId());
			Integer e = this.expertIndex.get(pair.expertId());
			if (w != null && e != null && has(this.eligible, w, e)) {
				clear(this.eligible, w, e);
				counter[w]++;
			}
		}

		private void keepExisting() {
			List<Pair> pinnedPairs = sorted(this.request.pinned());
			for (Pair pair : pinnedPairs) {
				int[] at = allowedOrDrop(pair, true);
				if (at != null) {
					set(this.assigned, at[0], at[1]);
					set(this.pinned, at[0], at[1]);
					this.load[at[1]]++;
				}
			}
			List<Pair> previousPairs = sorted(this.request.previous());
			previousPairs.removeAll(this.request.pinned());
			for (Pair pair : previousPairs) {
				int[] at = allowedOrDrop(pair, false);
				// Beyond K (K lowered, or pins added since) the previous pairs of lowest
				// expert id stay.
				if (at != null && count(this.assigned, at[0]) < this.k) {
					assign(at[0], at[1]);
					set(this.previous, at[0], at[1]);
				}
			}
		}

		private int[] allowedOrDrop(Pair pair, boolean isPinned) {
			Integer w = this.workIndex.get(pair.workId());
			Integer e = this.expertIndex.get(pair.expertId());
			DropReason reason;
			if (w == null || e == null) {
				reason = DropReason.UNKNOWN;
			}
			else if (has(this.eligible, w, e)) {
				return new int[] { w, e };
			}
			else if (this.request.manuallyRemoved().contains(pair)) {
				reason = DropReason.REMOVED;
			}
			else if (this.request.conflicts().contains(pair)) {
				reason = DropReason.CONFLICT;
			}
			else {
				reason = DropReason.ON_CHAIN;
			}
			this.dropped.add(new Dropped(pair, isPinned, reason));
			return null;
		}

		private void fillGreedily() {
			int n = this.works.length;
			int[] workRank = permutation(n, new SplittableRandom(this.request.seed() ^ 0x5DEECE66DL));
			int[] eligibleCount = new int[n];
			Integer[] order = new Integer[n];
			for (int w = 0; w < n; w++) {
				eligibleCount[w] = popCount(this.eligible, w * this.words, this.words);
				order[w] = w;
			}
			Arrays.sort(order,
					Comparator.<Integer>comparingInt((w) -> eligibleCount[w]).thenComparingInt((w) -> workRank[w]));
			for (int w : order) {
				int base = w * this.words;
				for (int need = this.k - count(this.assigned, w); need > 0; need--) {
					int best = -1;
					for (int i = 0; i < this.words; i++) {
						long free = this.eligible[base + i] & ~this.assigned[base + i];
						while (free != 0) {
							int e = (i << 6) + Long.numberOfTrailingZeros(free);
							free &= free - 1;
							if (best < 0 || this.load[e] < this.load[best] || (this.load[e] == this.load[best]
									&& this.expertRank[e] < this.expertRank[best])) {
								best = e;
							}
						}
					}
					if (best < 0) {
						break;
					}
					assign(w, best);
				}
			}
		}

		/**
		 * Moves works along exchange paths (expert a gives work w to expert b, who is
		 * eligible for it and not yet on it, and so on) from an expert to one with at
		 * least two works fewer, until no such path is left. Sources are searched from
		 * the most loaded down, and a search stops at experts an earlier search reached:
		 * everything those reach has at least the earlier source's load minus one, which
		 * is no less than this source's.
		 */
		private void repairBalance() {
			int m = this.experts.length;
			long[] reachable = new long[this.words];
			for (int w = 0; w < this.works.length; w++) {
				or(reachable, 0, Arrays.copyOfRange(this.eligible, w * this.words, (w + 1) * this.words));
			}
			int[] parentExpert = new int[m];
			int[] parentWork = new int[m];
			int[] queue = new int[m];
			long[] visited = new long[this.words];
			Integer[] sources = new Integer[m];
			for (int e = 0; e < m; e++) {
				sources[e] = e;
			}
			while (spreadOver(reachable) > 1) {
				Arrays.sort(sources, Comparator.<Integer>comparingInt((e) -> -this.load[e])
					.thenComparingInt((e) -> this.expertRank[e]));
				Arrays.fill(visited, 0);
				boolean moved = false;
				for (int s : sources) {
					if ((visited[s >>> 6] & (1L << s)) != 0) {
						continue;
					}
					int target = search(s, visited, parentExpert, parentWork, queue);
					if (target >= 0) {
						for (int b = target; b != s; b = parentExpert[b]) {
							move(parentWork[b], parentExpert[b], b);
						}
						moved = true;
						break;
					}
				}
				if (!moved) {
					return;
				}
			}
		}

		/**
		 * Breadth-first from s; returns an expert with at least two works fewer, or -1.
		 */
		private int search(int s, long[] visited, int[] parentExpert, int[] parentWork, int[] queue) {
			visited[s >>> 6] |= 1L << s;
			int head = 0;
			int tail = 0;
			queue[tail++] = s;
			while (head < tail) {
				int a = queue[head++];
				IntList works = this.movable[a];
				// Works that are new in this run are moved before previous ones, to
				// change fewer pairs.
				for (int pass = 0; pass < 2; pass++) {
					for (int j = 0; j < works.size(); j++) {
						int w = works.get(j);
						if (has(this.previous, w, a) != (pass == 1)) {
							continue;
						}
						int base = w * this.words;
						for (int i = 0; i < this.words; i++) {
							long candidates = this.eligible[base + i] & ~this.assigned[base + i] & ~visited[i];
							while (candidates != 0) {
								int b = (i << 6) + Long.numberOfTrailingZeros(candidates);
								candidates &= candidates - 1;
								visited[i] |= 1L << b;
								parentExpert[b] = a;
								parentWork[b] = w;
								if (this.load[b] <= this.load[s] - 2) {
									return b;
								}
								queue[tail++] = b;
							}
						}
					}
				}
			}
			return -1;
		}

		private int spreadOver(long[] experts) {
			int max = Integer.MIN_VALUE;
			int min = Integer.MAX_VALUE;
			for (int i = 0; i < this.words; i++) {
				long bits = experts[i];
				while (bits != 0) {
					int e = (i << 6) + Long.numberOfTrailingZeros(bits);
					bits &= bits - 1;
					max = Math.max(max, this.load[e]);
					min = Math.min(min, this.load[e]);
				}
			}
			return (max < min) ? 0 : max - min;
		}

		private void assign(int w, int e) {
			set(this.assigned, w, e);
			this.load[e]++;
			this.movable[e].add(w);
		}

		private void move(int w, int from, int to) {
			clear(this.assigned, w, from);
			clear(this.previous, w, from);
			this.load[from]--;
			this.movable[from].remove(w);
			assign(w, to);
		}

		private Result result() {
			Map<Long, List<Long>> expertsByWork = new LinkedHashMap<>();
			List<Shortfall> shortfalls = new ArrayList<>();
			Set<Pair> existing = new HashSet<>(this.request.pinned());
			existing.addAll(this.request.previous());
			Set<Pair> finalPairs = new HashSet<>();
			List<Pair> added = new ArrayList<>();
			for (int w = 0; w < this.works.length; w++) {
				List<Long> ids = new ArrayList<>();
				int base = w * this.words;
				for (int i = 0; i < this.words; i++) {
					long bits = this.assigned[base + i];
					while (bits != 0) {
						int e = (i << 6) + Long.numberOfTrailingZeros(bits);
						bits &= bits - 1;
						ids.add(this.experts[e].id());
						Pair pair = new Pair(this.works[w].id(), this.experts[e].id());
						finalPairs.add(pair);
						if (!existing.contains(pair)) {
							added.add(pair);
						}
					}
				}
				expertsByWork.put(this.works[w].id(), Collections.unmodifiableList(ids));
				if (ids.size() < this.k) {
					shortfalls.add(new Shortfall(this.works[w].id(), this.k, ids.size(),
							popCount(this.eligible, base, this.words), this.onChainCount[w], this.conflictCount[w],
							this.removedCount[w]));
				}
			}
			Map<Long, Integer> loads = new LinkedHashMap<>();
			Set<Long> idle = new LinkedHashSet<>();
			long[] reachable = new long[this.words];
			for (int w = 0; w < this.works.length; w++) {
				or(reachable, 0, Arrays.copyOfRange(this.eligible, w * this.words, (w + 1) * this.words));
			}
			for (int e = 0; e < this.experts.length; e++) {
				loads.put(this.experts[e].id(), this.load[e]);
				if ((reachable[e >>> 6] & (1L << e)) == 0) {
					idle.add(this.experts[e].id());
				}
			}
			List<Pair> unassigned = sorted(existing);
			unassigned.removeIf(finalPairs::contains);
			added.sort(PAIR_ORDER);
			return new Result(Collections.unmodifiableMap(expertsByWork), Collections.unmodifiableMap(loads),
					Collections.unmodifiableSet(idle), List.copyOf(shortfalls), List.copyOf(this.dropped),
					Collections.unmodifiableSet(new LinkedHashSet<>(added)),
					Collections.unmodifiableSet(new LinkedHashSet<>(unassigned)));
		}

		private int count(long[] bits, int w) {
			return popCount(bits, w * this.words, this.words);
		}

		private boolean has(long[] bits, int w, int e) {
			return (bits[w * this.words + (e >>> 6)] & (1L << e)) != 0;
		}

		private void set(long[] bits, int w, int e) {
			bits[w * this.words + (e >>> 6)] |= 1L << e;
		}

		private void clear(long[] bits, int w, int e) {
			bits[w * this.words + (e >>> 6)] &= ~(1L << e);
		}

		private static void or(long[] target, int offset, long[] source) {
			for (int i = 0; i < source.length; i++) {
				target[offset + i] |= source[i];
			}
		}

		private static int popCount(long[] bits, int offset, int length) {
			int count = 0;
			for (int i = 0; i < length; i++) {
				count += Long.bitCount(bits[offset + i]);
			}
			return count;
		}

		private static List<Pair> sorted(Collection<Pair> pairs) {
			List<Pair> list = new ArrayList<>(pairs);
			list.sort(PAIR_ORDER);
			return list;
		}

		private static int[] permutation(int size, SplittableRandom random) {
			int[] rank = new int[size];
			for (int i = 0; i < size; i++) {
				rank[i] = i;
			}
			for (int i = size - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int swap = rank[i];
				rank[i] = rank[j];
				rank[j] = swap;
			}
			return rank;
		}

		private static Map<Long, Integer> index(int size, java.util.function.IntToLongFunction id, String what) {
			Map<Long, Integer> index = new HashMap<>(size * 2);
			for (int i = 0; i < size; i++) {
				if (index.put(id.applyAsLong(i), i) != null) {
					throw new IllegalArgumentException("duplicate " + what + " id " + id.applyAsLong(i));
				}
			}
			return index;
		}

	}

	/** A growable list of ints; the movable works of one expert. */
	private static final class IntList {

		private int[] values = new int[8];

		private int size;

		int size() {
			return this.size;
		}

		int get(int i) {
			return this.values[i];
		}

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		void remove(int value) {
			for (int i = 0; i < this.size; i++) {
				if (this.values[i] == value) {
					System.arraycopy(this.values, i + 1, this.values, i, this.size - i - 1);
					this.size--;
					return;
				}
			}
		}

	}

}
