package cn.zhengji.organisation;

/**
 * The kind of a union organisation, which decides where it sits in the approval chain and
 * which category rules (who may submit, quotas per recommending unit) apply to it. Stored
 * by name (database CHECK organisation_kind_ck); Chinese labels are
 * {@code organisation.kind.*} messages.
 */
public enum OrganisationKind {

	/** 中华全国总工会, the root. */
	ALL_CHINA,
	/** 省、自治区、直辖市总工会. */
	PROVINCIAL,
	/** 全国产业工会 (铁路, 民航, 金融, 其他产业). */
	NATIONAL_INDUSTRY,
	/** 设区市总工会, and 平潭综合实验区总工会 which ranks with them. */
	CITY,
	/** 县（市、区）总工会. */
	COUNTY,
	/** 基层工会. */
	GRASSROOTS,
	/** 省直机关工会. */
	PROVINCIAL_ORGAN,
	/** 省级产业（系统）工会. */
	PROVINCIAL_INDUSTRY,
	/** 省总工会直属企业工会. */
	DIRECT_ENTERPRISE;

	/** The kinds an admin may create directly below an organisation of this kind. */
	public java.util.Set<OrganisationKind> allowedChildren() {
		return switch (this) {
			case ALL_CHINA -> java.util.EnumSet.of(PROVINCIAL, NATIONAL_INDUSTRY);
			case PROVINCIAL -> java.util.EnumSet.of(CITY, PROVINCIAL_ORGAN, PROVINCIAL_INDUSTRY, DIRECT_ENTERPRISE);
			case CITY -> java.util.EnumSet.of(COUNTY, GRASSROOTS);
			case COUNTY, NATIONAL_INDUSTRY, PROVINCIAL_ORGAN, PROVINCIAL_INDUSTRY -> java.util.EnumSet.of(GRASSROOTS);
			case DIRECT_ENTERPRISE, GRASSROOTS -> java.util.EnumSet.noneOf(OrganisationKind.class);
		};
	}

}
