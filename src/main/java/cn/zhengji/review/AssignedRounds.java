package cn.zhengji.review;

import cn.zhengji.campaign.ReviewRoundsInUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells campaign administration that a round's review has begun, so that its rubric and
 * the round stay as the experts were assigned under them. Scores (review_score) come
 * later and cannot exist without an assignment, so the pairs are the one thing to count.
 */
@Component
class AssignedRounds implements ReviewRoundsInUse {

	private final JdbcClient jdbc;

	AssignedRounds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long assignedPairs(long roundId) {
		return jdbc.sql("select count(*) from review_assignment where round_id = ?")
			.param(roundId)
			.query(Long.class)
			.single();
	}

}
