package cn.zhengji.campaign;

/**
 * What a campaign's admins may no longer change in a review round because the review has
 * begun: the round's experts are assigned. The review module, which owns assignments (and
 * later scores), implements it; campaign asks before it changes a category's rubric or a
 * round, and so never depends on review (the same shape as {@link CampaignEntries}).
 */
public interface ReviewRoundsInUse {

	/** How many (work, expert) pairs the round has assigned; 0 when none. */
	long assignedPairs(long roundId);

}
