package cn.zhengji.notification.web;

import cn.zhengji.notification.Announcement;
import cn.zhengji.notification.AnnouncementDraft;

/**
 * An announcement as the admin edits it; {@code version} is the version the form showed.
 */
class AnnouncementForm {

	private String title;

	private String body;

	private Long campaignId;

	private int version;

	static AnnouncementForm of(Announcement announcement) {
		AnnouncementForm form = new AnnouncementForm();
		form.title = announcement.title();
		form.body = announcement.body();
		form.campaignId = announcement.campaignId();
		form.version = announcement.version();
		return form;
	}

	AnnouncementDraft toDraft() {
		return new AnnouncementDraft(title, body, campaignId);
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public Long getCampaignId() {
		return campaignId;
	}

	public void setCampaignId(Long campaignId) {
		this.campaignId = campaignId;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
