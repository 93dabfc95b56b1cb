package cn.zhengji.submission;

import java.time.Instant;

/**
 * Issue 12: an entry as a review round's results list it: its title and submitting unit
 * (for the campaign's admins only), when it was submitted (a tie-break) and where it
 * stands.
 */
public record ReviewedWork(long id, String title, String organisationName, Instant submittedAt, EntryState state) {
}
