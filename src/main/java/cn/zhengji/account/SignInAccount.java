package cn.zhengji.account;

import java.time.Instant;

import cn.zhengji.infrastructure.security.Role;

/**
 * An account as the sign-in needs it: who it is, where it belongs and whether it may sign
 * in now.
 */
record SignInAccount(long id, String username, String mobileMasked, String displayName, String passwordHash, Role role,
		long organisationId, String organisationPath, String organisationName, boolean mustChangePassword,
		Instant lockedUntil, boolean enabled, boolean demo) {

	/**
	 * Participants have no user name; their masked mobile is what pages and logs show of
	 * them.
	 */
	String loginName() {
		return username != null ? username : mobileMasked;
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
