package cn.zhengji.account.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.ParticipantKind;
import cn.zhengji.account.ProfileChange.ProfileCommand;

/**
 * 个人资料: the name, and for a participant the identity and the organisation from the
 * cascading picker of registration (the deepest unit chosen).
 */
class ProfileForm {

	private String displayName;

	private ParticipantKind participantKind;

	private List<Long> organisationIds = new ArrayList<>();

	static ProfileForm of(AccountProfile profile) {
		ProfileForm form = new ProfileForm();
		form.displayName = profile.displayName();
		form.participantKind = profile.participantKind();
		form.organisationIds = new ArrayList<>(List.of(profile.organisationId()));
		return form;
	}

	Long chosenOrganisationId() {
		return organisationIds == null ? null
				: organisationIds.stream().filter(Objects::nonNull).reduce((first, second) -> second).orElse(null);
	}

	ProfileCommand toCommand() {
		return new ProfileCommand(displayName, participantKind, chosenOrganisationId());
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public ParticipantKind getParticipantKind() {
		return participantKind;
	}

	public void setParticipantKind(ParticipantKind participantKind) {
		this.participantKind = participantKind;
	}

	public List<Long> getOrganisationIds() {
		return organisationIds;
	}

	public void setOrganisationIds(List<Long> organisationIds) {
		this.organisationIds = organisationIds;
	}

}
