package cn.zhengji.infrastructure.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
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

	/** The authority of a passed TOTP second factor, with the time it was passed. */
	public static final String TOTP_AUTHORITY = "FACTOR_TOTP";

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

	/**
	 * When this session last passed the second factor (issue 11 item 4); null until it
	 * has. Kept in the principal so that the session carries it and a step-up can ask how
	 * recent it is.
	 */
	private final Instant secondFactorAt;

	public SignedInUser(long accountId, String loginName, String displayName, Role role, long organisationId,
			String organisationPath, String organisationName, String passwordHash, boolean mustChangePassword,
			boolean locked, boolean enabled) {
		this(accountId, loginName, displayName, role, organisationId, organisationPath, organisationName, passwordHash,
				mustChangePassword, locked, enabled, null);
	}

	private SignedInUser(long accountId, String loginName, String displayName, Role role, long organisationId,
			String organisationPath, String organisationName, String passwordHash, boolean mustChangePassword,
			boolean locked, boolean enabled, Instant secondFactorAt) {
		this.secondFactorAt = secondFactorAt;
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
				organisationName, null, false, locked, enabled, secondFactorAt);
	}

	/** The same session's principal after it passed the second factor at {@code at}. */
	public SignedInUser withSecondFactor(Instant at) {
		return new SignedInUser(accountId, loginName, displayName, role, organisationId, organisationPath,
				organisationName, passwordHash, mustChangePassword, locked, enabled, at);
	}

	/**
	 * A reloaded principal (after a profile change) keeps the second factor this session
	 * already passed.
	 */
	public SignedInUser withSecondFactorOf(SignedInUser previous) {
		return previous.secondFactorAt == null ? this : withSecondFactor(previous.secondFactorAt);
	}

	/** Whether this session still has to pass the second factor before anything else. */
	public boolean secondFactorPending() {
		return role.requiresSecondFactor() && secondFactorAt == null;
	}

	/** When this session last passed the second factor, if it has. */
	public Optional<Instant> secondFactorAt() {
		return Optional.ofNullable(secondFactorAt);
	}

	/**
	 * Whether this user administers the organisation with the given path: the platform
	 * admin administers all, an organisation admin its own organisation and everything
	 * below it.
	 */
	public boolean administers(String path) {
		return switch (role) {
			case PLATFORM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> true;
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
			case PLATFORM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> "/";
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
		List<GrantedAuthority> authorities = new ArrayList<>(List.of(role.authority()));
		if (secondFactorAt != null) {
			authorities.add(FactorGrantedAuthority.withAuthority(TOTP_AUTHORITY).issuedAt(secondFactorAt).build());
		}
		return authorities;
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
