package cn.zhengji.campaign;

/**
 * R-CAM-4/5 A category (征集项目) of a campaign, or a national sub-project, with its
 * structured rules.
 *
 * @param hostUnits the units that run a national sub-project (承办单位), null for Fujian
 * categories
 */
public record Category(long id, long campaignId, String code, String name, String shortName, String hostUnits,
		String description, CategoryRules rules, int sortOrder, boolean changedByAdmin, int version) {
}
