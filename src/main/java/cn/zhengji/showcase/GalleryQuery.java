package cn.zhengji.showcase;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a visitor asked the gallery for; anything unreadable (a page that is no number, an
 * unknown category) counts as not given rather than as an error: a shared link with a
 * stale filter still shows the showcase.
 *
 * @param category a category code, or null for all
 * @param level an award level code, or null for all
 * @param unit the id of a city-level unit (or of a unit without one), or null for all
 * @param q a title fragment, or empty
 * @param page 1-based
 */
public record GalleryQuery(String category, String level, Long unit, String q, int page) {

	/** The longest title fragment searched; longer input is cut (no title is longer). */
	static final int MAX_QUERY = 60;

	public GalleryQuery {
		category = blankToNull(category);
		level = blankToNull(level);
		q = q == null ? "" : q.strip();
		if (q.length() > MAX_QUERY) {
			q = q.substring(0, MAX_QUERY);
		}
		page = Math.max(1, page);
	}

	/** From request parameters as typed: lenient. */
	public static GalleryQuery parse(String category, String level, String unit, String q, String page) {
		return new GalleryQuery(category, level, number(unit), q, number(page) == null ? 1 : number(page).intValue());
	}

	private static Long number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The query as URL parameters for the same filters on another page. */
	public Map<String, String> parameters(int otherPage) {
		Map<String, String> parameters = new TreeMap<>();
		if (category != null) {
			parameters.put("category", category);
		}
		if (level != null) {
			parameters.put("level", level);
		}
		if (unit != null) {
			parameters.put("unit", String.valueOf(unit));
		}
		if (!q.isEmpty()) {
			parameters.put("q", q);
		}
		if (otherPage > 1) {
			parameters.put("page", String.valueOf(otherPage));
		}
		return parameters;
	}

}
