package cn.zhengji.campaign.web;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignSettings;

/**
 * What a campaign says about itself, as its admin edits it; {@code version} is the
 * campaign version the form showed.
 */
class CampaignSettingsForm {

	private String title;

	private String shortTitle;

	private String documentNumber;

	private String hostCode;

	private String organisers;

	private String summary;

	private String platformNote;

	private int version;

	static CampaignSettingsForm of(Campaign campaign) {
		CampaignSettingsForm form = new CampaignSettingsForm();
		form.title = campaign.title();
		form.shortTitle = campaign.shortTitle();
		form.documentNumber = campaign.documentNumber();
		form.hostCode = campaign.hostOrganisationCode();
		form.organisers = campaign.organisers();
		form.summary = campaign.summary();
		form.platformNote = campaign.platformNote();
		form.version = campaign.version();
		return form;
	}

	CampaignSettings toSettings() {
		return new CampaignSettings(title, shortTitle, documentNumber, hostCode, organisers, summary, platformNote);
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getShortTitle() {
		return shortTitle;
	}

	public void setShortTitle(String shortTitle) {
		this.shortTitle = shortTitle;
	}

	public String getDocumentNumber() {
		return documentNumber;
	}

	public void setDocumentNumber(String documentNumber) {
		this.documentNumber = documentNumber;
	}

	public String getHostCode() {
		return hostCode;
	}

	public void setHostCode(String hostCode) {
		this.hostCode = hostCode;
	}

	public String getOrganisers() {
		return organisers;
	}

	public void setOrganisers(String organisers) {
		this.organisers = organisers;
	}

	public String getSummary() {
		return summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getPlatformNote() {
		return platformNote;
	}

	public void setPlatformNote(String platformNote) {
		this.platformNote = platformNote;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
