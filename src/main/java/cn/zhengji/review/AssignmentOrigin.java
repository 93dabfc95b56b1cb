package cn.zhengji.review;

/**
 * How a pair of work and expert came about. Stored by name (database CHECK
 * review_assignment_origin_ck).
 */
public enum AssignmentOrigin {

	/** Given by {@link ExpertAssignment}; a re-run may move it to balance the loads. */
	AUTOMATIC,

	/** Added by an admin by hand: pinned, a re-run keeps it as long as it is allowed. */
	MANUAL

}
