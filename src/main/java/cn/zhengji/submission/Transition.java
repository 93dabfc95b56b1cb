package cn.zhengji.submission;

import java.time.Instant;

/** R-SUB-1 One change of an entry's state; {@code from} is null for the creation. */
public record Transition(EntryState from, EntryState to, String actorName, Instant occurredAt, String remark) {
}
