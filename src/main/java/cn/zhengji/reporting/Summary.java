package cn.zhengji.reporting;

import java.util.List;

/**
 * R-PUB-4 The year-end summary (年度总结) of one campaign, seen from one organisation
 * ({@code unit}) over its subtree: every figure is a count or sum straight from the
 * database at the moment of the request, read in one snapshot.
 *
 * @param byUnit one row per direct child of the unit (each rolled up over its subtree),
 * the unit's own entries first ({@code own = true})
 * @param unitTotal the whole subtree (the province's total on the host's summary)
 * @param byCategory one row per category of the campaign
 * @param categoryTotal the whole subtree, summed over the categories
 * @param approvals decisions of the approval chain, by the kind of organisation that took
 * them, from the bottom of the chain up
 * @param awardLevels the names of the award levels of the campaign's locked rounds, best
 * first: the columns of {@link AwardRow#counts()}
 * @param awards awards of locked rounds per category, by level
 * @param quotas recommendation quotas of the units in the subtree
 * @param allocations offline events held against the allocation of each allocated unit
 * @param reach reach figures against the campaign's targets (R-ACT-3)
 * @param votesUsed whether the campaign has a public vote on any category
 */
public record Summary(long campaignId, String campaignCode, String campaignTitle, long unitId, String unitName,
		List<Row> byUnit, Row unitTotal, List<Row> byCategory, Row categoryTotal, List<Approvals> approvals,
		List<String> awardLevels, List<AwardRow> awards, List<Dashboard.Quota> quotas,
		List<Dashboard.Allocation> allocations, List<Dashboard.Reach> reach, boolean votesUsed) {

	public Summary {
		byUnit = List.copyOf(byUnit);
		byCategory = List.copyOf(byCategory);
		approvals = List.copyOf(approvals);
		awardLevels = List.copyOf(awardLevels);
		awards = List.copyOf(awards);
		quotas = List.copyOf(quotas);
		allocations = List.copyOf(allocations);
		reach = List.copyOf(reach);
	}

	/**
	 * One row of the tables by unit and by category.
	 *
	 * @param id the organisation or category id (0 for a total)
	 * @param own for the rows by unit: the unit's own entries (本级)
	 * @param entries every entry, drafts and withdrawn ones included
	 * @param handedIn entries handed in and not withdrawn (drafts and withdrawn ones left
	 * out)
	 * @param approved entries approved by the top of the chain, reviewed ones included
	 * (APPROVED, AWARDED, NOT_AWARDED, IN_PUBLICITY, AWARD_FINAL)
	 * @param awarded entries with an award (AWARDED, IN_PUBLICITY, AWARD_FINAL)
	 * @param recommended places of recommendation quotas taken (quotas of units in the
	 * row's subtree, or of the row's category)
	 * @param quota places of recommendation quotas allowed
	 * @param votes counted (not voided) public votes, weighted
	 */
	public record Row(long id, String label, boolean own, long entries, long handedIn, long approved, long awarded,
			long recommended, long quota, long votes) {
	}

	/**
	 * Decisions taken at one kind of level; each counts entries (an entry approved twice
	 * at the same kind of level, after a return, counts once).
	 *
	 * @param kind the organisation kind (its name, e.g. {@code CITY})
	 */
	public record Approvals(String kind, long approved, long recommended, long returned, long rejected) {
	}

	/**
	 * @param counts one count per level of {@link Summary#awardLevels()}, in that order
	 */
	public record AwardRow(long categoryId, String category, List<Long> counts, long total) {

		public AwardRow {
			counts = List.copyOf(counts);
		}
	}

}
