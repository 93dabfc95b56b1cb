package cn.zhengji.voting;

import java.time.Instant;

/**
 * The vote of a category's works: open from {@code opensAt} (inclusive) to
 * {@code closesAt} (exclusive).
 *
 * @param roundId the review round whose results combine these votes, or null
 * @param votesPerDay how often a voter may vote for one work on one day of the campaign
 * @param weight what one vote counts
 * @param countsPublic whether the counts are shown while the vote runs (otherwise after
 * it closed)
 */
public record VoteSetting(long id, long campaignId, long categoryId, Long roundId, Instant opensAt, Instant closesAt,
		int votesPerDay, int weight, boolean countsPublic) {

	public boolean isOpenAt(Instant at) {
		return !at.isBefore(opensAt) && at.isBefore(closesAt);
	}

	/** Whether the counts may be shown to the public at this instant. */
	public boolean showsCountsAt(Instant at) {
		return countsPublic || !at.isBefore(closesAt);
	}

}
