/**
 * Dashboards (数据看板) of each level over its own subtree: entries by category, organisation
 * and day, approvals waiting, quota use, offline events against allocation, reach against
 * targets; and the year-end summary (年度总结, R-PUB-4,
 * {@link cn.zhengji.reporting.Summaries}) by unit and category, with approvals per level,
 * awards of locked rounds and public votes, exported as a workbook (through
 * {@code audit.ExcelExports}) and a PDF.
 * <p>
 * A read model: {@link cn.zhengji.reporting.Dashboards} and
 * {@link cn.zhengji.reporting.Summaries} count with SQL aggregates, scoped by the
 * organisation path prefix, over the read-only views the owning modules publish in their
 * migration (V145; issue 14: a module never names another module's table,
 * {@code ModuleTablesTest}): {@code submission_entry_figures} and
 * {@code submission_level_decision} (submission), {@code approval_quota_use} (approval),
 * {@code activity_event_figures} and {@code activity_reach_figures} (activity),
 * {@code review_locked_award} (review), {@code voting_counted_vote} and
 * {@code voting_campaign} (voting), {@code organisation_unit} (organisation),
 * {@code campaign_category_name} and {@code campaign_event_allocation} (campaign). The
 * views are plain projections that PostgreSQL inlines, so the figures must still equal
 * the SQL counts and come back in well under 300 ms over 100 000 entries
 * (docs/performance.md): one {@code group by} per figure does that, whereas going through
 * the modules' APIs would load the entries one by one. A column an owner changes stays
 * its business: it keeps its view's columns (the integration tests insert rows and
 * compare every figure).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
		allowedDependencies = { "infrastructure", "organisation", "account", "campaign", "audit" })
package cn.zhengji.reporting;
