package cn.zhengji;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the views the modules publish for each other (V145, see
 * {@link ModuleTablesTest}) are read-only for the platform, and reading through one costs
 * what reading the table costs: PostgreSQL inlines them, so the plan of a dashboard
 * statement over the views is the plan of the same statement over the tables (same nodes,
 * same relations, same indexes).
 */
@ZhengjiTest
class PublishedViewsIntegrationTest {

	static final List<String> VIEWS = List.of("organisation_unit", "account_name", "campaign_title",
			"campaign_category_name", "campaign_declaration_title", "campaign_event_allocation", "campaign_award_level",
			"submission_entry_figures", "submission_level_decision", "approval_quota_use", "activity_event_figures",
			"activity_reach_figures", "review_locked_award", "voting_campaign", "voting_counted_vote");

	private static final Pattern PLAN_FACT = Pattern
		.compile("\"(Node Type|Relation Name|Index Name|Join Type)\": \"([^\"]+)\"");

	@Autowired
	JdbcClient jdbc;

	@Test
	void theViewsAreReadOnlyForThePlatform() {
		assertThat(jdbc.sql("select count(*) from pg_views where schemaname = 'public' and viewname in (:views)")
			.param("views", VIEWS)
			.query(Integer.class)
			.single()).isEqualTo(VIEWS.size());
		boolean owner = jdbc.sql("select viewowner = current_user from pg_views where viewname = 'organisation_unit'")
			.query(Boolean.class)
			.single();
		Assumptions.assumeFalse(owner, "the platform runs as the schema owner: there is no role to separate");
		for (String view : VIEWS) {
			assertThat(privileges(view)).as(view)
				.containsExactly("SELECT=true", "INSERT=false", "UPDATE=false", "DELETE=false");
		}
	}

	@Test
	void aDashboardCountThroughTheViewsIsPlannedAsOverTheTables() {
		String overViews = """
				select e.category_id, o.child, e.state, count(*) as n
				from submission_entry_figures e
				join (select id, case when id = 1 then 0 else split_part(substr(path, 4), '/', 1)::bigint end as child
				      from organisation_unit where path like '/1/%') o on o.id = e.organisation_id
				where e.campaign_id = 1 and e.organisation_path like '/1/%'
				group by 1, 2, 3
				""";
		String overTables = overViews.replace("submission_entry_figures", "entry")
			.replace("organisation_unit", "organisation");
		assertThat(plan(overViews)).isEqualTo(plan(overTables)).contains("Relation Name=entry");
	}

	@Test
	void theSummarysAwardsAndVotesThroughTheViewsArePlannedAsOverTheTables() {
		assertThat(plan("""
				select e.category_id, a.level_name, count(*) from review_locked_award a
				join submission_entry_figures e on e.id = a.entry_id
				where e.campaign_id = 1 and e.organisation_path like '/1/%' group by 1, 2
				""")).isEqualTo(plan("""
				select e.category_id, l.name, count(*) from review_award a
				join review_round_lock k on k.round_id = a.round_id
				join review_award_level l on l.round_id = a.round_id and l.code = a.level_code
				join entry e on e.id = a.entry_id
				where e.campaign_id = 1 and e.organisation_path like '/1/%' group by 1, 2
				"""));
		assertThat(plan("""
				select e.category_id, sum(v.weight) from voting_counted_vote v
				join submission_entry_figures e on e.id = v.entry_id where e.campaign_id = 1 group by 1
				""")).isEqualTo(plan("""
				select e.category_id, sum(v.weight) from vote v
				join entry e on e.id = v.entry_id where e.campaign_id = 1 and v.voided_at is null group by 1
				"""));
	}

	private List<String> privileges(String view) {
		List<String> privileges = new ArrayList<>();
		for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
			privileges.add(privilege + "="
					+ jdbc.sql("select has_table_privilege(current_user, :view, :privilege)")
						.param("view", view)
						.param("privilege", privilege)
						.query(Boolean.class)
						.single());
		}
		return privileges;
	}

	/** The plan's nodes, relations, indexes and join types, in order. */
	private List<String> plan(String sql) {
		String json = String.join("\n", jdbc.sql("explain (costs off, format json) " + sql).query(String.class).list());
		List<String> facts = new ArrayList<>();
		Matcher fact = PLAN_FACT.matcher(json);
		while (fact.find()) {
			facts.add(fact.group(1) + "=" + fact.group(2));
		}
		return facts;
	}

}
