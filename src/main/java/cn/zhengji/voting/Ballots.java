package cn.zhengji.voting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13 item 4: casting a vote. A vote counts when the work is in an open vote (the
 * injected clock decides), the address and device are within their limits (answering a
 * proof of work when they look suspicious), and the voter has votes left for the work
 * today (the campaign's day): slot 1..votesPerDay of {@code vote_once_uq}, each tried
 * with {@code INSERT … ON CONFLICT DO NOTHING} — two parallel votes can never both take a
 * slot. The vote is committed (synchronous commit) before {@link #cast} returns.
 */
@Service
public class Ballots {

	/** What became of a vote. */
	public enum Outcome {

		/** Counted (committed). */
		COUNTED,
		/** The voter has no votes left for this work today. */
		DAILY_LIMIT,
		/** The work is in a vote, but not now (before or after its window). */
		CLOSED,
		/** The work is in no vote. */
		NOT_IN_VOTING,
		/** Traffic looks suspicious: answer the challenge and vote again. */
		CHALLENGE,
		/** Too many votes from the address or device this minute. */
		TOO_MANY

	}

	/**
	 * @param challenge the challenge to solve for {@link Outcome#CHALLENGE}, else null
	 */
	public record Result(Outcome outcome, Challenges.Challenge challenge) {
	}

	/** Where a vote comes from: the client address and the device cookie (or null). */
	public record Origin(String address, String device) {
	}

	/** An answered challenge sent with a vote, or none. */
	public record Answer(String challengeId, String nonce) {

		static final Answer NONE = new Answer(null, null);

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final OpenWorks openWorks;

	private final Campaigns campaigns;

	private final Challenges challenges;

	private final VotingLimits limits;

	private final Clock clock;

	Ballots(JdbcClient jdbc, TransactionTemplate transactions, OpenWorks openWorks, Campaigns campaigns,
			Challenges challenges, VotingLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.openWorks = openWorks;
		this.campaigns = campaigns;
		this.challenges = challenges;
		this.limits = limits;
		this.clock = clock;
	}

	/** Casts a vote of the voter for the work. */
	public Result cast(long voterId, long entryId, Origin origin, Answer answer) {
		Optional<VoteSetting> found = openWorks.voteOf(entryId);
		if (found.isEmpty()) {
			return new Result(Outcome.NOT_IN_VOTING, null);
		}
		VoteSetting setting = found.get();
		Instant now = clock.instant();
		if (!setting.isOpenAt(now)) {
			return new Result(Outcome.CLOSED, null);
		}
		Map<String, Integer> hits = hit(origin, now);
		int byAddress = hits.getOrDefault(addressKey(origin), 0);
		int byDevice = hits.getOrDefault(deviceKey(origin), 0);
		if (byAddress > limits.addressLimitPerMinute() || byDevice > limits.deviceLimitPerMinute()) {
			return new Result(Outcome.TOO_MANY, null);
		}
		boolean suspicious = byAddress > limits.addressChallengePerMinute()
				|| byDevice > limits.deviceChallengePerMinute();
		Answer given = answer == null ? Answer.NONE : answer;
		if (suspicious && !challenges.redeem(given.challengeId(), given.nonce(), limits.challengeBits())) {
			return new Result(Outcome.CHALLENGE, challenges.issue(limits.challengeBits()));
		}
		Campaign campaign = campaigns.findById(setting.campaignId()).orElseThrow();
		LocalDate day = LocalDate.ofInstant(now, campaign.timeZone());
		Boolean counted = transactions.execute((status) -> {
			// Acknowledged means on disk, whatever the server's default.
			jdbc.sql("set local synchronous_commit = on").update();
			for (int slot = 1; slot <= setting.votesPerDay(); slot++) {
				int inserted = jdbc
					.sql("""
							insert into vote (setting_id, entry_id, voter_id, vote_day, slot, weight, cast_at, address, device)
							values (:setting, :entry, :voter, :day, :slot, :weight, :now, :address, :device)
							on conflict on constraint vote_once_uq do nothing
							""")
					.param("setting", setting.id())
					.param("entry", entryId)
					.param("voter", voterId)
					.param("day", day)
					.param("slot", slot)
					.param("weight", setting.weight())
					.param("now", java.sql.Timestamp.from(now))
					.param("address", origin.address())
					.param("device", origin.device())
					.update();
				if (inserted == 1) {
					return true;
				}
			}
			return false;
		});
		return new Result(Boolean.TRUE.equals(counted) ? Outcome.COUNTED : Outcome.DAILY_LIMIT, null);
	}

	/** Counts this vote against its address and device in the current minute. */
	private Map<String, Integer> hit(Origin origin, Instant now) {
		Map<String, Integer> hits = new HashMap<>();
		java.sql.Timestamp minute = java.sql.Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES));
		String device = deviceKey(origin);
		jdbc.sql("""
				insert into vote_rate (key, window_start, hits)
				select key, :minute, 1 from unnest(cast(:keys as text[])) as k(key)
				on conflict on constraint vote_rate_pk do update set hits = vote_rate.hits + 1
				returning key, hits
				""")
			.param("minute", minute)
			.param("keys",
					device == null ? new String[] { addressKey(origin) } : new String[] { addressKey(origin), device })
			.query((rs, n) -> hits.put(rs.getString("key"), rs.getInt("hits")))
			.list();
		return hits;
	}

	private static String addressKey(Origin origin) {
		return "a:" + origin.address();
	}

	private static String deviceKey(Origin origin) {
		return origin.device() == null ? null : "d:" + origin.device();
	}

	/** Removes the counters of minutes long past. */
	int purgeCounters() {
		return jdbc.sql("delete from vote_rate where window_start < ?")
			.param(java.sql.Timestamp.from(clock.instant().minus(10, ChronoUnit.MINUTES)))
			.update();
	}

	/** The counted votes of a work (voided ones not), weighted. */
	public long count(long entryId) {
		return jdbc.sql("select coalesce(sum(weight), 0) from vote where entry_id = ? and voided_at is null")
			.param(entryId)
			.query(Long.class)
			.single();
	}

	/** The vote a work takes part in, open or not, if any. */
	public Optional<VoteSetting> voteOf(long entryId) {
		return openWorks.voteOf(entryId);
	}

}
