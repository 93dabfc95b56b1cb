package cn.zhengji.review;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13: the award levels of works for the pages that present them (publicity,
 * showcase): only awards of locked rounds, so that nothing an admin is still deciding
 * leaves the review.
 */
@Component
public class AwardedLevels {

	/** An entry's award in a locked round; {@code levelOrder} 1 is the best level. */
	public record AwardedLevel(long entryId, long roundId, String levelCode, String levelName, int levelOrder) {
	}

	private final JdbcClient jdbc;

	AwardedLevels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Issue 13 item 1: the awards of one locked round as they stand after objections
	 * ({@link AwardChanges}), best level first; empty while the round is not locked.
	 */
	@Transactional(readOnly = true)
	public java.util.List<AwardedLevel> inRound(long roundId) {
		java.util.List<Long> ids = jdbc.sql("""
				select a.entry_id from review_award a join review_round_lock k on k.round_id = a.round_id
				where a.round_id = ?
				""").param(roundId).query(Long.class).list();
		return of(ids).values().stream().filter((level) -> level.roundId() == roundId).toList();
	}

	/**
	 * The award of each entry that has one in a locked round (as changed after an upheld
	 * objection, {@link AwardChanges}; a withdrawn award counts as none); entries without
	 * are missing. Iterates in the order of the levels, best first.
	 */
	@Transactional(readOnly = true)
	public Map<Long, AwardedLevel> of(Collection<Long> entryIds) {
		Map<Long, AwardedLevel> levels = new LinkedHashMap<>();
		if (entryIds.isEmpty()) {
			return levels;
		}
		jdbc.sql("""
				select * from (
				    select distinct on (a.entry_id) a.entry_id, a.round_id, l.code as level_code, l.name, l.sort_order
				    from review_award a
				    join review_round_lock k on k.round_id = a.round_id
				    left join lateral (select c.id, c.level_code from review_award_change c
				                       where c.round_id = a.round_id and c.entry_id = a.entry_id
				                       order by c.id desc limit 1) c on true
				    left join campaign_award_level l on l.round_id = a.round_id
				        and l.code = case when c.id is null then a.level_code else c.level_code end
				    where a.entry_id = any(cast(:ids as bigint[]))
				    order by a.entry_id, k.locked_at desc) awarded
				where level_code is not null
				""")
			.param("ids", entryIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs, n) -> new AwardedLevel(rs.getLong("entry_id"), rs.getLong("round_id"),
					rs.getString("level_code"), rs.getString("name"), rs.getInt("sort_order")))
			.list()
			.stream()
			.sorted(Comparator.comparingInt(AwardedLevel::levelOrder).thenComparingLong(AwardedLevel::entryId))
			.forEach(level -> levels.put(level.entryId(), level));
		return levels;
	}

}
