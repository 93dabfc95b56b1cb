package cn.zhengji.campaign;

import java.time.LocalDate;

/**
 * Issue 12 item 2: a round of expert review of a category (初评, 复评), inside the campaign's
 * REVIEW phase. Rounds of a category run one after the other in {@code order}; the first
 * takes the works the host approved, each later one selects from the results of the round
 * before.
 *
 * @param order 1 for the first round
 * @param entryNumber N for {@link EntryRule#TOP_N}, the percentage for
 * {@link EntryRule#TOP_SHARE}, null for {@link EntryRule#APPROVED_BY_HOST}
 * @param expertsPerWork how many experts score each work (K, 1 to 15)
 */
public record ReviewRound(long id, long categoryId, String code, String name, int order, EntryRule entryRule,
		Integer entryNumber, int expertsPerWork, LocalDate startsOn, LocalDate endsOn) {

	public boolean first() {
		return order == 1;
	}

	/**
	 * Which works enter a round. Stored by name (database CHECK
	 * review_round_entry_rule_ck).
	 */
	public enum EntryRule {

		/** Every work the campaign's host approved (the first round). */
		APPROVED_BY_HOST,
		/** The best {@code entryNumber} works of the round before. */
		TOP_N,
		/** The best {@code entryNumber} percent of the works of the round before. */
		TOP_SHARE;

		/** Whether the rule selects from the round before and so needs a number. */
		public boolean selectsFromPreviousRound() {
			return this != APPROVED_BY_HOST;
		}

	}

}
