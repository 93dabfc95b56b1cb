package cn.zhengji.campaign;

import java.math.BigDecimal;
import java.util.List;

/**
 * Issue 12 items 6 and 7: how a campaign ranks the works of its review rounds, campaign
 * data from the definition file ({@code reviewResults}, stored in campaign_review_rules).
 * The review module turns the names into its own types; the campaign module only keeps
 * them (the database CHECK lists the allowed names).
 *
 * @param tieBreaks names of the review module's tie-breaks, in the order they decide
 * ({@link #TIE_BREAKS})
 * @param basis RAW_MEAN or NORMALISED: the figure that ranks
 * @param outlierThreshold how many points a score may lie from the work's median before
 * it is flagged
 * @param expertPercent the experts' weight when combined with a public vote, null without
 * a vote
 * @param votePercent the vote's weight, null without a vote
 */
public record ReviewResultRules(List<String> tieBreaks, String basis, BigDecimal outlierThreshold,
		Integer expertPercent, Integer votePercent) {

	/**
	 * The names the campaign accepts, the constants of the review module's
	 * {@code ReviewResults.TieBreak} (a test there keeps the two lists equal).
	 */
	public static final List<String> TIE_BREAKS = List.of("HIGHER_HIGHEST_CRITERION", "EARLIER_SUBMISSION",
			"HIGHER_EXPERT_SCORE", "MORE_VOTES");

	/** The figures that may rank. */
	public static final List<String> BASES = List.of("RAW_MEAN", "NORMALISED");

	/**
	 * A campaign whose file says nothing: the higher highest criterion, then the earlier
	 * submission; ranked by the normalised figure (experts see different works, so their
	 * harshness must not decide); outliers beyond 15 points; no vote.
	 */
	public static final ReviewResultRules DEFAULT = new ReviewResultRules(
			List.of("HIGHER_HIGHEST_CRITERION", "EARLIER_SUBMISSION"), "NORMALISED", new BigDecimal("15"), null, null);

	public ReviewResultRules {
		tieBreaks = List.copyOf(tieBreaks);
	}

	/** Whether the campaign combines the experts' figure with a public vote. */
	public boolean combinesVotes() {
		return expertPercent != null && votePercent != null;
	}

}
