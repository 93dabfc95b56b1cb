package cn.zhengji.campaign.web;

import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRuleValues;

/** The main rule values of a category, as numbers in a form (never raw JSON). */
class CategoryRulesForm {

	private Integer minDurationSeconds;

	private Integer maxDurationSeconds;

	private Integer maxFileSizeMb;

	private Integer maxCharacters;

	private Integer minImages;

	private Integer quotaMax;

	private int version;

	static CategoryRulesForm of(Category category) {
		CategoryRuleValues values = CategoryRuleValues.of(category.rules());
		CategoryRulesForm form = new CategoryRulesForm();
		form.minDurationSeconds = values.minDurationSeconds();
		form.maxDurationSeconds = values.maxDurationSeconds();
		form.maxFileSizeMb = values.maxFileSizeMb();
		form.maxCharacters = values.maxCharacters();
		form.minImages = values.minImages();
		form.quotaMax = values.quotaMax();
		form.version = category.version();
		return form;
	}

	CategoryRuleValues toValues() {
		return new CategoryRuleValues(minDurationSeconds, maxDurationSeconds, maxFileSizeMb, maxCharacters, minImages,
				quotaMax);
	}

	public Integer getMinDurationSeconds() {
		return minDurationSeconds;
	}

	public void setMinDurationSeconds(Integer minDurationSeconds) {
		this.minDurationSeconds = minDurationSeconds;
	}

	public Integer getMaxDurationSeconds() {
		return maxDurationSeconds;
	}

	public void setMaxDurationSeconds(Integer maxDurationSeconds) {
		this.maxDurationSeconds = maxDurationSeconds;
	}

	public Integer getMaxFileSizeMb() {
		return maxFileSizeMb;
	}

	public void setMaxFileSizeMb(Integer maxFileSizeMb) {
		this.maxFileSizeMb = maxFileSizeMb;
	}

	public Integer getMaxCharacters() {
		return maxCharacters;
	}

	public void setMaxCharacters(Integer maxCharacters) {
		this.maxCharacters = maxCharacters;
	}

	public Integer getMinImages() {
		return minImages;
	}

	public void setMinImages(Integer minImages) {
		this.minImages = minImages;
	}

	public Integer getQuotaMax() {
		return quotaMax;
	}

	public void setQuotaMax(Integer quotaMax) {
		this.quotaMax = quotaMax;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
