package cn.zhengji.approval;

import java.time.LocalDate;

import cn.zhengji.submission.EntryState;

/**
 * R-X-2 What an admin's list of entries is narrowed to. Every field is optional; the
 * actor's scope always applies on top.
 *
 * @param organisationId a unit in the actor's subtree: its entries and those of every
 * unit below it
 * @param submittedFrom first day (Beijing time) of the submission date, inclusive
 * @param submittedTo last day (Beijing time) of the submission date, inclusive
 * @param text part of the title or of the submitting unit's name
 * @param waitingAt only entries waiting in the approval chain at this organisation (a
 * queue)
 */
public record WorklistFilter(Long campaignId, Long categoryId, EntryState state, Long organisationId,
		LocalDate submittedFrom, LocalDate submittedTo, String text, Long waitingAt) {

	/** The queue of an organisation: what waits for its admins. */
	public WorklistFilter waitingAt(long organisationId) {
		return new WorklistFilter(campaignId, categoryId, EntryState.SUBMITTED, this.organisationId, submittedFrom,
				submittedTo, text, organisationId);
	}
}
