package cn.zhengji.approval;

/**
 * R-APR-1 How much of a category's quota one recommending unit has used.
 *
 * @param allowed the places the unit has (the rule's maximum)
 * @param min the rule's minimum, null where it has none (数字赋能工会: 1–2 per city)
 */
public record QuotaUse(long campaignId, String campaignTitle, long categoryId, String categoryName, long organisationId,
		String organisationName, int used, int allowed, Integer min) {

	public boolean full() {
		return used >= allowed;
	}

	/** Fewer recommendations than the rule asks for at least. */
	public boolean belowMin() {
		return min != null && used < min;
	}
}
