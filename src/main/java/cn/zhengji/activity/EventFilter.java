package cn.zhengji.activity;

import java.time.LocalDate;

/**
 * Which events of a campaign a list or export shows, within the viewer's subtree.
 *
 * @param organisationId a unit of the subtree: its events and those of every union below
 * it; null for all
 * @param text matched in place, enterprise, description and the union's name; null for
 * all
 * @param page 1-based
 */
public record EventFilter(Long organisationId, LocalDate from, LocalDate to, String text, int page) {

	public static final int PAGE_SIZE = 20;

	public EventFilter {
		text = text == null || text.isBlank() ? null : text.strip();
		page = Math.max(1, page);
	}
}
