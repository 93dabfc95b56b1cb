package cn.zhengji.account;

import java.time.Instant;

import cn.zhengji.infrastructure.security.Role;

/**
 * An account as other modules and pages may see it: the mobile number only masked.
 *
 * @param participantKind null unless the role is PARTICIPANT
 */
public record AccountProfile(long id, String username, String mobileMasked, String displayName, Role role,
		ParticipantKind participantKind, long organisationId, String organisationName, String organisationPath,
		boolean demo, Instant lastSignInAt) {

	/** What identifies the account at sign-in, as shown on pages. */
	public String loginName() {
		return username != null ? username : mobileMasked;
	}
}
