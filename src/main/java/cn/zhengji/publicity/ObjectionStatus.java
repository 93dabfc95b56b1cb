package cn.zhengji.publicity;

/** Where an objection stands. Stored by name (CHECK publicity_objection_status_ck). */
public enum ObjectionStatus {

	/** Filed, not handled yet: it keeps the work from becoming final. */
	PENDING,
	/** Upheld: the award changed to a lower level or was taken away. */
	UPHELD,
	/** Dismissed, with a reason. */
	DISMISSED

}
