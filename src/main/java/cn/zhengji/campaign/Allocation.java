package cn.zhengji.campaign;

/** R-ACT-1 The number of offline events allocated to one unit in a campaign. */
public record Allocation(long organisationId, String organisationCode, String organisationName, String shortName,
		String organisationPath, int events, int sortOrder, boolean changedByAdmin) {
}
