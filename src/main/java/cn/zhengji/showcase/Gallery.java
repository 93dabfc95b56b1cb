package cn.zhengji.showcase;

import java.util.List;

import cn.zhengji.campaign.Campaign;

/**
 * One page of a campaign's showcase: the filters it offers and was asked for, the final
 * winners of the page, and the works in voting that pass the filters.
 *
 * @param page 1-based
 * @param winnerCount the winners passing the filters, over all pages
 */
public record Gallery(Campaign campaign, GalleryQuery query, List<Option> categories, List<Option> levels,
		List<Option> units, List<ShowcaseWork> winners, int winnerCount, int page, int pageCount,
		List<ShowcaseWork> inVoting) {

	/** A choice of a filter: its value in the query and its label. */
	public record Option(String value, String label) {
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pageCount;
	}

}
