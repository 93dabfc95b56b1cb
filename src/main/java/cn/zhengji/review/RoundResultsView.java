package cn.zhengji.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhengji.campaign.AwardLevel;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.review.ReviewResults.AwardProposal;
import cn.zhengji.review.ReviewResults.BoundaryConflict;
import cn.zhengji.review.ReviewResults.Result;
import cn.zhengji.review.ReviewResults.TieBreak;
import cn.zhengji.submission.ReviewedWork;

/**
 * The results of one round as its admin page and exports show them.
 *
 * @param tieBreaks the campaign's tie-breaks, in order
 * @param result figures, ranking, outliers and unscored works ({@link ReviewResults})
 * @param works title, unit and submission time of every work of the round, by id
 * @param scaleMaximum the rubric's maximum total
 * @param voteCounts the vote column's counts, null when the round shows none
 * @param votePercents expert and vote percent when there is a vote column, else null
 * @param levels the round's award levels, best first (empty: the round selects for the
 * next one)
 * @param proposal the levels {@link ReviewResults#proposeAwards} proposes
 * @param awards the levels the admins gave, by entry id (level code)
 * @param lockedAt when the round was locked, null while it is open
 * @param nextRound the category's next round, null for the last round
 * @param advancing the works the next round takes from this ranking (empty without one)
 */
public record RoundResultsView(ReviewRound round, Category category, Campaign campaign, List<TieBreak> tieBreaks,
		Result result, Map<Long, ReviewedWork> works, BigDecimal scaleMaximum, Map<Long, Long> voteCounts,
		int[] votePercents, List<AwardLevel> levels, AwardProposal proposal, Map<Long, String> awards, Instant lockedAt,
		ReviewRound nextRound, Set<Long> advancing) {

	public boolean locked() {
		return lockedAt != null;
	}

	public boolean voteColumn() {
		return voteCounts != null;
	}

	public boolean lastRound() {
		return nextRound == null;
	}

	public ReviewedWork work(long entryId) {
		return works.get(entryId);
	}

	/** The name of a level code, the code itself for a level the campaign dropped. */
	public String levelName(String code) {
		if (code == null) {
			return null;
		}
		return levels.stream()
			.filter((level) -> level.code().equals(code))
			.map(AwardLevel::name)
			.findFirst()
			.orElse(code);
	}

	/** Level code to name, for {@link BoundaryConflict#messageArguments(Map)}. */
	public Map<String, String> levelNames() {
		return levels.stream().collect(java.util.stream.Collectors.toMap(AwardLevel::code, AwardLevel::name));
	}

	/** The stored level of a work, null for none. */
	public String awardOf(long entryId) {
		return awards.get(entryId);
	}

	/**
	 * Tied groups across a level boundary none of whose works has a level yet: the page
	 * asks the admin to decide them, and the lock page says they go without an award if
	 * left so.
	 */
	public List<BoundaryConflict> openConflicts() {
		return proposal.conflicts()
			.stream()
			.filter((conflict) -> conflict.workIds().stream().noneMatch(awards::containsKey))
			.toList();
	}

	/**
	 * Ranks whose tied works have different levels stored (one has a level, another
	 * another or none): a tie is never split, so these block the lock.
	 */
	public List<Integer> splitTies() {
		Map<Integer, Set<String>> levelsByRank = new java.util.TreeMap<>();
		result.ranking()
			.stream()
			.filter(ReviewResults.Row::tied)
			.forEach((row) -> levelsByRank.computeIfAbsent(row.rank(), (rank) -> new java.util.HashSet<>())
				.add(String.valueOf(awards.get(row.workId()))));
		return levelsByRank.entrySet().stream().filter((e) -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
	}

}
