package cn.zhengji.reporting.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.reporting.Dashboard;
import cn.zhengji.reporting.Dashboard.Breakdown;

/**
 * The chart specifications of a dashboard, read by {@code static/js/dashboard.js}: a
 * plain description (labels, series, stacking, orientation) that the script turns into
 * ECharts options, so that every label is already in Chinese and every number is one of
 * the tables'.
 */
final class DashboardCharts {

	private final Texts texts;

	DashboardCharts(Texts texts) {
		this.texts = texts;
	}

	/** Chart name → specification (a JSON-ready map). */
	Map<String, Object> of(Dashboard dashboard) {
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("byCategory", stacked(dashboard.byCategory()));
		charts.put("byUnit", stacked(dashboard.byUnit()));
		charts.put("byDay",
				chart("line", false, dashboard.byDay().stream().map(day -> day.day().toString().substring(5)).toList(),
						List.of(series(texts.text("reporting.byDay.count"),
								dashboard.byDay().stream().map(Dashboard.Day::handedIn).toList(), null))));
		charts.put("waiting", chart("bar", false,
				dashboard.waiting().stream().map(row -> texts.text("organisation.kind." + row.kind())).toList(),
				List.of(series(texts.text("reporting.chart.waiting"),
						dashboard.waiting().stream().map(Dashboard.Waiting::entries).toList(), null),
						withSecondAxis(series(texts.text("reporting.chart.average"),
								dashboard.waiting().stream().map(Dashboard.Waiting::averageDays).toList(), null)))));
		charts.put("quota",
				chart("bar", true,
						dashboard.quotas().stream().map(row -> row.organisation() + " · " + row.category()).toList(),
						List.of(series(texts.text("reporting.chart.used"),
								dashboard.quotas().stream().map(Dashboard.Quota::used).toList(), null),
								series(texts.text("reporting.chart.allowed"),
										dashboard.quotas().stream().map(Dashboard.Quota::allowed).toList(), null))));
		charts.put("events",
				chart("bar", true, dashboard.allocations().stream().map(Dashboard.Allocation::organisation).toList(),
						List.of(series(texts.text("reporting.chart.held"),
								dashboard.allocations().stream().map(Dashboard.Allocation::held).toList(), null),
								series(texts.text("reporting.chart.allocated"),
										dashboard.allocations().stream().map(Dashboard.Allocation::allocated).toList(),
										null))));
		return charts;
	}

	/**
	 * Rows by state, stacked; states without any entry in these rows are left out of the
	 * legend.
	 */
	private Map<String, Object> stacked(List<Breakdown> rows) {
		List<Map<String, Object>> series = new ArrayList<>();
		for (int i = 0; i < Dashboard.STATES.size(); i++) {
			int state = i;
			List<Long> data = rows.stream().map(row -> row.counts().get(state)).toList();
			if (data.stream().anyMatch(count -> count > 0)) {
				series.add(series(texts.text("reporting.state." + Dashboard.STATES.get(state)), data, "entries"));
			}
		}
		return chart("bar", true,
				rows.stream().map(row -> row.own() ? texts.text("reporting.own") : row.label()).toList(), series);
	}

	private static Map<String, Object> chart(String kind, boolean horizontal, List<String> labels,
			List<Map<String, Object>> series) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("kind", kind);
		chart.put("horizontal", horizontal);
		chart.put("labels", labels);
		chart.put("series", series);
		return chart;
	}

	private static Map<String, Object> series(String name, List<? extends Number> data, String stack) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("data", data);
		if (stack != null) {
			series.put("stack", stack);
		}
		return series;
	}

	/**
	 * A series drawn against a second value axis (on the right), e.g. days next to
	 * counts.
	 */
	private static Map<String, Object> withSecondAxis(Map<String, Object> series) {
		series.put("axis", 1);
		return series;
	}

}
