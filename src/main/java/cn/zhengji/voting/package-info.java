/**
 * R-PUB-3 (issue 13 item 4) The public vote (网络投票): a campaign's admins open a vote on a
 * category's approved works for a window ({@link cn.zhengji.voting.VotingSettings});
 * members of the public prove a mobile number by a one-time code and vote from the
 * showcase ({@link cn.zhengji.voting.Ballots}): at most the configured number of votes
 * per voter, work and day (the campaign's day), decided by a unique constraint.
 * Per-address and per-device limits live in PostgreSQL, suspicious traffic must solve a
 * proof of work, and admins see anomalies and void votes with a reason
 * ({@link cn.zhengji.voting.VoteReview}). Implements {@code showcase.WorksInVoting} and
 * {@code review.VoteCounts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Voting",
		allowedDependencies = { "infrastructure", "campaign", "submission", "review", "account", "audit", "showcase" })
package cn.zhengji.voting;
