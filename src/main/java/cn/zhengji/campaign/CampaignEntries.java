package cn.zhengji.campaign;

import java.time.Instant;
import java.util.Optional;

/**
 * What a campaign's admins may no longer change because works were handed in: the entries
 * of a campaign or a category, as the module that owns entries (submission) counts them.
 * Campaign administration asks before it changes a category, a phase or the host, so that
 * no change invalidates a work already in the approval chain. The campaign module defines
 * it; it never depends on submission.
 */
public interface CampaignEntries {

	/** The works of one category. */
	Count inCategory(long categoryId);

	/** The works of the whole campaign. */
	Count inCampaign(long campaignId);

	/**
	 * The first and the last instant a work of the campaign now handed in was submitted.
	 */
	Optional<Span> handedInBetween(long campaignId);

	/**
	 * @param handedIn works submitted and not drafts again nor withdrawn (in the chain,
	 * returned, approved or rejected)
	 * @param total every work, drafts and withdrawn ones included
	 */
	record Count(long handedIn, long total) {
	}

	record Span(Instant first, Instant last) {
	}

}
