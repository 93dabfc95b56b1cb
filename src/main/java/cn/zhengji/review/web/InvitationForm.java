package cn.zhengji.review.web;

import cn.zhengji.account.ExpertInvitations.Invitation;

/** A new expert as the admin types it on a round's pool page. */
public class InvitationForm {

	private String displayName;

	private Long organisationId;

	private String workUnit;

	private String expertise;

	private String mobile;

	Invitation invitation() {
		return new Invitation(displayName, organisationId, workUnit, expertise, mobile);
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public Long getOrganisationId() {
		return organisationId;
	}

	public void setOrganisationId(Long organisationId) {
		this.organisationId = organisationId;
	}

	public String getWorkUnit() {
		return workUnit;
	}

	public void setWorkUnit(String workUnit) {
		this.workUnit = workUnit;
	}

	public String getExpertise() {
		return expertise;
	}

	public void setExpertise(String expertise) {
		this.expertise = expertise;
	}

	public String getMobile() {
		return mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

}
