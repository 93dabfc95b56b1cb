package cn.zhengji.account.web;

import cn.zhengji.account.AccountAdministration.NewStaffCommand;
import cn.zhengji.infrastructure.security.Role;

class NewAccountForm {

	private String username;

	private String displayName;

	private Role role = Role.ORG_ADMIN;

	private Long organisationId;

	NewStaffCommand toCommand() {
		return new NewStaffCommand(username, displayName, role, organisationId);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public Long getOrganisationId() {
		return organisationId;
	}

	public void setOrganisationId(Long organisationId) {
		this.organisationId = organisationId;
	}

}
