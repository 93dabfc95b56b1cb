package cn.zhengji.audit;

/** What an audit event records; stored by name (database CHECK audit_event_action_ck). */
public enum AuditAction {

	SIGN_IN_SUCCEEDED, SIGN_IN_FAILED, ACCOUNT_LOCKED, SIGNED_OUT, CREATED, UPDATED, DELETED, IMPORTED, EXPORTED,
	VIEWED_PERSONAL_DATA,
	/**
	 * A file offered to an entry and refused for its format (issue 3); nothing else is
	 * stored.
	 */
	FILE_REJECTED,
	/**
	 * A signed-in user was answered 404 for another unit's object (issue 10); nothing of
	 * the object is recorded.
	 */
	ACCESS_REFUSED,
	/**
	 * A request refused by the URL rules (answered 404 like everything not one's own);
	 * counted per actor and minute (issue 11).
	 */
	ACCESS_DENIED,
	/** A form or API call without a valid CSRF token; counted per actor and minute. */
	CSRF_REJECTED,
	/** Events older than the retention period were removed (issue 11). */
	AUDIT_PURGED,
	/** Stored bytes no longer match their SHA-256 (issue 11 item 9). */
	FILE_CORRUPTED

}
