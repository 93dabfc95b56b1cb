package cn.zhengji.campaign;

/**
 * Issue 12 item 7: an award level a review round hands out (一等奖, 二等奖 …), campaign data of
 * the round (review_award_level).
 *
 * @param code the level's code, kept with each award (e.g. FIRST)
 * @param name its Chinese name as pages, exports and the entry's history show it
 * @param count how many works it goes to
 */
public record AwardLevel(String code, String name, int count) {
}
