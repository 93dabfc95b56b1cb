package cn.zhengji.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.infrastructure.database.Subtree;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.reporting.Summary.Approvals;
import cn.zhengji.reporting.Summary.AwardRow;
import cn.zhengji.reporting.Summary.Row;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds {@link Summary}s (R-PUB-4). Like {@link Dashboards} a read model: one
 * {@code group by} per table over the subtree, by the organisation path prefix, plus the
 * dashboard's own figures for quotas, events and reach (so the two pages never disagree).
 * The unit must lie in the campaign's tree (the host's subtree) and be one the actor
 * administers, else 404: the admins of another province see nothing of this one.
 */
@Service
@Transactional(readOnly = true)
public class Summaries {

	/** Entry states that mean "approved by the top of the chain", reviewed or not. */
	static final Set<String> APPROVED = Set.of("APPROVED", "AWARDED", "NOT_AWARDED", "IN_PUBLICITY", "AWARD_FINAL");

	/** Entry states that carry an award. */
	static final Set<String> AWARDED = Set.of("AWARDED", "IN_PUBLICITY", "AWARD_FINAL");

	private static final Set<String> NOT_HANDED_IN = Set.of("DRAFT", "WITHDRAWN");

	/**
	 * The child of the unit whose subtree holds each organisation of the subtree (0: the
	 * unit itself), as in {@link Dashboards}.
	 */
	private static final String CHILD = """
			(select id, case when id = :unit then 0
			                 else split_part(substr(path, :length + 1), '/', 1)::bigint end as child
			 from organisation_unit where\s""" + Subtree.sql("path", "prefix") + ")";

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final Dashboards dashboards;

	Summaries(JdbcClient jdbc, Campaigns campaigns, Organisations organisations, Dashboards dashboards) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.dashboards = dashboards;
	}

	/**
	 * The organisation whose subtree the summary covers: the one asked for, else the
	 * campaign's host if the actor administers it, else the actor's own organisation. It
	 * must lie in the campaign's tree and be administered by the actor; anything else,
	 * and any non-admin, is a 404.
	 */
	public Organisation unit(SignedInUser actor, Campaign campaign, Long unitId) {
		if (!actor.isAdmin()) {
			throw new NotFoundException("summary");
		}
		long id = unitId != null ? unitId : actor.administers(campaign.hostOrganisationPath())
				? campaign.hostOrganisationId() : actor.organisationId();
		return organisations.findById(id)
			.filter(organisation -> actor.administers(organisation.path()))
			.filter(organisation -> organisation.path().startsWith(campaign.hostOrganisationPath()))
			.orElseThrow(() -> new NotFoundException("organisation " + id));
	}

	public Summary of(SignedInUser actor, Campaign campaign, Organisation unit) {
		if (!actor.isAdmin() || !actor.administers(unit.path())
				|| !unit.path().startsWith(campaign.hostOrganisationPath())) {
			throw new NotFoundException("organisation " + unit.id());
		}
		Dashboard dashboard = dashboards.of(actor, campaign, unit);
		Map<String, Object> scope = Map.of("campaign", campaign.id(), "prefix", new Subtree(unit.path()).pattern(),
				"unit", unit.id(), "length", unit.path().length());

		// Entries by category, child and state.
		Map<Long, long[]> perCategory = new HashMap<>();
		Map<Long, long[]> perChild = new HashMap<>();
		jdbc.sql("select e.category_id, o.child, e.state, count(*) as n from submission_entry_figures e join " + CHILD
				+ " o on o.id = e.organisation_id where e.campaign_id = :campaign group by 1, 2, 3")
			.params(scope)
			.query(rs -> {
				String state = rs.getString("state");
				long n = rs.getLong("n");
				for (long[] row : List.of(figures(perCategory, rs.getLong("category_id")),
						figures(perChild, rs.getLong("child")))) {
					row[0] += n;
					row[1] += NOT_HANDED_IN.contains(state) ? 0 : n;
					row[2] += APPROVED.contains(state) ? n : 0;
					row[3] += AWARDED.contains(state) ? n : 0;
				}
			});
		// Quota places taken and allowed, by category and child.
		jdbc.sql("select q.category_id, o.child, sum(q.used) as used, sum(q.allowed) as allowed"
				+ " from approval_quota_use q join campaign_category_name c on c.id = q.category_id join " + CHILD
				+ " o on o.id = q.organisation_id where c.campaign_id = :campaign group by 1, 2")
			.params(scope)
			.query(rs -> {
				for (long[] row : List.of(figures(perCategory, rs.getLong("category_id")),
						figures(perChild, rs.getLong("child")))) {
					row[4] += rs.getLong("used");
					row[5] += rs.getLong("allowed");
				}
			});
		// Counted votes, by category and child.
		jdbc.sql(
				"select e.category_id, o.child, sum(v.weight) as votes from voting_counted_vote v join submission_entry_figures e on e.id = v.entry_id"
						+ " join " + CHILD + " o on o.id = e.organisation_id"
						+ " where e.campaign_id = :campaign group by 1, 2")
			.params(scope)
			.query(rs -> {
				figures(perCategory, rs.getLong("category_id"))[6] += rs.getLong("votes");
				figures(perChild, rs.getLong("child"))[6] += rs.getLong("votes");
			});
		boolean votesUsed = jdbc.sql("select exists (select 1 from voting_campaign where campaign_id = :campaign)")
			.params(scope)
			.query(Boolean.class)
			.single();

		List<Category> categories = campaigns.categories(campaign);
		List<Row> byCategory = new ArrayList<>();
		for (Category category : categories) {
			byCategory.add(row(category.id(), label(category), false, perCategory.get(category.id())));
		}
		List<Row> byUnit = new ArrayList<>();
		byUnit.add(row(unit.id(), unit.displayName(), true, perChild.get(0L)));
		for (Organisation child : organisations.children(unit.id())) {
			byUnit.add(row(child.id(), child.displayName(), false, perChild.get(child.id())));
		}
		Row unitTotal = total(unit.displayName(), byUnit);
		Row categoryTotal = total(unit.displayName(), byCategory);

		Awards awards = awards(scope, categories);
		return new Summary(campaign.id(), campaign.code(), campaign.title(), unit.id(), unit.displayName(), byUnit,
				unitTotal, byCategory, categoryTotal, approvals(scope), awards.levels(), awards.rows(),
				dashboard.quotas(), dashboard.allocations(), dashboard.reach(), votesUsed);
	}

	private List<Approvals> approvals(Map<String, Object> scope) {
		Map<String, long[]> byKind = new HashMap<>();
		Map<String, Integer> depth = new HashMap<>();
		jdbc.sql("""
				select o.kind, t.step, count(distinct t.entry_id) as n,
				       max(length(o.path) - length(replace(o.path, '/', ''))) as depth
				from submission_level_decision t
				join organisation_unit o on o.id = t.level_organisation_id
				where t.campaign_id = :campaign and\s""" + Subtree.sql("t.organisation_path", "prefix") + """

				group by o.kind, t.step
				""").params(scope).query(rs -> {
			long[] row = byKind.computeIfAbsent(rs.getString("kind"), kind -> new long[4]);
			depth.merge(rs.getString("kind"), rs.getInt("depth"), Math::max);
			int column = switch (rs.getString("step")) {
				case "APPROVED" -> 0;
				case "RECOMMENDED" -> 1;
				case "RETURNED" -> 2;
				default -> 3;
			};
			row[column] += rs.getLong("n");
		});
		// Deeper organisations have longer paths: the bottom of the chain first.
		return byKind.entrySet()
			.stream()
			.sorted(java.util.Comparator.comparing((Map.Entry<String, long[]> row) -> -depth.get(row.getKey()))
				.thenComparing(Map.Entry::getKey))
			.map(row -> new Approvals(row.getKey(), row.getValue()[0], row.getValue()[1], row.getValue()[2],
					row.getValue()[3]))
			.toList();
	}

	private record Awards(List<String> levels, List<AwardRow> rows) {
	}

	private Awards awards(Map<String, Object> scope, List<Category> categories) {
		// Awards of locked rounds only (as the publicity and the showcase show them), of
		// works still
		// holding an award (an upheld objection takes it away).
		Map<String, Integer> levelOrder = new LinkedHashMap<>();
		Map<Long, Map<String, Long>> counts = new HashMap<>();
		jdbc.sql("""
				select e.category_id, a.level_name as name, min(a.level_sort_order) as sort_order, count(*) as n
				from review_locked_award a
				join submission_entry_figures e on e.id = a.entry_id
				where e.campaign_id = :campaign and e.state in ('AWARDED', 'IN_PUBLICITY', 'AWARD_FINAL') and\s"""
				+ Subtree.sql("e.organisation_path", "prefix") + """

						group by 1, 2
						order by 3, 2
						""")
			.params(scope)
			.query(rs -> {
				levelOrder.merge(rs.getString("name"), rs.getInt("sort_order"), Math::min);
				counts.computeIfAbsent(rs.getLong("category_id"), id -> new HashMap<>())
					.merge(rs.getString("name"), rs.getLong("n"), Long::sum);
			});
		List<String> levels = levelOrder.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.toList();
		List<AwardRow> rows = new ArrayList<>();
		for (Category category : categories) {
			Map<String, Long> byLevel = counts.getOrDefault(category.id(), Map.of());
			List<Long> values = levels.stream().map(level -> byLevel.getOrDefault(level, 0L)).toList();
			rows.add(new AwardRow(category.id(), label(category), values,
					values.stream().mapToLong(Long::longValue).sum()));
		}
		return new Awards(levels, rows);
	}

	private static long[] figures(Map<Long, long[]> rows, long id) {
		return rows.computeIfAbsent(id, key -> new long[7]);
	}

	private static Row row(long id, String label, boolean own, long[] n) {
		long[] f = n == null ? new long[7] : n;
		return new Row(id, label, own, f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
	}

	private static Row total(String label, List<Row> rows) {
		return new Row(0, label, false, rows.stream().mapToLong(Row::entries).sum(),
				rows.stream().mapToLong(Row::handedIn).sum(), rows.stream().mapToLong(Row::approved).sum(),
				rows.stream().mapToLong(Row::awarded).sum(), rows.stream().mapToLong(Row::recommended).sum(),
				rows.stream().mapToLong(Row::quota).sum(), rows.stream().mapToLong(Row::votes).sum());
	}

	private static String label(Category category) {
		return category.shortName() == null ? category.name() : category.shortName();
	}

}
