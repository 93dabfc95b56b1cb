package cn.zhengji.campaign;

import java.util.List;

import cn.zhengji.campaign.CampaignDefinition.CriterionDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a category's rubric is written, whether a definition file or an admin's form
 * changes it: one statement set for both, so that the two cannot drift.
 */
final class RubricRows {

	private RubricRows() {
	}

	/**
	 * Makes the category's criteria exactly these, in this order. Criteria keep their
	 * rows by code, so that what refers to a criterion keeps referring to it; the order
	 * constraint is deferred for the reordering. A criterion left out goes: once scores
	 * refer to it, their foreign key refuses that and the change fails loudly instead of
	 * losing scores.
	 */
	static void replace(JdbcClient jdbc, long categoryId, List<CriterionDefinition> criteria) {
		jdbc.sql("delete from rubric_criterion where category_id = ? and not (code = any (?))")
			.params(categoryId, criteria.stream().map(CriterionDefinition::code).toArray(String[]::new))
			.update();
		int order = 0;
		for (CriterionDefinition criterion : criteria) {
			order++;
			jdbc.sql("""
					insert into rubric_criterion (category_id, code, name, max_points, guidance, sort_order)
					values (?, ?, ?, ?, ?, ?)
					on conflict (category_id, code) do update set name = excluded.name,
					    max_points = excluded.max_points, guidance = excluded.guidance, sort_order = excluded.sort_order
					""")
				.params(categoryId, criterion.code(), criterion.name(), criterion.maxPoints(), criterion.guidance(),
						order)
				.update();
		}
	}

}
