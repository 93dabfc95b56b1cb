package cn.zhengji.account;

/**
 * What the audit log keeps of an account before and after a change: never a hash, never a
 * full mobile number.
 */
record AccountSnapshot(long id, String username, String mobileMasked, String displayName, String role,
		String participantKind, long organisationId, boolean mustChangePassword, boolean enabled, boolean demo) {
}
