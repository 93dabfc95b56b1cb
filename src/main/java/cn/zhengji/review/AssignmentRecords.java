package cn.zhengji.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhengji.review.ExpertAssignment.Pair;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every statement on the review tables of V125: pools, conflicts, assignments and
 * removals of a round. Callers hold the round's lock ({@link #lockRound}) before they
 * read what they are about to change.
 */
@Component
class AssignmentRecords {

	/** First key of the advisory lock: the namespace of a round's assignment ("revw"). */
	private static final int LOCK_NAMESPACE = 0x72657677;

	private final JdbcClient jdbc;

	AssignmentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises every change of one round's pool and assignment until the transaction
	 * ends. An advisory lock rather than a row lock: it blocks nothing but other changes
	 * of this round (no reader of review_round, no definition loader), and it can be held
	 * while the algorithm runs without holding any row.
	 */
	void lockRound(long roundId) {
		jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_NAMESPACE, (int) roundId).query((rs, n) -> 1).list();
	}

	boolean addPoolMember(long roundId, long expertId, long addedBy, Instant at) {
		return jdbc.sql("""
				insert into review_pool_member (round_id, expert_id, added_by, added_at) values (?, ?, ?, ?)
				on conflict on constraint review_pool_member_uq do nothing
				""").params(roundId, expertId, addedBy, utc(at)).update() == 1;
	}

	boolean removePoolMember(long roundId, long expertId) {
		return jdbc.sql("delete from review_pool_member where round_id = ? and expert_id = ?")
			.params(roundId, expertId)
			.update() == 1;
	}

	List<Long> poolMembers(long roundId) {
		return jdbc.sql("select expert_id from review_pool_member where round_id = ? order by expert_id")
			.param(roundId)
			.query(Long.class)
			.list();
	}

	boolean inPool(long roundId, long expertId) {
		return jdbc.sql("select exists (select 1 from review_pool_member where round_id = ? and expert_id = ?)")
			.params(roundId, expertId)
			.query(Boolean.class)
			.single();
	}

	boolean insertConflict(long roundId, long entryId, long expertId, String reason, Instant at) {
		return jdbc.sql("""
				insert into review_conflict (round_id, entry_id, expert_id, declared_at, reason) values (?, ?, ?, ?, ?)
				on conflict on constraint review_conflict_uq do nothing
				""").params(roundId, entryId, expertId, utc(at), reason).update() == 1;
	}

	Set<Pair> conflicts(long roundId) {
		return pairs("select entry_id, expert_id from review_conflict where round_id = ?", roundId);
	}

	boolean insertRemoval(long roundId, long entryId, long expertId, long removedBy, Instant at) {
		return jdbc
			.sql("""
					insert into review_removal (round_id, entry_id, expert_id, removed_by, removed_at) values (?, ?, ?, ?, ?)
					on conflict on constraint review_removal_uq do nothing
					""")
			.params(roundId, entryId, expertId, removedBy, utc(at))
			.update() == 1;
	}

	boolean deleteRemoval(long roundId, long entryId, long expertId) {
		return jdbc.sql("delete from review_removal where round_id = ? and entry_id = ? and expert_id = ?")
			.params(roundId, entryId, expertId)
			.update() == 1;
	}

	Set<Pair> removals(long roundId) {
		return pairs("select entry_id, expert_id from review_removal where round_id = ?", roundId);
	}

	/** The round's pairs with their origin. */
	Map<Pair, AssignmentOrigin> assignment(long roundId) {
		Map<Pair, AssignmentOrigin> pairs = new HashMap<>();
		jdbc.sql("select entry_id, expert_id, origin from review_assignment where round_id = ?")
			.param(roundId)
			.query((rs, n) -> pairs.put(new Pair(rs.getLong("entry_id"), rs.getLong("expert_id")),
					AssignmentOrigin.valueOf(rs.getString("origin"))))
			.list();
		return pairs;
	}

	/**
	 * Adds the pairs, or makes an existing pair MANUAL when asked (an admin's hand pins
	 * it); an AUTOMATIC insert never demotes a MANUAL pair.
	 */
	void insertPairs(long roundId, Collection<Pair> pairs, AssignmentOrigin origin, Instant at) {
		if (pairs.isEmpty()) {
			return;
		}
		String onConflict = (origin == AssignmentOrigin.MANUAL) ? "do update set origin = 'MANUAL'" : "do nothing";
		jdbc.sql("""
				insert into review_assignment (round_id, entry_id, expert_id, origin, created_at)
				select :round, p.entry_id, p.expert_id, :origin, :at
				from unnest(cast(:entries as bigint[]), cast(:experts as bigint[])) as p (entry_id, expert_id)
				on conflict on constraint review_assignment_uq
				""" + onConflict)
			.param("round", roundId)
			.param("origin", origin.name())
			.param("at", utc(at))
			.param("entries", array(pairs, Pair::workId))
			.param("experts", array(pairs, Pair::expertId))
			.update();
	}

	int deletePairs(long roundId, Collection<Pair> pairs) {
		if (pairs.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				delete from review_assignment a
				using unnest(cast(:entries as bigint[]), cast(:experts as bigint[])) as p (entry_id, expert_id)
				where a.round_id = :round and a.entry_id = p.entry_id and a.expert_id = p.expert_id
				""")
			.param("round", roundId)
			.param("entries", array(pairs, Pair::workId))
			.param("experts", array(pairs, Pair::expertId))
			.update();
	}

	List<Long> worksOf(long roundId, long expertId) {
		return jdbc.sql("select entry_id from review_assignment where round_id = ? and expert_id = ? order by entry_id")
			.params(roundId, expertId)
			.query(Long.class)
			.list();
	}

	private Set<Pair> pairs(String sql, long roundId) {
		return jdbc.sql(sql)
			.param(roundId)
			.query((rs, n) -> new Pair(rs.getLong("entry_id"), rs.getLong("expert_id")))
			.list()
			.stream()
			.collect(Collectors.toSet());
	}

	/**
	 * A PostgreSQL array literal ({@code {1,2,3}}), cast in the statement: one statement
	 * for thousands of pairs, in the same order for both columns.
	 */
	private static String array(Collection<Pair> pairs, java.util.function.ToLongFunction<Pair> column) {
		return pairs.stream()
			.map((pair) -> Long.toString(column.applyAsLong(pair)))
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
