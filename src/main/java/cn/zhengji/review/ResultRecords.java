package cn.zhengji.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of a round's results: awards (review_award), the lock (review_round_lock) and
 * the works a later round selected (review_round_entry).
 */
@Component
class ResultRecords {

	private final JdbcClient jdbc;

	ResultRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredAward(long entryId, String levelCode, int rank, long decidedBy, Instant decidedAt) {
	}

	record Lock(long lockedBy, Instant lockedAt) {
	}

	/**
	 * Refuses politely what the database's lock trigger would refuse: any change of a
	 * locked round.
	 */
	void requireOpen(ReviewRoundScope.RoundContext round) {
		if (lock(round.roundId()).isPresent()) {
			throw new ReviewRoundLocked(round.round().name());
		}
	}

	Optional<Lock> lock(long roundId) {
		return jdbc.sql("select locked_by, locked_at from review_round_lock where round_id = ?")
			.param(roundId)
			.query((rs, n) -> new Lock(rs.getLong("locked_by"),
					rs.getObject("locked_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	void insertLock(long roundId, long actorId, Instant now) {
		jdbc.sql("insert into review_round_lock (round_id, locked_by, locked_at) values (?, ?, ?)")
			.params(roundId, actorId, utc(now))
			.update();
	}

	/** The stored awards by entry id, in ranking order. */
	Map<Long, StoredAward> awards(long roundId) {
		Map<Long, StoredAward> awards = new LinkedHashMap<>();
		jdbc.sql("""
				select entry_id, level_code, rank, decided_by, decided_at from review_award
				where round_id = ? order by rank, entry_id
				""")
			.param(roundId)
			.query((rs, n) -> new StoredAward(rs.getLong("entry_id"), rs.getString("level_code"), rs.getInt("rank"),
					rs.getLong("decided_by"), rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
			.list()
			.forEach((award) -> awards.put(award.entryId(), award));
		return awards;
	}

	void saveAward(long roundId, long entryId, String levelCode, int rank, long actorId, Instant now) {
		jdbc.sql("""
				insert into review_award (round_id, entry_id, level_code, rank, decided_by, decided_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (round_id, entry_id) do update set level_code = excluded.level_code, rank = excluded.rank,
				    decided_by = excluded.decided_by, decided_at = excluded.decided_at
				""").params(roundId, entryId, levelCode, rank, actorId, utc(now)).update();
	}

	boolean deleteAward(long roundId, long entryId) {
		return jdbc.sql("delete from review_award where round_id = ? and entry_id = ?")
			.params(roundId, entryId)
			.update() > 0;
	}

	/** The works selected into a later round, by entry id. */
	List<Long> selected(long roundId) {
		return jdbc.sql("select entry_id from review_round_entry where round_id = ? order by entry_id")
			.param(roundId)
			.query(Long.class)
			.list();
	}

	void insertSelected(long roundId, Map<Long, Integer> rankByEntry, Instant now) {
		rankByEntry.forEach((entry, rank) -> jdbc.sql("""
				insert into review_round_entry (round_id, entry_id, previous_rank, selected_at) values (?, ?, ?, ?)
				""").params(roundId, entry, rank, utc(now)).update());
	}

	/** Every work that has an expert or a sheet in the round, by id. */
	List<Long> worksWithExpertsOrSheets(long roundId) {
		return jdbc.sql("""
				select entry_id from review_assignment where round_id = :round
				union
				select entry_id from review_sheet where round_id = :round
				order by entry_id
				""").param("round", roundId).query(Long.class).list();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
