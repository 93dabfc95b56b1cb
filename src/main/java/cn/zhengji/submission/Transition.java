package cn.zhengji.submission;

import java.time.Instant;

import cn.zhengji.submission.EntryTransitioned.Step;

/**
 * R-SUB-1, R-APR-1 One change of an entry's state; {@code from} is null for the creation.
 * @param levelName the level (organisation) of the approval chain that decided, null for the owner's own steps
 * @param decision the level's decision (APPROVED, RECOMMENDED, RETURNED, REJECTED), null for the owner's steps
 * @param remark the opinion or reason given, if any
 */
public record Transition(EntryState from, EntryState to, String actorName, Instant occurredAt, String remark,
		String levelName, Step decision) {
}
