package cn.zhengji.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.Phase;
import cn.zhengji.campaign.PhaseKind;
import cn.zhengji.campaign.Target;
import cn.zhengji.campaign.TargetMetric;
import cn.zhengji.infrastructure.database.Subtree;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.reporting.Dashboard.Allocation;
import cn.zhengji.reporting.Dashboard.Breakdown;
import cn.zhengji.reporting.Dashboard.Day;
import cn.zhengji.reporting.Dashboard.Quota;
import cn.zhengji.reporting.Dashboard.Reach;
import cn.zhengji.reporting.Dashboard.Totals;
import cn.zhengji.reporting.Dashboard.Waiting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds {@link Dashboard}s. Every query is bounded by the unit's path prefix, and the
 * unit must be one the actor administers (else 404), so that an admin never sees figures
 * from outside its subtree. The figures of one dashboard are read in one read-only
 * transaction (one snapshot: the totals agree with the tables).
 */
@Service
@Transactional(readOnly = true)
public class Dashboards {

	/**
	 * The longest run of days the "by day" figure shows; a longer submission phase shows
	 * its last days.
	 */
	static final int MAX_DAYS = 92;

	/**
	 * The run of days shown when the campaign has no submission phase that has started.
	 */
	static final int DEFAULT_DAYS = 30;

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final Clock clock;

	Dashboards(JdbcClient jdbc, Campaigns campaigns, Organisations organisations, Clock clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * The campaign a dashboard opens with: the one named, else the campaign of the home
	 * page (one accepting works, real before demonstration). An unknown code is a 404.
	 */
	public Campaign campaign(String code) {
		if (code != null && !code.isBlank()) {
			return campaigns.getByCode(code);
		}
		return campaigns.homeCampaign(clock.instant()).orElseThrow(() -> new NotFoundException("campaign"));
	}

	public List<Campaign> campaignChoices() {
		return campaigns.allVisible();
	}

	/**
	 * The organisation whose subtree the dashboard covers: the one asked for if the actor
	 * administers it, else (none asked for) the actor's own organisation; for the
	 * platform admin, the campaign's host organisation. Anything else, and any non-admin,
	 * is a 404.
	 */
	public Organisation unit(SignedInUser actor, Campaign campaign, Long unitId) {
		if (!actor.isAdmin()) {
			throw new NotFoundException("dashboard");
		}
		long id = unitId != null ? unitId
				: actor.isPlatformAdmin() ? campaign.hostOrganisationId() : actor.organisationId();
		return organisations.findById(id)
			.filter(organisation -> actor.administers(organisation.path()))
			.orElseThrow(() -> new NotFoundException("organisation " + id));
	}

	/**
	 * The chain from the actor's own top (its organisation; the tree's root for the
	 * platform admin) down to the unit, for the breadcrumb: every element is a unit the
	 * actor may open.
	 */
	public List<Organisation> trail(SignedInUser actor, Organisation unit) {
		return organisations.ancestry(unit)
			.stream()
			.filter(organisation -> actor.administers(organisation.path()))
			.toList();
	}

	public Dashboard of(SignedInUser actor, Campaign campaign, Organisation unit) {
		if (!actor.isAdmin() || !actor.administers(unit.path())) {
			throw new NotFoundException("organisation " + unit.id());
		}
		// The driver turns repeated statements into prepared ones; their generic plans
		// know nothing of
		// the path prefix (the whole tree or one county?) and pick sorts and merge joins
		// that take
		// seconds over the whole tree. Planning for the actual prefix costs a
		// millisecond.
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		// Offline events and reach figures count for the campaign they were reported in
		// and
		// for every campaign it feeds (the activity module's roll-up): "campaigns".
		Map<String, Object> scope = Map.of("campaign", campaign.id(), "prefix", new Subtree(unit.path()).pattern(),
				"campaigns", campaigns.rollUpIds(campaign));
		Instant now = clock.instant();

		List<Category> categories = campaigns.categories(campaign);
		// One pass over the subtree's entries for both breakdowns. Each organisation of
		// the subtree is
		// mapped once to the child of the unit whose subtree holds it (0 for the unit
		// itself); a join on
		// that small table costs far less than cutting every entry's path apart.
		// The join alone scopes the count (an entry's path is its organisation's, and
		// organisations do
		// not move). The same condition on the entry lets a unit inside the campaign's
		// tree use
		// entry_campaign_path_ix; for the host's dashboard, which counts everything, it
		// would only be
		// one more string comparison per row (a third of the query's time), so it is left
		// out.
		boolean wholeTree = campaign.hostOrganisationPath().startsWith(unit.path());
		List<Counted> counted = jdbc.sql("""
				select e.category_id, o.child, e.state, count(*) as n
				from submission_entry_figures e
				join (select id, case when id = :unit then 0
				                      else split_part(substr(path, :length + 1), '/', 1)::bigint end as child
				      from organisation_unit where\s""" + Subtree.sql("path", "prefix") + """
				) o on o.id = e.organisation_id
				where e.campaign_id = :campaign
				""" + (wholeTree ? "" : "  and " + Subtree.sql("e.organisation_path", "prefix") + "\n") + """
				group by 1, 2, 3
				""")
			.params(scope)
			.param("unit", unit.id())
			.param("length", unit.path().length())
			.query((rs, n) -> new Counted(rs.getLong("category_id"), rs.getLong("child"), rs.getString("state"),
					rs.getLong("n")))
			.list();
		Map<Long, Map<String, Long>> perCategory = counted.stream()
			.collect(Collectors.groupingBy(Counted::categoryId, byState()));
		Map<Long, Map<String, Long>> perChild = counted.stream()
			.collect(Collectors.groupingBy(Counted::child, byState()));
		Map<String, Long> all = counted.stream().collect(byState());
		List<Breakdown> byCategory = new ArrayList<>();
		for (Category category : categories) {
			byCategory
				.add(breakdown(category.id(), category.shortName() == null ? category.name() : category.shortName(),
						false, perCategory.get(category.id())));
		}
		List<Breakdown> byUnit = new ArrayList<>();
		byUnit.add(breakdown(unit.id(), unit.displayName(), true, perChild.get(0L)));
		for (Organisation child : organisations.children(unit.id())) {
			byUnit.add(breakdown(child.id(), child.displayName(), false, perChild.get(child.id())));
		}

		long entries = all.values().stream().mapToLong(Long::longValue).sum();
		long handedIn = Stream.of("SUBMITTED", "RETURNED", "APPROVED", "REJECTED")
			.mapToLong(state -> all.getOrDefault(state, 0L))
			.sum();

		List<Day> byDay = byDay(campaign, scope);
		List<Waiting> waiting = waiting(scope, now);
		long waitingHere = jdbc.sql("""
				select count(*) from submission_entry_figures
				where pending_organisation_id = :unit and state = 'SUBMITTED' and campaign_id = :campaign
				  and\s""" + Subtree.sql("organisation_path", "prefix") + "\n")
			.params(scope)
			.param("unit", unit.id())
			.query(Long.class)
			.single();

		List<Quota> quotas = jdbc.sql("""
				select o.id, coalesce(o.short_name, o.name) as organisation, c.id as category_id,
				       coalesce(c.short_name, c.name) as category,
				       q.used, q.allowed
				from approval_quota_use q
				join campaign_category_name c on c.id = q.category_id
				join organisation_unit o on o.id = q.organisation_id
				where c.campaign_id = :campaign and\s""" + Subtree.sql("o.path", "prefix") + """

				order by c.sort_order, c.id, o.sort_order, o.id
				""")
			.params(scope)
			.query((rs, n) -> new Quota(rs.getLong("id"), rs.getString("organisation"), rs.getLong("category_id"),
					rs.getString("category"), rs.getInt("used"), rs.getInt("allowed")))
			.list();

		List<Allocation> allocations = jdbc
			.sql("""
					select o.id, coalesce(o.short_name, o.name) as organisation, a.events,
					       (select count(*) from activity_event_figures e
					        where e.campaign_id in (:campaigns) and\s"""
					+ Subtree.sqlBelowColumn("e.organisation_path", "o.path") + """
							) as held
							from campaign_event_allocation a join organisation_unit o on o.id = a.organisation_id
							where a.campaign_id = :campaign and\s""" + Subtree.sql("o.path", "prefix") + """

							order by a.sort_order, o.sort_order, o.id
							""")
			.params(scope)
			.query((rs, n) -> new Allocation(rs.getLong("id"), rs.getString("organisation"), rs.getInt("events"),
					rs.getLong("held")))
			.list();
		long[] held = jdbc.sql(
				"select count(*) as events, coalesce(sum(participants), 0) as participants from activity_event_figures "
						+ "where campaign_id in (:campaigns) and " + Subtree.sql("organisation_path", "prefix"))
			.params(scope)
			.query((rs, n) -> new long[] { rs.getLong("events"), rs.getLong("participants") })
			.single();
		long events = held[0];

		Totals totals = new Totals(entries, handedIn, all.getOrDefault("SUBMITTED", 0L), waitingHere,
				all.getOrDefault("APPROVED", 0L), events);
		return new Dashboard(campaign.id(), campaign.code(), unit.id(), unit.displayName(), Dashboard.STATES, totals,
				byCategory, byUnit, byDay, waiting, quotas, allocations, reach(campaign, scope, events, held[1]));
	}

	private List<Day> byDay(Campaign campaign, Map<String, Object> scope) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), campaign.timeZone());
		Optional<Phase> submission = campaign.phase(PhaseKind.SUBMISSION)
			.filter(phase -> !phase.startsOn().isAfter(today));
		LocalDate last = submission.map(Phase::endsOn).filter(end -> end.isBefore(today)).orElse(today);
		LocalDate first = submission.map(Phase::startsOn).orElse(today.minusDays(DEFAULT_DAYS - 1));
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			first = last.minusDays(MAX_DAYS - 1);
		}
		// Day boundaries computed here in the campaign's zone (daylight saving included)
		// and bucketed
		// in SQL by binary search: much cheaper per row than converting every timestamp
		// to a local date.
		// The array is parsed once in a sub-select: in a generic plan of the prepared
		// statement, a cast
		// of the parameter in the row expression would be parsed again for every row.
		List<Instant> starts = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last.plusDays(1)); day = day.plusDays(1)) {
			starts.add(day.atStartOfDay(campaign.timeZone()).toInstant());
		}
		Map<Integer, Long> counts = new HashMap<>();
		jdbc.sql(
				"""
						select width_bucket(submitted_at, (select cast(:starts as timestamptz[]))) as bucket, count(*) as n from submission_entry_figures
						where campaign_id = :campaign and\s"""
						+ Subtree.sql("organisation_path", "prefix") + """

								  and state in ('SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED')
								  and submitted_at >= :first and submitted_at < :end
								group by 1
								""")
			.params(scope)
			.param("starts", starts.stream().map(Instant::toString).collect(Collectors.joining(",", "{", "}")))
			.param("first", starts.getFirst().atOffset(ZoneOffset.UTC))
			.param("end", starts.getLast().atOffset(ZoneOffset.UTC))
			.query(rs -> {
				counts.put(rs.getInt("bucket"), rs.getLong("n"));
			});
		List<Day> days = new ArrayList<>();
		int bucket = 1;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			days.add(new Day(day, counts.getOrDefault(bucket++, 0L)));
		}
		return days;
	}

	private List<Waiting> waiting(Map<String, Object> scope, Instant now) {
		// Ordered from the bottom of the chain up: deeper organisations have longer
		// paths. The average
		// is taken over intervals and converted once per group (extract per row is
		// costly).
		return jdbc
			.sql("""
					select o.kind, count(*) as n,
					       extract(epoch from (:now - min(e.pending_since))) / 86400 as oldest,
					       extract(epoch from avg(:now - e.pending_since)) / 86400 as average,
					       max(length(o.path) - length(replace(o.path, '/', ''))) as depth
					from submission_entry_figures e join organisation_unit o on o.id = e.pending_organisation_id
					where e.state = 'SUBMITTED' and e.campaign_id = :campaign and\s"""
					+ Subtree.sql("e.organisation_path", "prefix") + """

							group by o.kind
							order by depth desc, o.kind
							""")
			.params(scope)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Waiting(rs.getString("kind"), rs.getLong("n"), oneDecimal(rs.getDouble("oldest")),
					oneDecimal(rs.getDouble("average"))))
			.list();
	}

	private List<Reach> reach(Campaign campaign, Map<String, Object> scope, long events, long participants) {
		Map<String, Long> sums = new HashMap<>();
		jdbc.sql("select metric, sum(value) as total from activity_reach_figures where campaign_id in (:campaigns) and "
				+ Subtree.sql("organisation_path", "prefix") + " group by metric")
			.params(scope)
			.query(rs -> {
				sums.put(rs.getString("metric"), rs.getLong("total"));
			});
		sums.put(TargetMetric.ENTERPRISES_OR_EVENTS.name(), events);
		// 直接触达职工: the events' participants and what units entered as reached otherwise.
		sums.merge(TargetMetric.WORKERS_REACHED.name(), participants, Long::sum);
		Map<TargetMetric, Long> targets = new LinkedHashMap<>();
		for (Target target : campaigns.targets(campaign)) {
			targets.put(target.metric(), target.target());
		}
		List<Reach> reach = new ArrayList<>();
		for (TargetMetric metric : TargetMetric.values()) {
			reach.add(new Reach(metric.name(), sums.getOrDefault(metric.name(), 0L), targets.get(metric)));
		}
		return reach;
	}

	/**
	 * One row of the count by category, unit (the child of the dashboard's unit holding
	 * it) and state.
	 */
	private record Counted(long categoryId, long child, String state, long n) {
	}

	private static Collector<Counted, ?, Map<String, Long>> byState() {
		return Collectors.groupingBy(Counted::state, Collectors.summingLong(Counted::n));
	}

	private static Breakdown breakdown(long id, String label, boolean own, Map<String, Long> byState) {
		Map<String, Long> counts = byState == null ? Map.of() : byState;
		List<Long> values = Dashboard.STATES.stream().map(state -> counts.getOrDefault(state, 0L)).toList();
		return new Breakdown(id, label, own, values, values.stream().mapToLong(Long::longValue).sum());
	}

	private static double oneDecimal(double days) {
		return Math.round(Math.max(0, days) * 10) / 10.0;
	}

}
