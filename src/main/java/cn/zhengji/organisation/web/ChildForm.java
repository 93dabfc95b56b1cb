package cn.zhengji.organisation.web;

import cn.zhengji.infrastructure.text.ReadableText;
import cn.zhengji.organisation.OrganisationAdministration;
import cn.zhengji.organisation.OrganisationAdministration.NewOrganisation;
import cn.zhengji.organisation.OrganisationKind;
import org.springframework.validation.Errors;

/** The add-a-child form. The parent comes from the URL, never from the form. */
class ChildForm {

	private String name;

	private String shortName;

	private OrganisationKind kind;

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
		if (kind == null && !errors.hasFieldErrors("kind")) {
			errors.rejectValue("kind", "organisation.error.kindBlank");
		}
	}

	NewOrganisation toNewOrganisation() {
		return new NewOrganisation(name, shortName, kind);
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

	public OrganisationKind getKind() {
		return kind;
	}

	public void setKind(OrganisationKind kind) {
		this.kind = kind;
	}

}
