package cn.zhengji.audit;

/**
 * The lists exported to Excel, by the audit target type of their
 * {@link AuditAction#EXPORTED} events: {@code <what one row is>-list}, in the kebab case
 * of the row's own target type. One list may have several exports (the works list and the
 * queue both list entries; the filter tells them apart).
 */
public enum ExportedList {

	ENTRIES("entry-list"), QUOTAS("quota-list"), OFFLINE_EVENTS("offline-event-list"),
	ACTIVITY_PROGRESS("activity-progress-list"), ACCOUNTS("account-list"), AUDIT_EVENTS("audit-event-list"),
	ORGANISATIONS("organisation-list"),
	/**
	 * Issue 12 item 8: the experts' score sheets of a review round (one row per work ×
	 * expert).
	 */
	REVIEW_SHEETS("review-sheet-list"),
	/** Issue 12: a review round's ranking (Excel, and the printable PDF). */
	REVIEW_RANKING("review-ranking-list"),
	/** Issue 13 item 4: the anomalous vote groups of a campaign. */
	VOTE_ANOMALIES("vote-anomaly-list"),
	/**
	 * Issue 14 item 5: a campaign's year-end summary (a workbook of its tables, and the
	 * printable PDF).
	 */
	SUMMARY_TABLES("summary-table-list");

	private final String targetType;

	ExportedList(String targetType) {
		this.targetType = targetType;
	}

	public String targetType() {
		return targetType;
	}

}
