package cn.zhengji.approval;

import java.util.Collection;
import java.util.List;

import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.stereotype.Service;

/**
 * R-APR-1 The decisions of the levels of the approval chain. Each method acts for the admin of the
 * organisation at which the entry waits (anyone else gets a 404), in one transaction with the
 * entry's row locked, and records the step in the history and the audit log.
 */
@Service
public class Approvals {

	/**
	 * Approves at the actor's level with an opinion; at a recommending level of the category this
	 * is a recommendation and takes a place of the unit's quota. The first level must answer every
	 * judgement item of the category.
	 */
	public Decision approve(SignedInUser actor, long entryId, int version, String opinion,
			List<JudgementAnswer> answers) {
		throw new UnsupportedOperationException("issue 4");
	}

	/** Sends the entry back to its submitter with a reason; only before the submission deadline. */
	public Decision returnToSubmitter(SignedInUser actor, long entryId, int version, String reason) {
		throw new UnsupportedOperationException("issue 4");
	}

	/** Refuses the entry with a reason; final. */
	public Decision reject(SignedInUser actor, long entryId, int version, String reason) {
		throw new UnsupportedOperationException("issue 4");
	}

	/**
	 * Approves several entries waiting at the actor's level with one opinion, each in its own
	 * transaction; entries with open judgement items (or anything else in the way) are refused
	 * with a message and the rest go through.
	 */
	public BatchOutcome approveAll(SignedInUser actor, Collection<Long> entryIds, String opinion) {
		throw new UnsupportedOperationException("issue 4");
	}
}
