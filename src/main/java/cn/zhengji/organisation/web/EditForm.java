package cn.zhengji.organisation.web;

import cn.zhengji.infrastructure.text.ReadableText;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationAdministration;
import org.springframework.validation.Errors;

/**
 * The rename form; {@code version} is the version the admin started editing (optimistic
 * locking).
 */
class EditForm {

	private String name;

	private String shortName;

	private int version;

	static EditForm of(Organisation organisation) {
		EditForm form = new EditForm();
		form.name = organisation.name();
		form.shortName = organisation.shortName();
		form.version = organisation.version();
		return form;
	}

	void validate(Errors errors) {
		if (name == null) {
			errors.rejectValue("name", "organisation.error.nameBlank");
		}
		else if (name.length() > OrganisationAdministration.NAME_MAX_LENGTH) {
			errors.rejectValue("name", "organisation.error.nameTooLong",
					new Object[] { OrganisationAdministration.NAME_MAX_LENGTH }, null);
		}
		// Issue 11 item 10: the platform's one rule for the characters of a name.
		ReadableText.problem(name).ifPresent(problem -> errors.rejectValue("name", problem.messageKey()));
		ReadableText.problem(shortName).ifPresent(problem -> errors.rejectValue("shortName", problem.messageKey()));
		if (shortName != null && shortName.length() > OrganisationAdministration.SHORT_NAME_MAX_LENGTH) {
			errors.rejectValue("shortName", "organisation.error.shortNameTooLong",
					new Object[] { OrganisationAdministration.SHORT_NAME_MAX_LENGTH }, null);
		}
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

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
