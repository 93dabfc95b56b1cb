package cn.zhengji.campaign;

/**
 * What applying a definition file version did. Stored by name (database CHECK
 * campaign_definition_outcome_ck).
 */
public enum DefinitionOutcome {

	/** The campaign did not exist and was created from the file. */
	CREATED,
	/** Every element of the file was applied. */
	APPLIED,
	/**
	 * Applied, except elements admins had changed, which were kept and are listed as
	 * conflicts.
	 */
	APPLIED_WITH_CONFLICTS

}
