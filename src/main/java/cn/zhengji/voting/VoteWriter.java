package cn.zhengji.voting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of votes (issue 13 item 5 c). Request threads put their vote into a
 * bounded queue and wait; one writer thread per node takes whatever has gathered (up to
 * {@value #BATCH} votes) and writes it in one transaction with synchronous commit: the
 * rate counters of the batch's addresses and devices upserted aggregated, then the votes
 * by {@code INSERT … SELECT FROM unnest(…) ON CONFLICT ON CONSTRAINT vote_once_uq DO
 * NOTHING RETURNING …}, slot by slot. A batch that fails is written again vote by vote,
 * so that only the failing vote is refused (503). The unique constraint still decides
 * (across nodes too: nothing here must agree between JVMs); each request gets its own
 * outcome once the batch is committed; a vote that cannot be committed fails its request,
 * never acknowledged. N votes cost one fsync instead of N.
 */
@Component
class VoteWriter implements SmartLifecycle {

	static final int BATCH = 256;

	static final int QUEUE = 8192;

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(VoteWriter.class);

	/** A vote waiting for its batch: what to write and the limits to check. */
	record Pending(VoteSetting setting, long entryId, long voterId, LocalDate day, Instant now, Ballots.Origin origin,
			boolean answered, VotingLimits limits, CompletableFuture<Ballots.Outcome> outcome) {

		String addressKey() {
			return "a:" + origin.address();
		}

		String deviceKey() {
			return origin.device() == null ? null : "d:" + origin.device();
		}

	}

	private record Key(long entryId, long voterId, LocalDate day) {
	}

	private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private volatile Thread thread;

	private volatile boolean running;

	VoteWriter(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Writes the vote with the next batch and answers its outcome (COUNTED, DAILY_LIMIT,
	 * CHALLENGE or TOO_MANY) once that batch is committed.
	 * @throws VotingUnavailable when the queue is full or the batch failed
	 */
	Ballots.Outcome write(VoteSetting setting, long entryId, long voterId, LocalDate day, Instant now,
			Ballots.Origin origin, boolean answered, VotingLimits limits) {
		Pending pending = new Pending(setting, entryId, voterId, day, now, origin, answered, limits,
				new CompletableFuture<>());
		if (!running || !queue.offer(pending)) {
			throw new VotingUnavailable(VotingUnavailable.Reason.BUSY, null);
		}
		try {
			return pending.outcome().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new VotingUnavailable(VotingUnavailable.Reason.FAILED, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new VotingUnavailable(VotingUnavailable.Reason.FAILED, ex.getCause() == null ? ex : ex.getCause());
		}
	}

	private void run() {
		try {
			drain();
		}
		finally {
			// whatever ended the loop: no vote waits for a writer that is gone
			running = false;
			List<Pending> left = new ArrayList<>();
			queue.drainTo(left);
			fail(left, new IllegalStateException("The vote writer has stopped"));
		}
	}

	private void drain() {
		List<Pending> batch = new ArrayList<>(BATCH);
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, BATCH - 1);
				Map<Pending, Ballots.Outcome> outcomes = transactions.execute((status) -> writeBatch(batch));
				for (Pending pending : batch) {
					pending.outcome().complete(outcomes.get(pending));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail(batch, ex);
				return;
			}
			catch (RuntimeException ex) {
				// nothing of the batch is committed: each vote again on its own, so that
				// one
				// bad vote (a voter removed since its cookie was signed) fails only
				// itself
				log.warn("A batch of {} votes failed; writing them one by one", batch.size(), ex);
				for (Pending pending : batch) {
					writeAlone(pending);
				}
			}
			catch (Error ex) {
				fail(batch, ex);
				throw ex;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void writeAlone(Pending pending) {
		if (pending.outcome().isDone()) {
			return;
		}
		try {
			Map<Pending, Ballots.Outcome> outcome = transactions.execute((status) -> writeBatch(List.of(pending)));
			pending.outcome().complete(outcome.get(pending));
		}
		catch (RuntimeException ex) {
			log.warn("A vote failed; it was not acknowledged", ex);
			pending.outcome().completeExceptionally(ex);
		}
	}

	private static void fail(List<Pending> batch, Throwable cause) {
		for (Pending pending : batch) {
			pending.outcome().completeExceptionally(cause);
		}
	}

	/** One transaction: counters, then the votes slot by slot. */
	private Map<Pending, Ballots.Outcome> writeBatch(List<Pending> batch) {
		// Acknowledged means on disk, whatever the server's default.
		jdbc.sql("set local synchronous_commit = on").update();
		Map<Pending, Ballots.Outcome> outcomes = new HashMap<>();
		List<Pending> voting = new ArrayList<>();
		Map<String, Integer> before = counters(batch);
		Map<String, Integer> seen = new HashMap<>();
		for (Pending pending : batch) {
			int byAddress = before.get(pending.addressKey()) + seen.merge(pending.addressKey(), 1, Integer::sum);
			int byDevice = pending.deviceKey() == null ? 0
					: before.get(pending.deviceKey()) + seen.merge(pending.deviceKey(), 1, Integer::sum);
			VotingLimits limits = pending.limits();
			if (byAddress > limits.addressLimitPerMinute() || byDevice > limits.deviceLimitPerMinute()) {
				outcomes.put(pending, Ballots.Outcome.TOO_MANY);
			}
			else if (!pending.answered() && (byAddress > limits.addressChallengePerMinute()
					|| byDevice > limits.deviceChallengePerMinute())) {
				outcomes.put(pending, Ballots.Outcome.CHALLENGE);
			}
			else {
				voting.add(pending);
			}
		}
		for (int slot = 1; !voting.isEmpty(); slot++) {
			int current = slot;
			List<Pending> tried = voting.stream()
				.filter((pending) -> pending.setting().votesPerDay() >= current)
				.toList();
			for (Pending pending : voting) {
				if (pending.setting().votesPerDay() < current) {
					outcomes.put(pending, Ballots.Outcome.DAILY_LIMIT);
				}
			}
			Set<Key> inserted = insert(tried, slot);
			List<Pending> next = new ArrayList<>();
			for (Pending pending : tried) {
				// the first of a batch's votes with the same key takes the slot
				if (inserted.remove(new Key(pending.entryId(), pending.voterId(), pending.day()))) {
					outcomes.put(pending, Ballots.Outcome.COUNTED);
				}
				else {
					next.add(pending);
				}
			}
			voting = next;
		}
		return outcomes;
	}

	/**
	 * Adds the batch to its addresses' and devices' counters of the minute and answers
	 * each key's count before the batch.
	 */
	private Map<String, Integer> counters(List<Pending> batch) {
		Map<String, Map<String, Integer>> byMinute = new LinkedHashMap<>();
		for (Pending pending : batch) {
			String minute = pending.now().truncatedTo(ChronoUnit.MINUTES).toString();
			Map<String, Integer> keys = byMinute.computeIfAbsent(minute, (m) -> new LinkedHashMap<>());
			keys.merge(pending.addressKey(), 1, Integer::sum);
			if (pending.deviceKey() != null) {
				keys.merge(pending.deviceKey(), 1, Integer::sum);
			}
		}
		// A batch rarely spans two minutes; the counts of the later minute are the ones
		// that matter then.
		Map<String, Integer> before = new HashMap<>();
		for (Map.Entry<String, Map<String, Integer>> minute : byMinute.entrySet()) {
			Map<String, Integer> added = minute.getValue();
			jdbc.sql("""
					insert into vote_rate (key, window_start, hits)
					select key, cast(:minute as timestamptz), hits
					from unnest(cast(:keys as text[]), cast(:hits as integer[])) as k(key, hits)
					order by key
					on conflict on constraint vote_rate_pk do update set hits = vote_rate.hits + excluded.hits
					returning key, hits
					""")
				.param("minute", minute.getKey())
				.param("keys", added.keySet().toArray(String[]::new))
				.param("hits", added.values().toArray(Integer[]::new))
				.query((rs, n) -> before.put(rs.getString("key"), rs.getInt("hits") - added.get(rs.getString("key"))))
				.list();
		}
		return before;
	}

	/** Tries the votes in the slot; answers the keys that were inserted. */
	private Set<Key> insert(List<Pending> votes, int slot) {
		Set<Key> inserted = new HashSet<>();
		if (votes.isEmpty()) {
			return inserted;
		}
		int n = votes.size();
		Long[] settings = new Long[n];
		Long[] entries = new Long[n];
		Long[] voters = new Long[n];
		String[] days = new String[n];
		Integer[] weights = new Integer[n];
		String[] casts = new String[n];
		String[] addresses = new String[n];
		String[] devices = new String[n];
		for (int i = 0; i < n; i++) {
			Pending vote = votes.get(i);
			settings[i] = vote.setting().id();
			entries[i] = vote.entryId();
			voters[i] = vote.voterId();
			days[i] = vote.day().toString();
			weights[i] = vote.setting().weight();
			casts[i] = vote.now().toString();
			addresses[i] = vote.origin().address();
			devices[i] = vote.origin().device();
		}
		jdbc.sql("""
				insert into vote (setting_id, entry_id, voter_id, vote_day, slot, weight, cast_at, address, device)
				select s, e, v, d, :slot, w, c, a, dv
				from unnest(cast(:settings as bigint[]), cast(:entries as bigint[]), cast(:voters as bigint[]),
				            cast(:days as date[]), cast(:weights as integer[]), cast(:casts as timestamptz[]),
				            cast(:addresses as text[]), cast(:devices as text[])) as t(s, e, v, d, w, c, a, dv)
				on conflict on constraint vote_once_uq do nothing
				returning entry_id, voter_id, vote_day
				""")
			.param("slot", slot)
			.param("settings", settings)
			.param("entries", entries)
			.param("voters", voters)
			.param("days", days)
			.param("weights", weights)
			.param("casts", casts)
			.param("addresses", addresses)
			.param("devices", devices)
			.query((rs, i) -> inserted.add(
					new Key(rs.getLong("entry_id"), rs.getLong("voter_id"), rs.getObject("vote_day", LocalDate.class))))
			.list();
		return inserted;
	}

	@Override
	public void start() {
		running = true;
		Thread writer = new Thread(this::run, "vote-writer");
		writer.setDaemon(true);
		writer.start();
		thread = writer;
	}

	@Override
	public void stop() {
		running = false;
		Thread writer = thread;
		if (writer != null) {
			try {
				writer.join(WAIT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		thread = null;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// starts before the web server and stops after it (and its graceful shutdown),
		// so that the requests still waiting get their outcome
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
