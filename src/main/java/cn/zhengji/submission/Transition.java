package cn.zhengji.submission;

import java.time.Instant;

import cn.zhengji.submission.EntryTransitioned.Step;

/**
 * R-SUB-1, R-APR-1 One step of an entry's history, named by what was done and who did it;
 * {@code from} is null for the creation.
 *
 * @param levelName the level (organisation) of the approval chain that decided, null for
 * the owner's own steps
 * @param step the step taken: the owner's (CREATED, SUBMITTED, RECALLED, WITHDRAWN) or a
 * level's decision (APPROVED, RECOMMENDED, RETURNED, REJECTED)
 * @param remark the opinion or reason given, if any
 */
public record Transition(EntryState from, EntryState to, String actorName, Instant occurredAt, String remark,
		String levelName, Step step) {

	/** Whether a level of the approval chain took this step (else the owner did). */
	public boolean byLevel() {
		return levelName != null;
	}
}
