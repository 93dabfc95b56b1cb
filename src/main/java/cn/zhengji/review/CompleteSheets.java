package cn.zhengji.review;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The complete score sheets of a round as {@link ReviewResults.Score}s: a sheet counts
 * when every criterion of the category's rubric has points on it; its total is the sum of
 * the points, its highest criterion the best share points / criterion maximum. Kept on
 * its own so that the scoring module's read of the same sheets can take its place.
 */
@Component
class CompleteSheets {

	private final JdbcClient jdbc;

	CompleteSheets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ReviewResults.Score> scores(long roundId) {
		record Point(long sheetId, long entryId, long expertId, BigDecimal points, int maxPoints) {
		}
		List<Point> points = jdbc.sql("""
				select s.id as sheet_id, s.entry_id, s.expert_id, sc.points, c.max_points
				from review_sheet s
				join review_round r on r.id = s.round_id
				join review_score sc on sc.sheet_id = s.id
				join rubric_criterion c on c.id = sc.criterion_id and c.category_id = r.category_id
				where s.round_id = ?
				  and (select count(*) from review_score x where x.sheet_id = s.id)
				      = (select count(*) from rubric_criterion k where k.category_id = r.category_id)
				order by s.entry_id, s.expert_id, c.sort_order
				""")
			.param(roundId)
			.query((rs, n) -> new Point(rs.getLong("sheet_id"), rs.getLong("entry_id"), rs.getLong("expert_id"),
					rs.getBigDecimal("points"), rs.getInt("max_points")))
			.list();
		Map<Long, List<Point>> bySheet = new LinkedHashMap<>();
		points.forEach((point) -> bySheet.computeIfAbsent(point.sheetId(), (id) -> new ArrayList<>()).add(point));
		List<ReviewResults.Score> scores = new ArrayList<>();
		for (List<Point> sheet : bySheet.values()) {
			BigDecimal total = BigDecimal.ZERO;
			BigDecimal highest = BigDecimal.ZERO;
			for (Point point : sheet) {
				total = total.add(point.points());
				BigDecimal share = point.points().divide(BigDecimal.valueOf(point.maxPoints()), MathContext.DECIMAL64);
				highest = highest.max(share);
			}
			scores.add(new ReviewResults.Score(sheet.get(0).entryId(), sheet.get(0).expertId(), total, highest));
		}
		return scores;
	}

}
