package cn.zhengji.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading campaigns: the module's query API for pages, the JSON API and other modules.
 * Only visible campaigns are found: with demo data switched off the demonstration
 * campaign does not exist for anyone, even if a row of it is still in the database.
 */
@Service
@Transactional(readOnly = true)
public class Campaigns {

	/** The campaign shown on the home page when no campaign accepts works. */
	static final String DEFAULT_HOME = "fujian-2024";

	private static final String CAMPAIGN_SELECT = """
			select c.id, c.code, c.title, c.short_title, c.year, c.document_number, c.host_organisation_id,
			       o.code as host_code, o.name as host_name, o.path as host_path, c.organisers, c.time_zone, c.summary,
			       c.contact, c.platform_note, c.feeds_campaign_id, c.copied_from_id, c.definition_source,
			       c.definition_version, c.demo, c.changed_by_admin, c.version
			from campaign c join organisation_unit o on o.id = c.host_organisation_id
			""";

	static final RowMapper<Phase> PHASE = (rs, n) -> new Phase(rs.getLong("id"),
			PhaseKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("description"),
			rs.getObject("starts_on", java.time.LocalDate.class), rs.getObject("ends_on", java.time.LocalDate.class),
			rs.getInt("sort_order"), rs.getBoolean("changed_by_admin"), rs.getInt("version"));

	static final RowMapper<RubricCriterion> RUBRIC_CRITERION = (rs, n) -> new RubricCriterion(rs.getLong("id"),
			rs.getString("code"), rs.getString("name"), rs.getInt("max_points"), rs.getString("guidance"),
			rs.getInt("sort_order"));

	static final RowMapper<ReviewRound> REVIEW_ROUND = (rs, n) -> new ReviewRound(rs.getLong("id"),
			rs.getLong("category_id"), rs.getString("code"), rs.getString("name"), rs.getInt("round_order"),
			ReviewRound.EntryRule.valueOf(rs.getString("entry_rule")), rs.getObject("entry_number", Integer.class),
			rs.getInt("experts_per_work"), rs.getObject("starts_on", java.time.LocalDate.class),
			rs.getObject("ends_on", java.time.LocalDate.class));

	static final RowMapper<ReviewResultRules> REVIEW_RESULT_RULES = (rs, n) -> new ReviewResultRules(
			List.of((String[]) rs.getArray("tie_breaks").getArray()), rs.getString("basis"),
			rs.getBigDecimal("outlier_threshold"), rs.getObject("expert_percent", Integer.class),
			rs.getObject("vote_percent", Integer.class));

	private final JdbcClient jdbc;

	private final CampaignJson json;

	private final boolean demoEnabled;

	Campaigns(JdbcClient jdbc, CampaignJson json, @Value("${zhengji.demo.enabled:true}") boolean demoEnabled) {
		this.jdbc = jdbc;
		this.json = json;
		this.demoEnabled = demoEnabled;
	}

	public boolean demoEnabled() {
		return demoEnabled;
	}

	public Optional<Campaign> findByCode(String code) {
		return query(CAMPAIGN_SELECT + " where c.code = :code and (not c.demo or :demo)", Map.of("code", code)).stream()
			.findFirst();
	}

	/** The visible campaign with this code, or a 404. */
	public Campaign getByCode(String code) {
		return findByCode(code).orElseThrow(() -> new NotFoundException("campaign " + code));
	}

	public Optional<Campaign> findById(long id) {
		return query(CAMPAIGN_SELECT + " where c.id = :id and (not c.demo or :demo)", Map.of("id", id)).stream()
			.findFirst();
	}

	/**
	 * Issue 13: whether the campaign publishes scores (campaign.publish_scores, default
	 * false): then the showcase shows each awarded work's final score.
	 */
	public boolean publishesScores(long campaignId) {
		return jdbc.sql("select publish_scores from campaign where id = ?")
			.param(campaignId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Every visible campaign, newest year first, real campaigns before the demonstration.
	 */
	public List<Campaign> allVisible() {
		return query(CAMPAIGN_SELECT + " where (not c.demo or :demo) order by c.year desc, c.demo, c.id", Map.of());
	}

	/**
	 * The campaign of the home page at this instant: a real campaign accepting works if
	 * there is one, else the demonstration campaign when demo data is on and it accepts
	 * works, else the 2024 Fujian campaign.
	 */
	public Optional<Campaign> homeCampaign(Instant at) {
		List<Campaign> all = allVisible();
		Comparator<Campaign> realFirst = Comparator.comparing(Campaign::demo);
		return all.stream()
			.filter(campaign -> campaign.acceptsSubmissions(at))
			.sorted(realFirst)
			.findFirst()
			.or(() -> all.stream().filter(campaign -> campaign.code().equals(DEFAULT_HOME)).findFirst())
			.or(() -> all.stream().findFirst());
	}

	/**
	 * R-ACT-1/3 Every visible campaign that feeds this one, directly or through another
	 * (the Fujian campaign feeds the national one). An offline event or a reach figure
	 * belongs to the campaign it was reported in and counts, once, for every campaign it
	 * feeds.
	 */
	public List<Campaign> feeders(Campaign campaign) {
		return query("""
				with recursive fed(id) as (
				    select id from campaign where feeds_campaign_id = :fed
				    union select c.id from campaign c join fed on c.feeds_campaign_id = fed.id)
				""" + CAMPAIGN_SELECT + " where c.id in (select id from fed) and (not c.demo or :demo) order by c.id",
				Map.of("fed", campaign.id()));
	}

	/**
	 * The campaigns whose offline events and reach figures a campaign's progress counts:
	 * itself and its {@link #feeders(Campaign)}.
	 */
	public List<Long> rollUpIds(Campaign campaign) {
		List<Long> ids = new java.util.ArrayList<>();
		ids.add(campaign.id());
		feeders(campaign).forEach(feeder -> ids.add(feeder.id()));
		return ids;
	}

	/**
	 * Issue 11 item 8: whether a unit takes part in a campaign, the one rule for every
	 * module that accepts what units write about a campaign (offline events, reach
	 * figures, announcements). A unit takes part when it is in the host's subtree, is the
	 * host or lies in the subtree of a unit the campaign allocates events to (a campaign
	 * without allocations: anywhere in the host's subtree), and is not in the host tree
	 * of a campaign feeding this one: a Fujian union takes part in the national campaign
	 * through the Fujian campaign, so that nothing is entered twice.
	 * @param organisationPath the unit's materialized path ({@code /1/14/})
	 */
	public boolean takesPart(Campaign campaign, String organisationPath) {
		if (!organisationPath.startsWith(campaign.hostOrganisationPath())) {
			return false;
		}
		if (feeders(campaign).stream().anyMatch(feeder -> organisationPath.startsWith(feeder.hostOrganisationPath()))) {
			return false;
		}
		List<Allocation> allocations = allocations(campaign);
		return allocations.isEmpty() || organisationPath.equals(campaign.hostOrganisationPath()) || allocations.stream()
			.anyMatch(allocation -> organisationPath.startsWith(allocation.organisationPath()));
	}

	public List<Category> categories(Campaign campaign) {
		return jdbc
			.sql("""
					select id, campaign_id, code, name, short_name, host_units, description, rules::text as rules, sort_order,
					       changed_by_admin, version, rubric_changed_by_admin, rubric_version,
					       review_rounds_changed_by_admin, review_rounds_version
					from campaign_category where campaign_id = ? order by sort_order, id
					""")
			.param(campaign.id())
			.query(this::category)
			.list();
	}

	public Optional<Category> category(Campaign campaign, String code) {
		return categories(campaign).stream().filter(category -> category.code().equals(code)).findFirst();
	}

	/**
	 * Issue 12 item 5: the rubric experts score the category's works by, empty when the
	 * category has none (a national sub-project whose host units review it elsewhere).
	 */
	public Optional<Rubric> rubric(long categoryId) {
		List<RubricCriterion> criteria = jdbc.sql("""
				select id, code, name, max_points, guidance, sort_order
				from rubric_criterion where category_id = ? order by sort_order, id
				""").param(categoryId).query(RUBRIC_CRITERION).list();
		return criteria.isEmpty() ? Optional.empty() : Optional.of(new Rubric(categoryId, criteria));
	}

	/**
	 * Issue 12 item 2: the review rounds of the category, first round first; empty when
	 * the category is not reviewed on this platform.
	 */
	public List<ReviewRound> reviewRounds(long categoryId) {
		return jdbc.sql("""
				select id, category_id, code, name, round_order, entry_rule, entry_number, experts_per_work, starts_on,
				       ends_on
				from review_round where category_id = ? order by round_order
				""").param(categoryId).query(REVIEW_ROUND).list();
	}

	/**
	 * Issue 12 item 6: the review rounds of every category of the campaign, by category
	 * id, first round first, in one query (a campaign's progress page); categories
	 * without rounds are missing.
	 */
	public Map<Long, List<ReviewRound>> reviewRoundsByCategory(Campaign campaign) {
		return jdbc.sql("""
				select r.id, r.category_id, r.code, r.name, r.round_order, r.entry_rule, r.entry_number,
				       r.experts_per_work, r.starts_on, r.ends_on
				from review_round r join campaign_category c on c.id = r.category_id
				where c.campaign_id = ? order by r.category_id, r.round_order
				""")
			.param(campaign.id())
			.query(REVIEW_ROUND)
			.list()
			.stream()
			.collect(Collectors.groupingBy(ReviewRound::categoryId, LinkedHashMap::new, Collectors.toList()));
	}

	/**
	 * Issue 12 item 6: the rubric of every category of the campaign that has one, by
	 * category id, in one query.
	 */
	public Map<Long, Rubric> rubricsByCategory(Campaign campaign) {
		Map<Long, List<RubricCriterion>> criteria = new LinkedHashMap<>();
		jdbc.sql("""
				select r.category_id, r.id, r.code, r.name, r.max_points, r.guidance, r.sort_order
				from rubric_criterion r join campaign_category c on c.id = r.category_id
				where c.campaign_id = ? order by r.category_id, r.sort_order, r.id
				""")
			.param(campaign.id())
			.query((rs, n) -> criteria.computeIfAbsent(rs.getLong("category_id"), id -> new ArrayList<>())
				.add(RUBRIC_CRITERION.mapRow(rs, n)))
			.list();
		Map<Long, Rubric> rubrics = new LinkedHashMap<>();
		criteria.forEach((categoryId, list) -> rubrics.put(categoryId, new Rubric(categoryId, list)));
		return rubrics;
	}

	/**
	 * Issue 12 item 3: one review round by its id, for the review module, which keeps its
	 * pools and assignments per round; empty when there is none.
	 */
	public Optional<ReviewRound> reviewRound(long roundId) {
		return jdbc.sql("""
				select id, category_id, code, name, round_order, entry_rule, entry_number, experts_per_work, starts_on,
				       ends_on
				from review_round where id = ?
				""").param(roundId).query(REVIEW_ROUND).optional();
	}

	/**
	 * A category by its id, whichever campaign it belongs to; empty when there is none.
	 */
	public Optional<Category> findCategory(long categoryId) {
		return jdbc
			.sql("""
					select id, campaign_id, code, name, short_name, host_units, description, rules::text as rules, sort_order,
					       changed_by_admin, version, rubric_changed_by_admin, rubric_version,
					       review_rounds_changed_by_admin, review_rounds_version
					from campaign_category where id = ?
					""")
			.param(categoryId)
			.query(this::category)
			.optional();
	}

	/**
	 * Issue 12 items 6 and 7: how the campaign ranks the works of its review rounds
	 * (tie-breaks in order, the ranking figure, the outlier threshold, the optional vote
	 * combination); {@link ReviewResultRules#DEFAULT} when its file gives none.
	 */
	public ReviewResultRules reviewResultRules(long campaignId) {
		return jdbc.sql("""
				select tie_breaks, basis, outlier_threshold, expert_percent, vote_percent
				from campaign_review_rules where campaign_id = ?
				""").param(campaignId).query(REVIEW_RESULT_RULES).optional().orElse(ReviewResultRules.DEFAULT);
	}

	/**
	 * Issue 12 item 7: the award levels a review round hands out, best first; empty for a
	 * round that only selects works for the next one.
	 */
	public List<AwardLevel> awardLevels(long roundId) {
		return jdbc.sql("""
				select code, name, award_count from review_award_level where round_id = ? order by sort_order
				""")
			.param(roundId)
			.query((rs, n) -> new AwardLevel(rs.getString("code"), rs.getString("name"), rs.getInt("award_count")))
			.list();
	}

	/** The newest text of each declaration. */
	public List<Declaration> declarations(Campaign campaign) {
		return jdbc.sql("""
				select distinct on (code) id, code, text_version, title, body, sort_order
				from campaign_declaration where campaign_id = ? order by code, text_version desc
				""")
			.param(campaign.id())
			.query((rs, n) -> new Declaration(rs.getLong("id"), rs.getString("code"), rs.getInt("text_version"),
					rs.getString("title"), rs.getString("body"), rs.getInt("sort_order")))
			.list()
			.stream()
			.sorted(Comparator.comparingInt(Declaration::sortOrder).thenComparing(Declaration::id))
			.toList();
	}

	public List<Allocation> allocations(Campaign campaign) {
		return jdbc
			.sql("""
					select a.organisation_id, o.code, o.name, o.short_name, o.path, a.events, a.sort_order, a.changed_by_admin
					from event_allocation a join organisation_unit o on o.id = a.organisation_id
					where a.campaign_id = ? order by a.sort_order, o.sort_order, o.id
					""")
			.param(campaign.id())
			.query((rs, n) -> new Allocation(rs.getLong("organisation_id"), rs.getString("code"), rs.getString("name"),
					rs.getString("short_name"), rs.getString("path"), rs.getInt("events"), rs.getInt("sort_order"),
					rs.getBoolean("changed_by_admin")))
			.list();
	}

	public int allocationTotal(Campaign campaign) {
		return allocations(campaign).stream().mapToInt(Allocation::events).sum();
	}

	public List<Target> targets(Campaign campaign) {
		return jdbc.sql("select metric, target, changed_by_admin from campaign_target where campaign_id = ?")
			.param(campaign.id())
			.query((rs, n) -> new Target(TargetMetric.valueOf(rs.getString("metric")), rs.getLong("target"),
					rs.getBoolean("changed_by_admin")))
			.list()
			.stream()
			.sorted(Comparator.comparing(Target::metric))
			.toList();
	}

	/** The applied versions of the campaign's definition file, newest first. */
	public List<DefinitionVersion> definitionVersions(Campaign campaign) {
		if (campaign.definitionSource() == null) {
			return List.of();
		}
		return jdbc.sql("""
				select id, source, version, content_hash, outcome, conflicts, applied_at
				from campaign_definition where source = ? order by version desc
				""")
			.param(campaign.definitionSource())
			.query((rs, n) -> new DefinitionVersion(rs.getLong("id"), rs.getString("source"), rs.getInt("version"),
					rs.getString("content_hash"), DefinitionOutcome.valueOf(rs.getString("outcome")),
					json.readConflicts(rs.getString("conflicts")),
					rs.getObject("applied_at", java.time.OffsetDateTime.class)))
			.list();
	}

	private List<Campaign> query(String sql, Map<String, ?> params) {
		List<CampaignRow> rows = jdbc.sql(sql).params(params).param("demo", demoEnabled).query(Campaigns::row).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Phase>> phases = jdbc
			.sql("""
					select campaign_id, id, kind, name, description, starts_on, ends_on, sort_order, changed_by_admin, version
					from campaign_phase where campaign_id in (:ids) order by sort_order, starts_on, id
					""")
			.param("ids", rows.stream().map(CampaignRow::id).toList())
			.query((rs, n) -> Map.entry(rs.getLong("campaign_id"), PHASE.mapRow(rs, n)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return rows.stream().map(row -> row.toCampaign(phases.getOrDefault(row.id(), List.of()))).toList();
	}

	private Category category(ResultSet rs, int n) throws SQLException {
		return new Category(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("code"), rs.getString("name"),
				rs.getString("short_name"), rs.getString("host_units"), rs.getString("description"),
				json.readRules(rs.getString("rules")), rs.getInt("sort_order"), rs.getBoolean("changed_by_admin"),
				rs.getInt("version"), rs.getBoolean("rubric_changed_by_admin"), rs.getInt("rubric_version"),
				rs.getBoolean("review_rounds_changed_by_admin"), rs.getInt("review_rounds_version"));
	}

	private static CampaignRow row(ResultSet rs, int n) throws SQLException {
		return new CampaignRow(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
				rs.getString("short_title"), rs.getInt("year"), rs.getString("document_number"),
				rs.getLong("host_organisation_id"), rs.getString("host_code"), rs.getString("host_name"),
				rs.getString("host_path"), rs.getString("organisers"), ZoneId.of(rs.getString("time_zone")),
				rs.getString("summary"), rs.getString("contact"), rs.getString("platform_note"),
				rs.getObject("feeds_campaign_id", Long.class), rs.getObject("copied_from_id", Long.class),
				rs.getString("definition_source"), rs.getObject("definition_version", Integer.class),
				rs.getBoolean("demo"), rs.getBoolean("changed_by_admin"), rs.getInt("version"));
	}

	private record CampaignRow(long id, String code, String title, String shortTitle, int year, String documentNumber,
			long hostId, String hostCode, String hostName, String hostPath, String organisers, ZoneId timeZone,
			String summary, String contact, String platformNote, Long feedsId, Long copiedFromId, String source,
			Integer definitionVersion, boolean demo, boolean changedByAdmin, int version) {

		Campaign toCampaign(List<Phase> phases) {
			return new Campaign(id, code, title, shortTitle, year, documentNumber, hostId, hostCode, hostName, hostPath,
					organisers, timeZone, summary, contact, platformNote, feedsId, copiedFromId, source,
					definitionVersion, demo, changedByAdmin, version, phases);
		}
	}

}
