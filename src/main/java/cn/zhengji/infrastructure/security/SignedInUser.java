package cn.zhengji.infrastructure.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in session. Carries what every module needs to scope a query:
 * the role and the organisation's materialized path ({@code /1/14/}), so that "my
 * subtree" is a prefix.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	/**
	 * Sessions are stored in PostgreSQL (issue 11 item 3) and outlive a deployment: a
	 * fixed version lets a session written by the previous release still be read after a
	 * field is added.
	 */
	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final String loginName;

	private final String displayName;

	private final Role role;

	private final long organisationId;

	private final String organisationPath;

	private final String organisationName;

	private final boolean mustChangePassword;

	private final boolean locked;

	private final boolean enabled;

	private String passwordHash;

	public SignedInUser(long accountId, String loginName, String displayName, Role role, long organisationId,
			String organisationPath, String organisationName, String passwordHash, boolean mustChangePassword,
			boolean locked, boolean enabled) {
		this.accountId = accountId;
		this.loginName = loginName;
		this.displayName = displayName;
		this.role = role;
		this.organisationId = organisationId;
		this.organisationPath = organisationPath;
		this.organisationName = organisationName;
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChangePassword;
		this.locked = locked;
		this.enabled = enabled;
	}

	/** The signed-in user of the current request, if any. */
	public static Optional<SignedInUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public SignedInUser withPasswordChanged() {
		return new SignedInUser(accountId, loginName, displayName, role, organisationId, organisationPath,
				organisationName, null, false, locked, enabled);
	}

	/**
	 * Whether this user administers the organisation with the given path: the platform
	 * admin administers all, an organisation admin its own organisation and everything
	 * below it.
	 */
	public boolean administers(String path) {
		return switch (role) {
			case PLATFORM_ADMIN -> true;
			case ORG_ADMIN -> path != null && path.startsWith(organisationPath);
			default -> false;
		};
	}

	/**
	 * The path prefix of everything this admin may see: {@code "/"} (all) for the
	 * platform admin, its organisation's path for an organisation admin. Use in SQL as
	 * {@link cn.zhengji.infrastructure.database.Subtree#administeredBy}. Non-admins get a
	 * prefix that matches nothing.
	 */
	public String adminScope() {
		return switch (role) {
			case PLATFORM_ADMIN -> "/";
			case ORG_ADMIN -> organisationPath;
			default -> "#none#";
		};
	}

	public boolean isPlatformAdmin() {
		return role == Role.PLATFORM_ADMIN;
	}

	public boolean isAdmin() {
		return role.isAdmin();
	}

	public long accountId() {
		return accountId;
	}

	public String loginName() {
		return loginName;
	}

	public String displayName() {
		return displayName;
	}

	public Role role() {
		return role;
	}

	public long organisationId() {
		return organisationId;
	}

	public String organisationPath() {
		return organisationPath;
	}

	public String organisationName() {
		return organisationName;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(role.authority());
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return loginName;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser that && that.accountId == accountId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(accountId);
	}

	@Override
	public String toString() {
		return "SignedInUser[" + accountId + ", " + role + "]";
	}

}
