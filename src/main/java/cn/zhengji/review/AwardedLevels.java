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
	 * The award of each entry that has one in a locked round; entries without are
	 * missing. Iterates in the order of the levels, best first.
	 */
	@Transactional(readOnly = true)
	public Map<Long, AwardedLevel> of(Collection<Long> entryIds) {
		Map<Long, AwardedLevel> levels = new LinkedHashMap<>();
		if (entryIds.isEmpty()) {
			return levels;
		}
		jdbc.sql("""
				select distinct on (a.entry_id) a.entry_id, a.round_id, a.level_code, l.name, l.sort_order
				from review_award a
				join review_round_lock k on k.round_id = a.round_id
				join review_award_level l on l.round_id = a.round_id and l.code = a.level_code
				where a.entry_id = any(cast(:ids as bigint[]))
				order by a.entry_id, k.locked_at desc
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
