package cn.zhengji.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements behind the progress pages, the reminders and the score exports: they
 * read the review tables of V125, V126 and V131 only.
 *
 * <p>
 * A sheet is complete when it has points for every criterion of the category's rubric.
 * The statements count a sheet's review_score rows and compare the count with the
 * rubric's size (passed in): a score can only name a criterion of the sheet's category
 * (trigger review_score_within_rubric) and goes when its criterion goes (cascade), so the
 * count is the number of the rubric's criteria scored, without reading the campaign
 * module's rubric_criterion here. A category without a rubric has no complete sheet. A
 * sheet that exists with neither points nor a comment counts as not started.
 */
@Component
class ProgressRecords {

	private static final String PAIRS = """
			select a.round_id, a.entry_id, a.expert_id, w.needed, s.id as sheet_id, s.comment, s.updated_at,
			       (select count(*) from review_score sc where sc.sheet_id = s.id) as scored
			from wanted w
			join review_assignment a on a.round_id = w.round_id
			left join review_sheet s on s.round_id = a.round_id and s.entry_id = a.entry_id and s.expert_id = a.expert_id
			""";

	private static final String COMPLETE = "(needed > 0 and scored = needed)";

	private static final String PARTLY = "(sheet_id is not null and (scored > 0 or comment is not null) and not "
			+ COMPLETE + ")";

	private final JdbcClient jdbc;

	ProgressRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What is done in a round, from its own tables. */
	record Figures(int worksAssigned, int pairs, int complete, int partly, int worksDone, int experts, int submitted) {

		static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

	}

	/**
	 * The figures of each round, in one statement however many rounds.
	 * @param criteria per round id, how many criteria its category's rubric has
	 */
	Map<Long, Figures> figures(Map<Long, Integer> criteria) {
		Map<Long, Figures> figures = new HashMap<>();
		if (criteria.isEmpty()) {
			return figures;
		}
		List<Long> rounds = List.copyOf(criteria.keySet());
		jdbc.sql("""
				with wanted as (
				    select * from unnest(cast(:rounds as bigint[]), cast(:needed as int[])) as w (round_id, needed)
				),
				pairs as (
				""" + PAIRS + """
				),
				works as (
				    select round_id, entry_id, count(*) as pairs,
				           count(*) filter (where %1$s) as complete,
				           count(*) filter (where %2$s) as partly
				    from pairs group by round_id, entry_id
				),
				done as (
				    select round_id, count(*) as works, sum(pairs) as pairs, sum(complete) as complete,
				           sum(partly) as partly, count(*) filter (where complete = pairs) as works_done
				    from works group by round_id
				)
				select w.round_id, coalesce(d.works, 0) as works, coalesce(d.pairs, 0) as pairs,
				       coalesce(d.complete, 0) as complete, coalesce(d.partly, 0) as partly,
				       coalesce(d.works_done, 0) as works_done,
				       (select count(*) from (
				            select m.expert_id from review_pool_member m where m.round_id = w.round_id
				            union select a.expert_id from review_assignment a where a.round_id = w.round_id
				            union select x.expert_id from review_expert_submission x where x.round_id = w.round_id) e
				       ) as experts,
				       (select count(*) from review_expert_submission x where x.round_id = w.round_id) as submitted
				from wanted w left join done d on d.round_id = w.round_id
				""".formatted(COMPLETE, PARTLY))
			.param("rounds", array(rounds))
			.param("needed", array(rounds.stream().map(criteria::get).toList()))
			.query((rs, n) -> figures.put(rs.getLong("round_id"),
					new Figures(rs.getInt("works"), rs.getInt("pairs"), rs.getInt("complete"), rs.getInt("partly"),
							rs.getInt("works_done"), rs.getInt("experts"), rs.getInt("submitted"))))
			.list();
		return figures;
	}

	/** One expert's state in a round. */
	record ExpertRow(long expertId, int assigned, int complete, int partly, Instant submittedAt, Instant lastActivity,
			LocalDate lastRemindedOn) {
	}

	/**
	 * Every expert of the round — in its pool, assigned a work, or who handed in — with
	 * its figures, by id, in one statement.
	 */
	List<ExpertRow> experts(long roundId, int criteria) {
		return jdbc
			.sql("""
					with wanted as (select cast(:round as bigint) as round_id, cast(:needed as int) as needed),
					pairs as (
					""" + PAIRS
					+ """
							),
							experts as (
							    select expert_id from review_pool_member where round_id = :round
							    union select expert_id from review_assignment where round_id = :round
							    union select expert_id from review_expert_submission where round_id = :round
							)
							select e.expert_id, count(p.expert_id) as assigned,
							       count(*) filter (where %1$s) as complete,
							       count(*) filter (where %2$s) as partly,
							       x.submitted_at,
							       greatest(x.submitted_at, (select max(s.updated_at) from review_sheet s
							                                 where s.round_id = :round and s.expert_id = e.expert_id)) as last_activity,
							       (select max(r.reminded_on) from review_reminder r
							        where r.round_id = :round and r.expert_id = e.expert_id) as last_reminded_on
							from experts e
							left join pairs p on p.expert_id = e.expert_id
							left join review_expert_submission x on x.round_id = :round and x.expert_id = e.expert_id
							group by e.expert_id, x.submitted_at
							order by e.expert_id
							"""
						.formatted(COMPLETE, PARTLY))
			.param("round", roundId)
			.param("needed", criteria)
			.query((rs, n) -> new ExpertRow(rs.getLong("expert_id"), rs.getInt("assigned"), rs.getInt("complete"),
					rs.getInt("partly"), instant(rs.getObject("submitted_at", OffsetDateTime.class)),
					instant(rs.getObject("last_activity", OffsetDateTime.class)),
					rs.getObject("last_reminded_on", LocalDate.class)))
			.list();
	}

	/**
	 * Claims today's reminder of each expert: one row per (round, expert, day), and the
	 * unique constraint review_reminder_uq keeps a second one out.
	 * @return the experts claimed now; the others had been reminded that day already
	 */
	List<Long> claimReminders(long roundId, Collection<Long> expertIds, LocalDate day, long sentBy, Instant at) {
		if (expertIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				insert into review_reminder (round_id, expert_id, reminded_on, sent_by, sent_at)
				select :round, e.id, :day, :by, :at from unnest(cast(:experts as bigint[])) as e (id)
				on conflict on constraint review_reminder_uq do nothing
				returning expert_id
				""")
			.param("round", roundId)
			.param("day", day)
			.param("by", sentBy)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("experts", array(List.copyOf(expertIds)))
			.query(Long.class)
			.list()
			.stream()
			.sorted()
			.toList();
	}

	boolean locked(long roundId) {
		return jdbc.sql("select exists (select 1 from review_round_lock where round_id = ?)")
			.param(roundId)
			.query(Boolean.class)
			.single();
	}

	/** One pair of a round with what its sheet holds; points by criterion id. */
	record SheetRow(long entryId, long expertId, Map<Long, BigDecimal> points, String comment, Instant updatedAt) {
	}

	/**
	 * Every pair of the round (of one expert, when given), with its sheet, in the order
	 * of the export: by expert, then work. Streams the rows to the handler.
	 */
	void sheets(long roundId, Long expertId, Consumer<SheetRow> handler) {
		jdbc.sql(
				"""
						select a.entry_id, a.expert_id, s.comment, s.updated_at,
						       (select string_agg(sc.criterion_id || '=' || sc.points, ',') from review_score sc
						        where sc.sheet_id = s.id) as points
						from review_assignment a
						left join review_sheet s on s.round_id = a.round_id and s.entry_id = a.entry_id and s.expert_id = a.expert_id
						where a.round_id = :round and (cast(:expert as bigint) is null or a.expert_id = :expert)
						order by a.expert_id, a.entry_id
						""")
			.param("round", roundId)
			.param("expert", expertId)
			.query((RowCallbackHandler) rs -> handler
				.accept(new SheetRow(rs.getLong("entry_id"), rs.getLong("expert_id"), points(rs.getString("points")),
						rs.getString("comment"), instant(rs.getObject("updated_at", OffsetDateTime.class)))));
	}

	/** The works of the round's pairs (of one expert, when given). */
	List<Long> assignedWorks(long roundId, Long expertId) {
		return jdbc.sql("""
				select distinct entry_id from review_assignment
				where round_id = :round and (cast(:expert as bigint) is null or expert_id = :expert) order by entry_id
				""").param("round", roundId).param("expert", expertId).query(Long.class).list();
	}

	/** The experts of the round's pairs. */
	List<Long> assignedExperts(long roundId) {
		return jdbc.sql("select distinct expert_id from review_assignment where round_id = ? order by expert_id")
			.param(roundId)
			.query(Long.class)
			.list();
	}

	private static Map<Long, BigDecimal> points(String list) {
		Map<Long, BigDecimal> points = new LinkedHashMap<>();
		if (list != null) {
			for (String pair : list.split(",")) {
				int at = pair.indexOf('=');
				points.put(Long.parseLong(pair.substring(0, at)), new BigDecimal(pair.substring(at + 1)));
			}
		}
		return points;
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

	private static String array(List<?> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

}
