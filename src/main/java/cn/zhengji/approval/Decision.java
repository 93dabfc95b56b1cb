package cn.zhengji.approval;

import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned.Step;

/**
 * The outcome of one level's decision.
 *
 * @param nextOrganisationId where the entry waits now (null unless it is still in the
 * chain)
 */
public record Decision(long entryId, Step step, EntryState state, Long nextOrganisationId) {
}
