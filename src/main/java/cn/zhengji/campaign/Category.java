package cn.zhengji.campaign;

/**
 * R-CAM-4/5 A category (征集项目) of a campaign, or a national sub-project, with its
 * structured rules.
 *
 * @param hostUnits the units that run a national sub-project (承办单位), null for Fujian
 * categories
 * @param changedByAdmin whether an admin changed the name, description or rules
 * @param rubricChangedByAdmin whether an admin changed the {@link Rubric}, which a newer
 * definition file then leaves alone
 * @param reviewRoundsChangedByAdmin the same for the {@link ReviewRound}s
 */
public record Category(long id, long campaignId, String code, String name, String shortName, String hostUnits,
		String description, CategoryRules rules, int sortOrder, boolean changedByAdmin, int version,
		boolean rubricChangedByAdmin, int rubricVersion, boolean reviewRoundsChangedByAdmin, int reviewRoundsVersion) {
}
