package cn.zhengji.voting;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhengji.review.VoteCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The votes a review round combines with the expert score (the 60/40 rule of the review
 * results): the counted (not voided), weighted votes of the vote whose setting names the
 * round.
 */
@Component
class RoundVoteCounts implements VoteCounts {

	private final JdbcClient jdbc;

	RoundVoteCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, Long> votes(long roundId) {
		Map<Long, Long> votes = new LinkedHashMap<>();
		jdbc.sql("""
				select v.entry_id, sum(v.weight) as votes from vote v join vote_setting s on s.id = v.setting_id
				where s.round_id = ? and v.voided_at is null group by v.entry_id order by v.entry_id
				""").param(roundId).query((rs, n) -> votes.put(rs.getLong("entry_id"), rs.getLong("votes"))).list();
		return votes;
	}

}
