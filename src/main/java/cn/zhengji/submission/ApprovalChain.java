package cn.zhengji.submission;

import java.util.List;

import cn.zhengji.campaign.Category;

/**
 * R-APR-1 The levels an entry passes on its way up the organisation tree. The approval
 * module owns the rule (which organisations, up to which host, where approving is a
 * recommendation) and implements this interface; {@link EntryLifecycle} asks it when it
 * applies a level's decision, so that the entry's own module writes every transition
 * without knowing the rule.
 */
public interface ApprovalChain {

	/**
	 * The levels of the entry's chain, from the submitting organisation up to the top, in
	 * order.
	 */
	List<Level> levels(Entry entry, Category category);

	/**
	 * @param recommends whether approving at this level is a recommendation (推荐), which
	 * holds a place of the level's quota where the category has one
	 */
	record Level(long organisationId, String name, boolean recommends) {
	}

}
