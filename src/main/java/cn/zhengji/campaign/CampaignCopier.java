package cn.zhengji.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies a campaign with everything it defines (phases, categories with rules, rubrics
 * and review rounds, declarations, allocations, targets) under a new code, moving every
 * phase and round date by the same rule. The copy is not tied to a definition file and
 * feeds no campaign: both are decisions for the admin.
 */
@Component
class CampaignCopier {

	private final JdbcClient jdbc;

	private final Clock clock;

	CampaignCopier(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException if the code is taken
	 * (campaign_code_uq)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	long copy(Campaign source, String code, String title, int year, boolean demo, UnaryOperator<LocalDate> moveDate) {
		long id = jdbc
			.sql("""
					insert into campaign (code, title, short_title, year, document_number, host_organisation_id, organisers,
					    time_zone, summary, contact, platform_note, copied_from_id, demo, created_at, updated_at)
					select :code, :title, replace(short_title, cast(year as text), cast(:year as text)), :year, document_number,
					       host_organisation_id, organisers, time_zone, summary, contact, platform_note, id, :demo, :at, :at
					from campaign where id = :source
					returning id
					""")
			.param("code", code)
			.param("title", title)
			.param("year", year)
			.param("demo", demo)
			.param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("source", source.id())
			.query(Long.class)
			.single();
		for (Phase phase : source.phases()) {
			jdbc.sql("""
					insert into campaign_phase (campaign_id, kind, name, description, starts_on, ends_on, sort_order)
					values (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(id, phase.kind().name(), phase.name(), phase.description(), moveDate.apply(phase.startsOn()),
						phase.endsOn() == null ? null : moveDate.apply(phase.endsOn()), phase.sortOrder())
				.update();
		}
		jdbc.sql(
				"""
						insert into campaign_category (campaign_id, code, name, short_name, host_units, description, rules, sort_order)
						select ?, code, name, short_name, host_units, description, rules, sort_order
						from campaign_category where campaign_id = ?
						""")
			.params(id, source.id())
			.update();
		jdbc.sql("""
				insert into rubric_criterion (category_id, code, name, max_points, guidance, sort_order)
				select target.id, r.code, r.name, r.max_points, r.guidance, r.sort_order
				from rubric_criterion r
				join campaign_category source on source.id = r.category_id and source.campaign_id = ?
				join campaign_category target on target.code = source.code and target.campaign_id = ?
				""").params(source.id(), id).update();
		List<ReviewRoundCopy> rounds = jdbc.sql("""
				select target.id as category_id, r.code, r.name, r.round_order, r.entry_rule, r.entry_number,
				       r.experts_per_work, r.starts_on, r.ends_on
				from review_round r
				join campaign_category source on source.id = r.category_id and source.campaign_id = ?
				join campaign_category target on target.code = source.code and target.campaign_id = ?
				""")
			.params(source.id(), id)
			.query((rs, n) -> new ReviewRoundCopy(rs.getLong("category_id"), rs.getString("code"), rs.getString("name"),
					rs.getInt("round_order"), rs.getString("entry_rule"), rs.getObject("entry_number", Integer.class),
					rs.getInt("experts_per_work"), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("ends_on", LocalDate.class)))
			.list();
		for (ReviewRoundCopy round : rounds) {
			jdbc.sql("""
					insert into review_round (category_id, code, name, round_order, entry_rule, entry_number,
					    experts_per_work, starts_on, ends_on)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(round.categoryId(), round.code(), round.name(), round.order(), round.entryRule(),
						round.entryNumber(), round.expertsPerWork(), moveDate.apply(round.startsOn()),
						moveDate.apply(round.endsOn()))
				.update();
		}
		jdbc.sql("""
				insert into review_award_level (round_id, code, name, award_count, sort_order)
				select target_round.id, l.code, l.name, l.award_count, l.sort_order
				from review_award_level l
				join review_round source_round on source_round.id = l.round_id
				join campaign_category source on source.id = source_round.category_id and source.campaign_id = ?
				join campaign_category target on target.code = source.code and target.campaign_id = ?
				join review_round target_round on target_round.category_id = target.id
				     and target_round.code = source_round.code
				""").params(source.id(), id).update();
		jdbc.sql("""
				insert into campaign_review_rules (campaign_id, tie_breaks, basis, outlier_threshold, expert_percent,
				    vote_percent, changed_by_admin)
				select ?, tie_breaks, basis, outlier_threshold, expert_percent, vote_percent, changed_by_admin
				from campaign_review_rules where campaign_id = ?
				""").params(id, source.id()).update();
		jdbc.sql("""
				insert into campaign_declaration (campaign_id, code, text_version, title, body, sort_order, created_at)
				select ?, code, text_version, title, body, sort_order, created_at
				from campaign_declaration where campaign_id = ?
				""").params(id, source.id()).update();
		jdbc.sql("""
				insert into event_allocation (campaign_id, organisation_id, events, sort_order)
				select ?, organisation_id, events, sort_order from event_allocation where campaign_id = ?
				""").params(id, source.id()).update();
		jdbc.sql("""
				insert into campaign_target (campaign_id, metric, target)
				select ?, metric, target from campaign_target where campaign_id = ?
				""").params(id, source.id()).update();
		return id;
	}

	private record ReviewRoundCopy(long categoryId, String code, String name, int order, String entryRule,
			Integer entryNumber, int expertsPerWork, LocalDate startsOn, LocalDate endsOn) {
	}

}
