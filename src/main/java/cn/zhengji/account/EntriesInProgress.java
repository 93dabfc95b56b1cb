package cn.zhengji.account;

import java.util.List;

/**
 * What the account module asks the module that owns entries before a participant moves to
 * another organisation: each entry goes up the approval chain of the organisation it was
 * created under, so a move is refused while such an entry is unfinished. The submission
 * module implements it (it depends on this module, not the other way round), as approval
 * implements submission's {@code ApprovalChain}.
 */
public interface EntriesInProgress {

	/**
	 * The participant's own entries that are still in progress — drafts, entries in the
	 * approval chain, entries returned to be changed — each named for a person, with its
	 * title and where it stands; empty when there is none.
	 */
	List<String> ownedBy(long accountId);

}
