package cn.zhengji.account;

import cn.zhengji.infrastructure.security.Role;

/** An account about to be stored; the password is already hashed. */
record NewAccount(String username, MobileNumber mobile, String displayName, String passwordHash, Role role,
		ParticipantKind participantKind, long organisationId, boolean mustChangePassword, boolean demo,
		Long createdBy) {
}
