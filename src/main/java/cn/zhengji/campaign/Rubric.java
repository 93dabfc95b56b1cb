package cn.zhengji.campaign;

import java.util.List;

/**
 * Issue 12 item 5: the rubric (评分细则) experts score a category's works by. Campaign data:
 * it comes from the definition file like the category's rules, never from code.
 *
 * @param criteria in the order experts see them, never empty
 */
public record Rubric(long categoryId, List<RubricCriterion> criteria) {

	public Rubric {
		criteria = List.copyOf(criteria);
	}

	/**
	 * The top of the scale: the sum of the criteria's maxima (100 for the shipped
	 * rubrics).
	 */
	public int maximum() {
		return criteria.stream().mapToInt(RubricCriterion::maxPoints).sum();
	}

}
