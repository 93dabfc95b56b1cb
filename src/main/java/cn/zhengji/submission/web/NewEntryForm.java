package cn.zhengji.submission.web;

/** "新建作品": the campaign, the category and a title. */
public class NewEntryForm {

	private String campaign;

	private String category;

	private String title;

	public String getCampaign() {
		return campaign;
	}

	public void setCampaign(String campaign) {
		this.campaign = campaign;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

}
