package cn.zhengji.review.web;

import java.util.ArrayList;
import java.util.List;

import cn.zhengji.campaign.ReviewDefinitions.CriterionInput;
import cn.zhengji.campaign.Rubric;
import cn.zhengji.campaign.RubricCriterion;

/**
 * A category's rubric as the admin edits it: the stored criteria and spare empty rows for
 * new ones; {@code version} is the rubric version the form showed.
 */
public class RubricForm {

	/** Empty rows offered under the stored criteria. */
	static final int SPARE_ROWS = 3;

	private List<Row> criteria = new ArrayList<>();

	private int version;

	static RubricForm of(Rubric rubric, int version) {
		RubricForm form = new RubricForm();
		if (rubric != null) {
			for (RubricCriterion criterion : rubric.criteria()) {
				form.criteria
					.add(new Row(criterion.code(), criterion.name(), criterion.maxPoints(), criterion.guidance()));
			}
		}
		form.version = version;
		return form.withSpareRows();
	}

	RubricForm withSpareRows() {
		long empty = criteria.stream().filter(Row::empty).count();
		for (long i = empty; i < SPARE_ROWS; i++) {
			criteria.add(new Row());
		}
		return this;
	}

	List<CriterionInput> inputs() {
		return criteria.stream()
			.map((row) -> new CriterionInput(row.getCode(), row.getName(), row.getMaxPoints(), row.getGuidance()))
			.toList();
	}

	public List<Row> getCriteria() {
		return criteria;
	}

	public void setCriteria(List<Row> criteria) {
		this.criteria = criteria;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	/** One criterion; an empty code is a new one. */
	public static class Row {

		private String code;

		private String name;

		private Integer maxPoints;

		private String guidance;

		public Row() {
		}

		Row(String code, String name, Integer maxPoints, String guidance) {
			this.code = code;
			this.name = name;
			this.maxPoints = maxPoints;
			this.guidance = guidance;
		}

		boolean empty() {
			return (name == null || name.isBlank()) && maxPoints == null && (guidance == null || guidance.isBlank());
		}

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Integer getMaxPoints() {
			return maxPoints;
		}

		public void setMaxPoints(Integer maxPoints) {
			this.maxPoints = maxPoints;
		}

		public String getGuidance() {
			return guidance;
		}

		public void setGuidance(String guidance) {
			this.guidance = guidance;
		}

	}

}
