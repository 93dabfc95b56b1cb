package cn.zhengji.campaign;

/**
 * The rule values a platform admin edits in a form rather than as JSON. A null value
 * means the category has no such rule (or "no limit" for the maxima).
 *
 * @param minImages minimum number of images in the category's image slot
 * @param quotaMax maximum per recommending unit of the category's first quota
 */
public record CategoryRuleValues(Integer minDurationSeconds, Integer maxDurationSeconds, Integer maxFileSizeMb,
		Integer maxCharacters, Integer minImages, Integer quotaMax) {

	public static CategoryRuleValues of(CategoryRules rules) {
		var media = rules.primaryMediaSlot();
		return new CategoryRuleValues(media.map(slot -> slot.media().minDurationSeconds()).orElse(null),
				media.map(slot -> slot.media().maxDurationSeconds()).orElse(null),
				media.map(CategoryRules.AttachmentSlot::maxFileSizeMb).orElse(null),
				rules.limitedTextField().map(CategoryRules.TextField::maxCharacters).orElse(null),
				rules.imageSlot().map(CategoryRules.AttachmentSlot::minCount).orElse(null),
				rules.quotas().isEmpty() ? null : rules.quotas().getFirst().max());
	}
}
