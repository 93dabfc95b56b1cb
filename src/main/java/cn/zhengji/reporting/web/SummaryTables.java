package cn.zhengji.reporting.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.reporting.Dashboard;
import cn.zhengji.reporting.Summary;
import cn.zhengji.reporting.Summary.Row;

/**
 * The tables of a year-end summary, worded once: the page shows them, the workbook writes
 * one sheet per table and the PDF prints them, so the three never disagree. Also the
 * chart specifications of the page, in the format {@code static/js/dashboard.js} reads.
 */
final class SummaryTables {

	/**
	 * One table.
	 *
	 * @param id the element id on the page (and the chart's name)
	 * @param title the heading, also the worksheet's name (at most 31 characters)
	 * @param rows cells: text or numbers
	 * @param totalRow whether the last row is a total (shown bold)
	 */
	record Table(String id, String title, List<String> headers, List<List<Object>> rows, boolean totalRow) {

		Table {
			headers = List.copyOf(headers);
			rows = List.copyOf(rows);
		}
	}

	private final Texts texts;

	SummaryTables(Texts texts) {
		this.texts = texts;
	}

	List<Table> of(Summary summary) {
		List<Table> tables = new ArrayList<>();
		tables.add(new Table("by-unit", t("summary.byUnit.title"), figureHeaders("summary.unit", summary),
				figureRows(summary.byUnit(), summary.unitTotal(), summary), true));
		tables.add(new Table("by-category", t("summary.byCategory.title"), figureHeaders("summary.category", summary),
				figureRows(summary.byCategory(), summary.categoryTotal(), summary), true));

		List<List<Object>> approvals = new ArrayList<>();
		for (Summary.Approvals row : summary.approvals()) {
			approvals.add(List.of(t("organisation.kind." + row.kind()), row.approved(), row.recommended(),
					row.returned(), row.rejected()));
		}
		tables.add(new Table("approvals", t("summary.approvals.title"),
				List.of(t("summary.approvals.level"), t("summary.approvals.approved"),
						t("summary.approvals.recommended"), t("summary.approvals.returned"),
						t("summary.approvals.rejected")),
				approvals, false));

		List<String> awardHeaders = new ArrayList<>();
		awardHeaders.add(t("summary.category"));
		awardHeaders.addAll(summary.awardLevels());
		awardHeaders.add(t("summary.total"));
		List<List<Object>> awards = new ArrayList<>();
		long[] awardTotals = new long[summary.awardLevels().size() + 1];
		for (Summary.AwardRow row : summary.awards()) {
			List<Object> cells = new ArrayList<>();
			cells.add(row.category());
			for (int i = 0; i < row.counts().size(); i++) {
				cells.add(row.counts().get(i));
				awardTotals[i] += row.counts().get(i);
			}
			cells.add(row.total());
			awardTotals[awardTotals.length - 1] += row.total();
			awards.add(cells);
		}
		List<Object> awardTotal = new ArrayList<>();
		awardTotal.add(t("summary.total"));
		for (long n : awardTotals) {
			awardTotal.add(n);
		}
		awards.add(awardTotal);
		tables.add(new Table("awards", t("summary.awards.title"), awardHeaders, awards, true));

		List<List<Object>> quotas = new ArrayList<>();
		for (Dashboard.Quota row : summary.quotas()) {
			quotas.add(List.of(row.organisation(), row.category(), row.used(), row.allowed()));
		}
		tables.add(new Table("quotas", t("summary.quotas.title"), List.of(t("summary.unit"), t("summary.category"),
				t("summary.quotas.used"), t("summary.quotas.allowed")), quotas, false));

		List<List<Object>> events = new ArrayList<>();
		for (Dashboard.Allocation row : summary.allocations()) {
			events.add(List.of(row.organisation(), row.held(), row.allocated(), percent(row.held(), row.allocated())));
		}
		tables.add(new Table("events", t("summary.events.title"), List.of(t("summary.unit"), t("summary.events.held"),
				t("summary.events.allocated"), t("summary.progress")), events, false));

		List<List<Object>> reach = new ArrayList<>();
		for (Dashboard.Reach row : summary.reach()) {
			reach.add(List.of(t("campaign.target." + row.metric()), row.value(),
					row.target() == null ? t("summary.reach.noTarget") : row.target(),
					row.target() == null ? "—" : percent(row.value(), row.target())));
		}
		tables.add(new Table("reach", t("summary.reach.title"), List.of(t("summary.reach.metric"),
				t("summary.reach.value"), t("summary.reach.target"), t("summary.progress")), reach, false));
		return tables;
	}

	/** Chart name (the table's id) → specification. */
	Map<String, Object> charts(Summary summary) {
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("by-unit", figures(summary.byUnit(), summary));
		charts.put("by-category", figures(summary.byCategory(), summary));
		charts.put("approvals", chart(true,
				summary.approvals().stream().map(row -> t("organisation.kind." + row.kind())).toList(),
				List.of(series(t("summary.approvals.approved"),
						summary.approvals().stream().map(Summary.Approvals::approved).toList(), null),
						series(t("summary.approvals.recommended"),
								summary.approvals().stream().map(Summary.Approvals::recommended).toList(), null),
						series(t("summary.approvals.returned"),
								summary.approvals().stream().map(Summary.Approvals::returned).toList(), null),
						series(t("summary.approvals.rejected"),
								summary.approvals().stream().map(Summary.Approvals::rejected).toList(), null))));
		List<Map<String, Object>> awardSeries = new ArrayList<>();
		for (int i = 0; i < summary.awardLevels().size(); i++) {
			int level = i;
			awardSeries.add(series(summary.awardLevels().get(i),
					summary.awards().stream().map(row -> row.counts().get(level)).toList(), "awards"));
		}
		charts.put("awards", chart(true, summary.awardLevels().isEmpty() ? List.of()
				: summary.awards().stream().map(Summary.AwardRow::category).toList(), awardSeries));
		charts.put("events",
				chart(true, summary.allocations().stream().map(Dashboard.Allocation::organisation).toList(), List.of(
						series(t("summary.events.held"),
								summary.allocations().stream().map(Dashboard.Allocation::held).toList(), null),
						series(t("summary.events.allocated"),
								summary.allocations().stream().map(Dashboard.Allocation::allocated).toList(), null))));
		List<Dashboard.Reach> targeted = summary.reach().stream().filter(row -> row.target() != null).toList();
		charts.put("reach", chart(true, targeted.stream().map(row -> t("campaign.target." + row.metric())).toList(),
				List.of(series(t("summary.reach.value"), targeted.stream().map(Dashboard.Reach::value).toList(), null),
						series(t("summary.reach.target"), targeted.stream().map(Dashboard.Reach::target).toList(),
								null))));
		// A chart without rows (no award levels yet, no targets) is left out: the table
		// says "暂无数据" or holds the figures alone.
		charts.values().removeIf(spec -> ((List<?>) ((Map<?, ?>) spec).get("labels")).isEmpty());
		return charts;
	}

	private List<String> figureHeaders(String first, Summary summary) {
		List<String> headers = new ArrayList<>(List.of(t(first), t("summary.entries"), t("summary.handedIn"),
				t("summary.approved"), t("summary.awarded"), t("summary.recommended"), t("summary.quota")));
		if (summary.votesUsed()) {
			headers.add(t("summary.votes"));
		}
		return headers;
	}

	private List<List<Object>> figureRows(List<Row> rows, Row total, Summary summary) {
		List<List<Object>> cells = new ArrayList<>();
		for (Row row : rows) {
			cells.add(figureRow(row.own() ? t("summary.own", row.label()) : row.label(), row, summary));
		}
		cells.add(figureRow(t("summary.total"), total, summary));
		return cells;
	}

	private static List<Object> figureRow(String label, Row row, Summary summary) {
		List<Object> cells = new ArrayList<>(List.of(label, row.entries(), row.handedIn(), row.approved(),
				row.awarded(), row.recommended(), row.quota()));
		if (summary.votesUsed()) {
			cells.add(row.votes());
		}
		return cells;
	}

	private Map<String, Object> figures(List<Row> rows, Summary summary) {
		List<Map<String, Object>> series = new ArrayList<>();
		series.add(series(t("summary.handedIn"), rows.stream().map(Row::handedIn).toList(), null));
		series.add(series(t("summary.approved"), rows.stream().map(Row::approved).toList(), null));
		series.add(series(t("summary.awarded"), rows.stream().map(Row::awarded).toList(), null));
		return chart(true, rows.stream().map(row -> row.own() ? t("summary.own", row.label()) : row.label()).toList(),
				series);
	}

	private String t(String key, Object... arguments) {
		return texts.text(key, arguments);
	}

	static String percent(long value, long of) {
		if (of == 0) {
			return "—";
		}
		return BigDecimal.valueOf(value * 100L).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP) + "%";
	}

	private static Map<String, Object> chart(boolean horizontal, List<String> labels,
			List<Map<String, Object>> series) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("kind", "bar");
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

}
