package cn.zhengji.submission.web;

import cn.zhengji.submission.Entry;
import cn.zhengji.submission.Nomination;
import cn.zhengji.submission.NominationInput;

/**
 * The edit page: the title, the nomination form of 附件4 (good-netizen) and the entry's
 * version. The texts come as request parameters {@code text:<field>} or
 * {@code text:<field>:<section index>}, one per field or section of the category. Mobile
 * and ID number are never filled in from storage (the page shows them masked beside the
 * field): left empty they keep the stored values; after a refusal they show what was
 * typed.
 */
public class EntryForm {

	private Integer version;

	private String title;

	private String name;

	private String sex;

	private String birthMonth;

	private String politicalStatus;

	private String accountName;

	private String platform;

	private String followers;

	private String unitAndPosition;

	private String mobile;

	private String idNumber;

	private String profile;

	private String reasons;

	static EntryForm of(Entry entry, Nomination nomination) {
		EntryForm form = new EntryForm();
		form.version = entry.version();
		form.title = entry.title();
		if (nomination != null) {
			form.name = nomination.name();
			form.sex = nomination.sex();
			form.birthMonth = nomination.birthMonth() == null ? null : nomination.birthMonth().toString();
			form.politicalStatus = nomination.politicalStatus();
			form.accountName = nomination.accountName();
			form.platform = nomination.platform();
			form.followers = nomination.followers();
			form.unitAndPosition = nomination.unitAndPosition();
			form.profile = nomination.profile();
			form.reasons = nomination.reasons();
		}
		return form;
	}

	NominationInput toNomination() {
		return new NominationInput(name, sex, birthMonth, politicalStatus, accountName, platform, followers,
				unitAndPosition, mobile, idNumber, profile, reasons);
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getSex() {
		return sex;
	}

	public void setSex(String sex) {
		this.sex = sex;
	}

	public String getBirthMonth() {
		return birthMonth;
	}

	public void setBirthMonth(String birthMonth) {
		this.birthMonth = birthMonth;
	}

	public String getPoliticalStatus() {
		return politicalStatus;
	}

	public void setPoliticalStatus(String politicalStatus) {
		this.politicalStatus = politicalStatus;
	}

	public String getAccountName() {
		return accountName;
	}

	public void setAccountName(String accountName) {
		this.accountName = accountName;
	}

	public String getPlatform() {
		return platform;
	}

	public void setPlatform(String platform) {
		this.platform = platform;
	}

	public String getFollowers() {
		return followers;
	}

	public void setFollowers(String followers) {
		this.followers = followers;
	}

	public String getUnitAndPosition() {
		return unitAndPosition;
	}

	public void setUnitAndPosition(String unitAndPosition) {
		this.unitAndPosition = unitAndPosition;
	}

	public String getMobile() {
		return mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public String getIdNumber() {
		return idNumber;
	}

	public void setIdNumber(String idNumber) {
		this.idNumber = idNumber;
	}

	public String getProfile() {
		return profile;
	}

	public void setProfile(String profile) {
		this.profile = profile;
	}

	public String getReasons() {
		return reasons;
	}

	public void setReasons(String reasons) {
		this.reasons = reasons;
	}

}
