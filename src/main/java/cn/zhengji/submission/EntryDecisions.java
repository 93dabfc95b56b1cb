package cn.zhengji.submission;

import java.time.Instant;
import java.util.Optional;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.submission.EntryTransitioned.Step;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-APR-1 What the approval chain needs of entries, so that it never writes the entry tables itself:
 * the entry with its row locked, and writing a level's decision ({@link Entry#approvedAt},
 * {@link Entry#returnedBy}, {@link Entry#rejectedBy}) with its history row and event. The caller
 * authorises the actor and audits; it runs inside the caller's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class EntryDecisions {

	private final EntryRecords records;

	private final ApplicationEventPublisher events;

	EntryDecisions(EntryRecords records, ApplicationEventPublisher events) {
		this.records = records;
		this.events = events;
	}

	/** The entry, its row locked until the end of the transaction. */
	public Optional<Entry> lock(long entryId) {
		return records.lock(entryId);
	}

	/**
	 * Writes the entry as the level's decision left it, if nobody changed it since
	 * {@code expectedVersion} (else {@link EntryConflict}), the history row naming the level and
	 * the decision, and publishes {@link EntryTransitioned}. A returned entry loses the opinions of
	 * its nomination form (it is judged again after resubmitting).
	 * @param remark the opinion or reason
	 */
	public void record(SignedInUser actor, Entry before, Entry after, int expectedVersion, Step decision,
			long levelOrganisationId, String remark, Instant now) {
		if (!records.update(after, expectedVersion)) {
			throw new EntryConflict(before.id());
		}
		records.insertTransition(before.id(), before.state(), after.state(), actor.accountId(), actor.displayName(),
				now, remark, levelOrganisationId, decision);
		if (after.state() == EntryState.RETURNED) {
			records.clearOpinions(before.id());
		}
		events.publishEvent(new EntryTransitioned(after.id(), after.campaignId(), after.categoryId(), after.title(),
				before.state(), after.state(), decision, levelOrganisationId, after.pendingOrganisationId(),
				after.ownerAccountId(), after.organisationId(), actor.accountId(), actor.displayName(), remark, now));
	}

	/** R-NOM-1 Writes one of the three opinions of the entry's nomination form (nothing without a form). */
	public void recordNominationOpinion(long entryId, NominationOpinion which, String opinion) {
		records.saveOpinion(entryId, which, opinion);
	}
}
