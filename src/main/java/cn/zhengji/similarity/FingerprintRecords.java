package cn.zhengji.similarity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issue 15: the module's tables (V146): similarity_source, similarity_hash,
 * similarity_match. Every statement is short; none is run while a file is decoded.
 */
@Repository
class FingerprintRecords {

	private static final String SOURCE_COLUMNS = """
			id, entry_id, campaign_id, attachment_id, text_key, file_id, content_type, kind, sha256, state, attempts
			""";

	/**
	 * Multi-index hashing: the hashes sharing one of the four 16-bit chunks with a query
	 * hash (each branch answered by its expression index, similarity_hash_c*_ix), then
	 * verified by their Hamming distance.
	 */
	static final String CANDIDATES = """
			with q as (select distinct h from unnest(cast(:hashes as bigint[])) as h),
			c as (
			    select s.source_id, s.at_ms, s.hash, q.h from q join similarity_hash s
			      on s.kind = :kind and ((s.hash >> 48) & 65535) = ((q.h >> 48) & 65535)
			    union
			    select s.source_id, s.at_ms, s.hash, q.h from q join similarity_hash s
			      on s.kind = :kind and ((s.hash >> 32) & 65535) = ((q.h >> 32) & 65535)
			    union
			    select s.source_id, s.at_ms, s.hash, q.h from q join similarity_hash s
			      on s.kind = :kind and ((s.hash >> 16) & 65535) = ((q.h >> 16) & 65535)
			    union
			    select s.source_id, s.at_ms, s.hash, q.h from q join similarity_hash s
			      on s.kind = :kind and (s.hash & 65535) = (q.h & 65535)
			)
			select c.source_id, count(*) as hits
			from c
			where c.source_id <> all(cast(:own as bigint[])) and bit_count(cast(c.hash # c.h as bit(64))) <= :distance
			group by c.source_id
			order by hits desc, c.source_id
			limit :limit
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	FingerprintRecords(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	private static Source source(ResultSet rs, int n) throws SQLException {
		long attachment = rs.getLong("attachment_id");
		Long attachmentId = rs.wasNull() ? null : attachment;
		String file = rs.getString("file_id");
		return new Source(rs.getLong("id"), rs.getLong("entry_id"), rs.getLong("campaign_id"), attachmentId,
				rs.getString("text_key"), file == null ? null : UUID.fromString(file), rs.getString("content_type"),
				rs.getString("kind"), rs.getString("sha256"), rs.getString("state"), rs.getInt("attempts"));
	}

	/**
	 * A QUEUED source for a file of an entry, unless the attachment has one.
	 * @return the new row's id, empty when there was one
	 */
	Optional<Long> requestFile(long attachmentId, long entryId, long campaignId, UUID fileId, String contentType,
			String sha256, Instant now) {
		return jdbc
			.sql("""
					insert into similarity_source (entry_id, campaign_id, attachment_id, file_id, content_type, kind, sha256,
					                               state, requested_at)
					values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?)
					on conflict (attachment_id) do nothing
					returning id
					""")
			.params(entryId, campaignId, attachmentId, fileId, contentType, Source.kindOf(contentType), sha256,
					Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * A QUEUED source for an entry's typed text (kind TEXT), unless it has one.
	 * @return the new row's id, empty when there was one
	 */
	Optional<Long> requestText(long entryId, long campaignId, String textKey, Instant now) {
		return jdbc.sql("""
				insert into similarity_source (entry_id, campaign_id, text_key, kind, state, requested_at)
				values (?, ?, ?, 'TEXT', 'QUEUED', ?)
				on conflict (entry_id, text_key) where text_key is not null do nothing
				returning id
				""").params(entryId, campaignId, textKey, Timestamp.from(now)).query(Long.class).optional();
	}

	/** The entries among the given that have any source already. */
	List<Long> entriesWithSources(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct entry_id from similarity_source where entry_id = any(cast(? as bigint[]))")
			.param(array(entryIds))
			.query(Long.class)
			.list();
	}

	Optional<Source> sourceOfAttachment(long attachmentId) {
		return jdbc.sql("select " + SOURCE_COLUMNS + " from similarity_source where attachment_id = ?")
			.param(attachmentId)
			.query(FingerprintRecords::source)
			.optional();
	}

	Optional<Source> find(long id) {
		return jdbc.sql("select " + SOURCE_COLUMNS + " from similarity_source where id = ?")
			.param(id)
			.query(FingerprintRecords::source)
			.optional();
	}

	/**
	 * Takes a QUEUED (or RUNNING, left by a dead node) source: RUNNING, an attempt more.
	 */
	Optional<Source> start(long id, Instant now) {
		return jdbc.sql("""
				update similarity_source set state = 'RUNNING', attempts = attempts + 1, started_at = ?
				where id = ? and state in ('QUEUED', 'RUNNING')
				returning
				""" + SOURCE_COLUMNS).params(Timestamp.from(now), id).query(FingerprintRecords::source).optional();
	}

	/** Stores the hashes (replacing any) and marks the source DONE; one transaction. */
	void store(long id, Fingerprint fingerprint, long workMs, Instant now) {
		jdbc.sql("delete from similarity_hash where source_id = ?").param(id).update();
		if (!fingerprint.hashes().isEmpty() && fingerprint.kind() != SimilarityKind.EXACT) {
			List<Fingerprint.Hash> hashes = fingerprint.hashes();
			template.batchUpdate("""
					insert into similarity_hash (source_id, kind, at_ms, hash) values (?, ?, ?, ?)
					on conflict do nothing
					""", hashes, 1000, (ps, hash) -> {
				ps.setLong(1, id);
				ps.setString(2, fingerprint.kind().name());
				ps.setInt(3, (int) Math.min(Integer.MAX_VALUE, hash.atMs()));
				ps.setLong(4, hash.value());
			});
		}
		jdbc.sql("""
				update similarity_source set state = 'DONE', hash_count = ?, duration_ms = ?, work_ms = ?,
				       error_detail = null, finished_at = ?
				where id = ?
				""")
			.params(fingerprint.hashes().size(), fingerprint.durationMs(), workMs, Timestamp.from(now), id)
			.update();
	}

	/** FAILED for good (the file cannot be read), or QUEUED again to be retried. */
	void fail(long id, String detail, boolean retry, Instant now) {
		String text = detail == null ? "?" : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
		if (retry) {
			jdbc.sql("update similarity_source set state = 'QUEUED', error_detail = ? where id = ?")
				.params(text, id)
				.update();
			return;
		}
		jdbc.sql("update similarity_source set state = 'FAILED', error_detail = ?, finished_at = ? where id = ?")
			.params(text, Timestamp.from(now), id)
			.update();
	}

	/** The sources still QUEUED or RUNNING, oldest first. */
	List<Long> open(int limit) {
		return jdbc
			.sql("select id from similarity_source where state in ('QUEUED', 'RUNNING') order by requested_at limit ?")
			.param(limit)
			.query(Long.class)
			.list();
	}

	/** The hashes of a source by position. */
	List<Fingerprint.Hash> hashes(long sourceId) {
		return jdbc.sql("select at_ms, hash from similarity_hash where source_id = ? order by at_ms, hash")
			.param(sourceId)
			.query((rs, n) -> new Fingerprint.Hash(rs.getLong("at_ms"), rs.getLong("hash")))
			.list();
	}

	/** The hashes of several sources, by source id, in one query. */
	Map<Long, List<Fingerprint.Hash>> hashes(Collection<Long> sourceIds) {
		Map<Long, List<Fingerprint.Hash>> found = new LinkedHashMap<>();
		if (sourceIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select source_id, at_ms, hash from similarity_hash where source_id = any(cast(? as bigint[]))
				order by source_id, at_ms, hash
				""").param(array(sourceIds)).query((rs) -> {
			found.computeIfAbsent(rs.getLong("source_id"), (k) -> new ArrayList<>())
				.add(new Fingerprint.Hash(rs.getLong("at_ms"), rs.getLong("hash")));
		});
		return found;
	}

	/**
	 * The sources of other entries with a hash of {@code kind} within {@code distance} of
	 * one of {@code hashes} (multi-index hashing, {@link #CANDIDATES}), most hits first.
	 * @return source id → number of (query hash, stored hash) pairs within the distance
	 */
	Map<Long, Integer> candidates(SimilarityKind kind, Collection<Long> hashes, int distance, long excludeEntryId,
			int limit) {
		return candidates(kind, hashes, distance, sourceIdsOf(excludeEntryId), limit);
	}

	/** The ids of an entry's sources. */
	List<Long> sourceIdsOf(long entryId) {
		return jdbc.sql("select id from similarity_source where entry_id = ?").param(entryId).query(Long.class).list();
	}

	/**
	 * As {@link #candidates(SimilarityKind, Collection, int, long, int)}, leaving out the
	 * given sources (those of the entry asking) instead of an entry's.
	 */
	Map<Long, Integer> candidates(SimilarityKind kind, Collection<Long> hashes, int distance,
			Collection<Long> ownSourceIds, int limit) {
		Map<Long, Integer> found = new LinkedHashMap<>();
		if (hashes.isEmpty()) {
			return found;
		}
		jdbc.sql(CANDIDATES)
			.param("hashes", array(hashes))
			.param("kind", kind.name())
			.param("own", array(ownSourceIds))
			.param("distance", distance)
			.param("limit", limit)
			.query((rs) -> {
				found.put(rs.getLong("source_id"), rs.getInt("hits"));
			});
		return found;
	}

	/** Other entries' sources (DONE or not) with the same SHA-256. */
	List<Source> sameBytes(String sha256, long excludeEntryId) {
		if (sha256 == null) {
			return List.of();
		}
		return jdbc
			.sql("select " + SOURCE_COLUMNS + " from similarity_source where sha256 = ? and entry_id <> ? order by id")
			.params(sha256, excludeEntryId)
			.query(FingerprintRecords::source)
			.list();
	}

	List<Source> sources(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("select " + SOURCE_COLUMNS + " from similarity_source where id = any(cast(? as bigint[])) order by id")
			.param(array(ids))
			.query(FingerprintRecords::source)
			.list();
	}

	/** Writes a match in both directions (or updates it), in the caller's transaction. */
	void saveMatch(Match match, Instant now) {
		// Lower source id first: two jobs that find each other at once lock the two rows
		// in
		// the same order (otherwise they deadlock and one loses its matches).
		Match first = (match.sourceId() <= match.otherSourceId()) ? match : match.reversed();
		saveOne(first, now);
		saveOne(first.reversed(), now);
	}

	private void saveOne(Match m, Instant now) {
		jdbc.sql("""
				insert into similarity_match (source_id, other_source_id, entry_id, other_entry_id, kind, similarity,
				    start_ms, end_ms, other_start_ms, other_end_ms, frame_ms, other_frame_ms, found_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (source_id, other_source_id, kind) do update set similarity = excluded.similarity,
				    start_ms = excluded.start_ms, end_ms = excluded.end_ms, other_start_ms = excluded.other_start_ms,
				    other_end_ms = excluded.other_end_ms, frame_ms = excluded.frame_ms,
				    other_frame_ms = excluded.other_frame_ms, found_at = excluded.found_at
				""")
			.params(m.sourceId(), m.otherSourceId(), m.entryId(), m.otherEntryId(), m.kind().name(), m.similarity(),
					m.startMs(), m.endMs(), m.otherStartMs(), m.otherEndMs(), m.frameMs(), m.otherFrameMs(),
					Timestamp.from(now))
			.update();
	}

	/** An entry's matches, most similar first. */
	List<Match> matchesOf(long entryId) {
		return jdbc.sql("""
				select source_id, other_source_id, entry_id, other_entry_id, kind, similarity, start_ms, end_ms,
				       other_start_ms, other_end_ms, frame_ms, other_frame_ms
				from similarity_match where entry_id = ? order by similarity desc, other_entry_id, id
				""").param(entryId).query(FingerprintRecords::match).list();
	}

	/** How many other entries match each of the given entries, in one query. */
	Map<Long, Integer> matchCounts(Collection<Long> entryIds) {
		Map<Long, Integer> counts = new LinkedHashMap<>();
		if (entryIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				select entry_id, count(distinct other_entry_id) as n from similarity_match
				where entry_id = any(cast(? as bigint[])) group by entry_id
				""").param(array(entryIds)).query((rs) -> {
			counts.put(rs.getLong("entry_id"), rs.getInt("n"));
		});
		return counts;
	}

	private static Match match(ResultSet rs, int n) throws SQLException {
		return new Match(rs.getLong("source_id"), rs.getLong("other_source_id"), rs.getLong("entry_id"),
				rs.getLong("other_entry_id"), SimilarityKind.valueOf(rs.getString("kind")), rs.getInt("similarity"),
				(Long) rs.getObject("start_ms", Long.class), (Long) rs.getObject("end_ms", Long.class),
				(Long) rs.getObject("other_start_ms", Long.class), (Long) rs.getObject("other_end_ms", Long.class),
				(Long) rs.getObject("frame_ms", Long.class), (Long) rs.getObject("other_frame_ms", Long.class));
	}

	/** A campaign's sources by state, and its entries with a match. */
	Map<String, Integer> progress(long campaignId) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String state : List.of("QUEUED", "RUNNING", "DONE", "FAILED")) {
			counts.put(state, 0);
		}
		jdbc.sql("select state, count(*) as n from similarity_source where campaign_id = ? group by state")
			.param(campaignId)
			.query((rs) -> {
				counts.put(rs.getString("state"), rs.getInt("n"));
			});
		return counts;
	}

	/** A campaign's FAILED sources with their detail, newest first. */
	List<Map<String, Object>> failures(long campaignId, int limit) {
		return jdbc.sql("""
				select id, entry_id, attachment_id, content_type, attempts, error_detail from similarity_source
				where campaign_id = ? and state = 'FAILED' order by finished_at desc, id limit ?
				""").params(campaignId, limit).query().listOfRows();
	}

	/** The entries of a campaign with a match to another entry. */
	int entriesWithMatches(long campaignId) {
		return jdbc.sql("""
				select count(distinct m.entry_id) from similarity_match m
				join similarity_source s on s.id = m.source_id where s.campaign_id = ?
				""").param(campaignId).query(Integer.class).single();
	}

	/** An admin's retry of a FAILED source: QUEUED again. */
	boolean retry(long id, Instant now) {
		return jdbc.sql("""
				update similarity_source set state = 'QUEUED', attempts = 0, error_detail = null, finished_at = null,
				       requested_at = ?
				where id = ? and state = 'FAILED'
				""").params(Timestamp.from(now), id).update() == 1;
	}

	static String array(Collection<Long> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

}
