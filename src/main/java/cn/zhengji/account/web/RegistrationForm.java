package cn.zhengji.account.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.zhengji.account.ParticipantKind;
import cn.zhengji.account.Registration.RegistrationCommand;

/**
 * Step 2 of registration. The organisation comes from the cascading picker: one select
 * per level, all named {@code organisationIds}; the deepest one chosen is the
 * organisation.
 */
class RegistrationForm {

	private String code;

	private String displayName;

	private ParticipantKind participantKind;

	private List<Long> organisationIds = new ArrayList<>();

	private String password;

	private String passwordRepeat;

	private boolean agreementAccepted;

	Long chosenOrganisationId() {
		return organisationIds == null ? null
				: organisationIds.stream().filter(Objects::nonNull).reduce((first, second) -> second).orElse(null);
	}

	/**
	 * The mobile is the one the code was sent to, kept in the session, never taken from
	 * the form.
	 */
	RegistrationCommand toCommand(String mobile) {
		return new RegistrationCommand(mobile, code, displayName, participantKind, chosenOrganisationId(), password,
				passwordRepeat, agreementAccepted);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
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

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getPasswordRepeat() {
		return passwordRepeat;
	}

	public void setPasswordRepeat(String passwordRepeat) {
		this.passwordRepeat = passwordRepeat;
	}

	public boolean isAgreementAccepted() {
		return agreementAccepted;
	}

	public void setAgreementAccepted(boolean agreementAccepted) {
		this.agreementAccepted = agreementAccepted;
	}

}
