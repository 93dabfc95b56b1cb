package cn.zhengji.submission;

/**
 * Issue 12 item 3: an entry the campaign's host approved, as the review module needs it
 * to assign experts: its id and the materialized path of the submitting unit (an expert
 * on that unit's chain may not judge it).
 */
public record ApprovedEntry(long id, String organisationPath) {
}
