/**
 * Dashboards (数据看板) of each level over its own subtree: entries by category, organisation
 * and day, approvals waiting, quota use, offline events against allocation, reach against
 * targets; and the year-end summary (年度总结, R-PUB-4,
 * {@link cn.zhengji.reporting.Summaries}) by unit and category, with approvals per level,
 * awards of locked rounds and public votes, exported as a workbook (through
 * {@code audit.ExcelExports}) and a PDF.
 * <p>
 * A read model: {@link cn.zhengji.reporting.Dashboards} queries the tables of submission
 * ({@code entry}), approval ({@code entry.pending_organisation_id},
 * {@code recommendation_quota}) and activity ({@code offline_event}, {@code unit_reach})
 * directly with SQL aggregates, scoped by the organisation path prefix, instead of
 * calling those modules. The figures must equal the SQL counts and come back in well
 * under 300 ms over 100 000 entries (docs/performance.md): one {@code group by} per
 * figure does that, whereas going through the modules' APIs would load the entries one by
 * one; and it lets the dashboard be built while those modules are being written. The
 * price is that this module knows those tables' columns: a change of them must be checked
 * here (the integration tests insert rows and compare every figure).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
		allowedDependencies = { "infrastructure", "organisation", "account", "campaign", "audit" })
package cn.zhengji.reporting;
