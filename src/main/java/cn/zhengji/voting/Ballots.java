package cn.zhengji.voting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issue 13 item 4: casting a vote. A vote counts when the work is in an open vote (the
 * injected clock decides), the address and device are within their limits (answering a
 * proof of work when they look suspicious), and the voter has votes left for the work
 * today (the campaign's day): slot 1..votesPerDay of {@code vote_once_uq}, each tried
 * with {@code INSERT … ON CONFLICT DO NOTHING} — two parallel votes can never both take a
 * slot. The limits and the insert are done by {@link VoteWriter} together with the votes
 * of other requests (group commit); the vote is committed (synchronous commit) before
 * {@link #cast} returns.
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

	private final OpenWorks openWorks;

	private final Challenges challenges;

	private final VotingLimits limits;

	private final Clock clock;

	private final VoteWriter writer;

	Ballots(JdbcClient jdbc, VoteWriter writer, OpenWorks openWorks, Challenges challenges, VotingLimits limits,
			Clock clock) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.openWorks = openWorks;
		this.challenges = challenges;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Casts a vote of the voter for the work; returns once it is committed (written with
	 * the votes of other requests by {@link VoteWriter}).
	 * @throws VotingUnavailable when this node cannot take the vote now (answer 503)
	 */
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
		Answer given = answer == null ? Answer.NONE : answer;
		// The client only sends an answer when it was asked for one; checked here,
		// outside
		// the batch, so that the writer's transaction holds no extra statement.
		boolean answered = given.challengeId() != null
				&& challenges.redeem(given.challengeId(), given.nonce(), limits.challengeBits());
		LocalDate day = LocalDate.ofInstant(now, openWorks.zoneOf(setting));
		Outcome outcome = writer.write(setting, entryId, voterId, day, now, origin, answered, limits);
		return new Result(outcome, outcome == Outcome.CHALLENGE ? challenges.issue(limits.challengeBits()) : null);
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
