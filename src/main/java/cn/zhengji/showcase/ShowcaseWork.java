package cn.zhengji.showcase;

import cn.zhengji.submission.PublicWork;

/**
 * A card of the gallery: the work, its category, its award level (null for a work in
 * voting without one), its unit and its picture.
 *
 * @param thumbnailUrl an image of the work to show on the card, or null
 * @param video whether the work is a video (the card shows a player icon when it has no
 * image)
 * @param audio whether the work is a recording
 */
public record ShowcaseWork(long id, String title, String categoryName, String levelName, String unitName,
		boolean inVoting, String thumbnailUrl, boolean video, boolean audio) {

	static ShowcaseWork of(PublicWork work, String categoryName, String levelName, boolean inVoting,
			String thumbnailUrl, boolean video, boolean audio) {
		return new ShowcaseWork(work.id(), work.title(), categoryName, levelName, work.organisationName(), inVoting,
				thumbnailUrl, video, audio);
	}

}
