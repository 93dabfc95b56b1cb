package cn.zhengji.campaign.web;

import cn.zhengji.campaign.Category;

/**
 * The name and description of a category; {@code version} is the category version the
 * form showed.
 */
class CategoryNameForm {

	private String name;

	private String shortName;

	private String description;

	private int version;

	static CategoryNameForm of(Category category) {
		CategoryNameForm form = new CategoryNameForm();
		form.name = category.name();
		form.shortName = category.shortName();
		form.description = category.description();
		form.version = category.version();
		return form;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getShortName() {
		return shortName;
	}

	public void setShortName(String shortName) {
		this.shortName = shortName;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
