package cn.zhengji.activity;

import cn.zhengji.infrastructure.database.Subtree;

/**
 * R-ACT-1/2/3 The roll-up of offline events and reach figures up the union tree, in one
 * place. The reporting module's dashboards run the same roll-up over the views this
 * module publishes (V145: {@code activity_event_figures},
 * {@code activity_reach_figures}), never over its tables.
 *
 * <p>
 * A unit's figure is the sum over the unit itself and every union below it: rows whose
 * {@code organisation_path} starts with the unit's path. Paths are materialized
 * ({@code /1/14/203/}) and hold only digits and slashes, so the prefix needs no LIKE
 * escaping ({@link Subtree}), and {@code offline_event_campaign_path_ix} /
 * {@code unit_reach_campaign_path_ix} ({@code text_pattern_ops}) answer it. Events of a
 * grassroots union below a county below 福州 therefore count for that county, 福州 and 福建,
 * and never for 厦门. An admin sees the rows of units inside its own scope ({@code :scope}
 * = the pattern of {@code Subtree.administeredBy(actor)}, the whole tree for the platform
 * admin).
 *
 * <p>
 * One source of truth across campaigns: an event or a reach figure belongs to the
 * campaign it was reported in, and a campaign's figures are drawn from
 * {@code :campaigns}, itself and every campaign feeding it ({@code Campaigns.rollUpIds}).
 * An event of a Fujian union in the Fujian campaign therefore counts for 福建's row of the
 * national allocation, once; Fujian's unions do not report in the national campaign
 * ({@link ActivityPolicy#reportsIn}).
 *
 * <p>
 * ENTERPRISES_OR_EVENTS of the national targets is not entered: it is the event count.
 * WORKERS_REACHED is the participants of the events plus what units entered as reached
 * otherwise.
 */
final class RollUp {

	/**
	 * Events of one unit and every union below it, and their participants. Parameters:
	 * {@code :campaigns}, {@code :path}.
	 */
	static final String EVENTS_UNDER = """
			select count(*) as events, coalesce(sum(e.participants), 0) as participants from offline_event e
			where e.campaign_id in (:campaigns) and\s""" + Subtree.sql("e.organisation_path", "path") + "\n";

	/**
	 * Every unit with an allocation in the campaign inside the scope, in the allocation
	 * table's order: its allocation and the events of its subtree. Parameters:
	 * {@code :campaign} (whose allocation table), {@code :campaigns}, {@code :scope}.
	 */
	static final String ALLOCATED_UNITS = """
			select o.id, o.name, coalesce(o.short_name, o.name) as short_name, o.path, a.events as allocated,
			       (select count(*) from offline_event e
			        where e.campaign_id in (:campaigns) and\s"""
			+ Subtree.sqlBelowColumn("e.organisation_path", "o.path") + """
					) as reported
					from campaign_event_allocation a join organisation_unit o on o.id = a.organisation_id
					where a.campaign_id = :campaign and\s""" + Subtree.sql("o.path", "scope") + """

					order by a.sort_order, o.sort_order, o.id
					""";

	/**
	 * The reach figures entered by the units of a subtree, summed per metric. Parameters:
	 * {@code :campaigns}, {@code :scope}.
	 */
	static final String REACH_UNDER = """
			select r.metric, sum(r.value) as total from unit_reach r
			where r.campaign_id in (:campaigns) and\s""" + Subtree.sql("r.organisation_path", "scope") + """

			group by r.metric
			""";

	private RollUp() {
	}

}
