package cn.zhengji.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhengji.review.ExpertAssignment.Pair;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every statement on the review tables of V126 that the experts' sheets use:
 * review_sheet, review_score, review_expert_submission and (read only) review_round_lock.
 */
@Component
class ScoreRecords {

	/**
	 * First half of the advisory lock of one expert's sheets in a round ("scor"), so that
	 * a save and the 交卷 of the same expert never interleave.
	 */
	private static final long EXPERT_LOCK_NAMESPACE = 0x73636f72L;

	/** Must match {@link AssignmentRecords}'s namespace: saves share the round's lock. */
	private static final int ROUND_LOCK_NAMESPACE = 0x72657677;

	private final JdbcClient jdbc;

	ScoreRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The round's lock in shared mode: many saves run at once, but none while an admin
	 * (re)assigns the round or an expert declares a conflict, which hold it exclusively.
	 */
	void shareRoundLock(long roundId) {
		jdbc.sql("select pg_advisory_xact_lock_shared(?, ?)")
			.params(ROUND_LOCK_NAMESPACE, (int) roundId)
			.query((rs, n) -> 1)
			.list();
	}

	/** Serialises the saves and the submission of one expert in one round. */
	void lockExpert(long roundId, long expertId) {
		long key = (EXPERT_LOCK_NAMESPACE << 32) ^ (roundId * 1_000_003L + expertId);
		jdbc.sql("select pg_advisory_xact_lock(?)").param(key).query((rs, n) -> 1).list();
	}

	boolean assigned(long roundId, long entryId, long expertId) {
		return jdbc.sql(
				"select exists (select 1 from review_assignment where round_id = ? and entry_id = ? and expert_id = ?)")
			.params(roundId, entryId, expertId)
			.query(Boolean.class)
			.single();
	}

	List<Long> worksOf(long roundId, long expertId) {
		return jdbc.sql("select entry_id from review_assignment where round_id = ? and expert_id = ? order by entry_id")
			.params(roundId, expertId)
			.query(Long.class)
			.list();
	}

	/** The rounds in which the expert has works, oldest round first. */
	List<Long> roundsOf(long expertId) {
		return jdbc.sql("select distinct round_id from review_assignment where expert_id = ? order by round_id")
			.param(expertId)
			.query(Long.class)
			.list();
	}

	boolean locked(long roundId) {
		return jdbc.sql("select exists (select 1 from review_round_lock where round_id = ?)")
			.param(roundId)
			.query(Boolean.class)
			.single();
	}

	Optional<Instant> submittedAt(long roundId, long expertId) {
		return jdbc.sql("select submitted_at from review_expert_submission where round_id = ? and expert_id = ?")
			.params(roundId, expertId)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional();
	}

	void insertSubmission(long roundId, long expertId, Instant at) {
		jdbc.sql("insert into review_expert_submission (round_id, expert_id, submitted_at) values (?, ?, ?)")
			.params(roundId, expertId, utc(at))
			.update();
	}

	record SheetRow(long id, String comment, int version, Instant updatedAt) {
	}

	Optional<SheetRow> sheet(long roundId, long entryId, long expertId) {
		return jdbc.sql("""
				select id, comment, version, updated_at from review_sheet
				where round_id = ? and entry_id = ? and expert_id = ?
				""")
			.params(roundId, entryId, expertId)
			.query((rs, n) -> new SheetRow(rs.getLong("id"), rs.getString("comment"), rs.getInt("version"),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * The sheet's row, created empty (version 1) when there is none, locked for update.
	 */
	SheetRow lockedSheet(long roundId, long entryId, long expertId, Instant at) {
		jdbc.sql("""
				insert into review_sheet (round_id, entry_id, expert_id, updated_at) values (?, ?, ?, ?)
				on conflict on constraint review_sheet_uq do nothing
				""").params(roundId, entryId, expertId, utc(at)).update();
		return jdbc.sql("""
				select id, comment, version, updated_at from review_sheet
				where round_id = ? and entry_id = ? and expert_id = ? for update
				""")
			.params(roundId, entryId, expertId)
			.query((rs, n) -> new SheetRow(rs.getLong("id"), rs.getString("comment"), rs.getInt("version"),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.single();
	}

	/** Points by criterion id. */
	Map<Long, BigDecimal> points(long sheetId) {
		Map<Long, BigDecimal> points = new HashMap<>();
		jdbc.sql("select criterion_id, points from review_score where sheet_id = ?")
			.param(sheetId)
			.query((rs, n) -> points.put(rs.getLong("criterion_id"), rs.getBigDecimal("points")))
			.list();
		return points;
	}

	/** Points by criterion id, by entry id, of one expert's sheets in a round. */
	Map<Long, Map<Long, BigDecimal>> pointsOfExpert(long roundId, long expertId) {
		Map<Long, Map<Long, BigDecimal>> byEntry = new HashMap<>();
		jdbc.sql("""
				select s.entry_id, c.criterion_id, c.points from review_sheet s
				join review_score c on c.sheet_id = s.id
				where s.round_id = ? and s.expert_id = ?
				""")
			.params(roundId, expertId)
			.query((rs, n) -> byEntry.computeIfAbsent(rs.getLong("entry_id"), (id) -> new HashMap<>())
				.put(rs.getLong("criterion_id"), rs.getBigDecimal("points")))
			.list();
		return byEntry;
	}

	void setPoints(long sheetId, long criterionId, BigDecimal points) {
		if (points == null) {
			jdbc.sql("delete from review_score where sheet_id = ? and criterion_id = ?")
				.params(sheetId, criterionId)
				.update();
			return;
		}
		jdbc.sql("""
				insert into review_score (sheet_id, criterion_id, points) values (?, ?, ?)
				on conflict on constraint review_score_pk do update set points = excluded.points
				""").params(sheetId, criterionId, points).update();
	}

	void setComment(long sheetId, String comment) {
		jdbc.sql("update review_sheet set comment = ? where id = ?").params(comment, sheetId).update();
	}

	/** One more version of the sheet: what the other open tabs compare against. */
	int touch(long sheetId, Instant at) {
		return jdbc.sql("update review_sheet set version = version + 1, updated_at = ? where id = ? returning version")
			.params(utc(at), sheetId)
			.query(Integer.class)
			.single();
	}

	int deleteSheet(long roundId, long entryId, long expertId) {
		return jdbc.sql("delete from review_sheet where round_id = ? and entry_id = ? and expert_id = ?")
			.params(roundId, entryId, expertId)
			.update();
	}

	/** The pairs of the round whose sheet has at least one criterion scored. */
	Set<Pair> scoredPairs(long roundId) {
		Set<Pair> pairs = new HashSet<>();
		jdbc.sql("""
				select s.entry_id, s.expert_id from review_sheet s
				where s.round_id = ? and exists (select 1 from review_score c where c.sheet_id = s.id)
				""")
			.param(roundId)
			.query((rs, n) -> pairs.add(new Pair(rs.getLong("entry_id"), rs.getLong("expert_id"))))
			.list();
		return pairs;
	}

	/**
	 * Every score of the round's sheets whose pair is still assigned: points by criterion
	 * id, by pair.
	 */
	Map<Pair, Map<Long, BigDecimal>> assignedPoints(long roundId) {
		Map<Pair, Map<Long, BigDecimal>> byPair = new HashMap<>();
		jdbc.sql("""
				select s.entry_id, s.expert_id, c.criterion_id, c.points
				from review_sheet s
				join review_assignment a on a.round_id = s.round_id and a.entry_id = s.entry_id
				    and a.expert_id = s.expert_id
				join review_score c on c.sheet_id = s.id
				where s.round_id = ?
				""")
			.param(roundId)
			.query((rs, n) -> byPair
				.computeIfAbsent(new Pair(rs.getLong("entry_id"), rs.getLong("expert_id")), (pair) -> new HashMap<>())
				.put(rs.getLong("criterion_id"), rs.getBigDecimal("points")))
			.list();
		return byPair;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
