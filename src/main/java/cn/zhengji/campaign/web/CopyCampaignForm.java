package cn.zhengji.campaign.web;

/** A new campaign copied from an existing one: its code, title and year. */
class CopyCampaignForm {

	private String code;

	private String title;

	private Integer year;

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

}
