package cn.zhengji.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough reading of the dashboard's HTML for the tests: rows by id, their cells as
 * text.
 */
record Html(String html) {

	private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

	private static final Pattern HEADER = Pattern.compile("<th[^>]*>(.*?)</th>", Pattern.DOTALL);

	private String element(String id, String tag) {
		int start = html.indexOf("id=\"" + id + "\"");
		if (start < 0) {
			throw new AssertionError("no element with id " + id);
		}
		int end = html.indexOf("</" + tag + ">", start);
		return html.substring(start, end);
	}

	List<String> cells(String rowId) {
		return texts(CELL, element(rowId, "tr"));
	}

	String rowHeader(String rowId) {
		return texts(HEADER, element(rowId, "tr")).get(0);
	}

	/** The column headers of the first table of a section. */
	List<String> headers(String sectionId) {
		String section = element(sectionId, "thead");
		return texts(HEADER, section);
	}

	String stat(String name) {
		String card = element("total-" + name, "div");
		Matcher value = Pattern.compile("<span class=\"stat-value\">([^<]*)</span>").matcher(card);
		return value.find() ? value.group(1) : null;
	}

	int count(String text) {
		int count = 0;
		for (int at = html.indexOf(text); at >= 0; at = html.indexOf(text, at + 1)) {
			count++;
		}
		return count;
	}

	private static List<String> texts(Pattern pattern, String fragment) {
		List<String> texts = new ArrayList<>();
		Matcher matcher = pattern.matcher(fragment);
		while (matcher.find()) {
			texts.add(matcher.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim());
		}
		return texts;
	}
}
