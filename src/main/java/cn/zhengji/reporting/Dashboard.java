package cn.zhengji.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures of one dashboard: one campaign, seen from one organisation ({@code unit})
 * over its subtree. Every number is a count or sum straight from the database at the
 * moment of the request.
 *
 * @param unitId the organisation whose subtree the figures cover
 * @param states the entry states, in the order of the counts of every {@link Breakdown}
 * @param totals the headline figures
 * @param byCategory entries per category of the campaign, by state
 * @param byUnit entries per direct child of the unit, each rolled up over its subtree,
 * the unit's own entries first (as "本级", {@code own = true})
 * @param byDay handed-in entries by the day of their latest hand-in
 * ({@code submitted_at}, in the campaign's time zone), every day of the range present,
 * zeros included
 * @param waiting entries waiting in the approval chain, by the kind of organisation they
 * wait at
 * @param quotas recommendation quotas of the units in the subtree
 * @param allocations offline events held against the allocation of each allocated unit in
 * the subtree (events rolled up over the allocated unit's subtree)
 * @param reach the reach figures summed over the subtree, against the campaign's targets
 */
public record Dashboard(long campaignId, String campaignCode, long unitId, String unitName, List<String> states,
		Totals totals, List<Breakdown> byCategory, List<Breakdown> byUnit, List<Day> byDay, List<Waiting> waiting,
		List<Quota> quotas, List<Allocation> allocations, List<Reach> reach) {

	/** The states an entry can be in (stored by name, database CHECK entry_state_ck). */
	public static final List<String> STATES = List.of("DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "REJECTED",
			"WITHDRAWN");

	public Dashboard {
		states = List.copyOf(states);
		byCategory = List.copyOf(byCategory);
		byUnit = List.copyOf(byUnit);
		byDay = List.copyOf(byDay);
		waiting = List.copyOf(waiting);
		quotas = List.copyOf(quotas);
		allocations = List.copyOf(allocations);
		reach = List.copyOf(reach);
	}

	/**
	 * @param entries every entry of the subtree, drafts and withdrawn ones included
	 * @param handedIn entries handed in and not withdrawn: in review, returned, approved
	 * or rejected
	 * @param inReview entries waiting somewhere in the approval chain
	 * @param waitingHere entries waiting at the unit itself
	 * @param approved entries approved by the top of the chain
	 * @param events offline events held in the subtree
	 */
	public record Totals(long entries, long handedIn, long inReview, long waitingHere, long approved, long events) {
	}

	/**
	 * One row of entries counted by state.
	 *
	 * @param id the category or organisation id
	 * @param own for the rows by unit: the unit's own entries (本级)
	 * @param counts one count per state of {@link Dashboard#STATES}, in that order
	 */
	public record Breakdown(long id, String label, boolean own, List<Long> counts, long total) {

		public Breakdown {
			counts = List.copyOf(counts);
		}

		public long count(String state) {
			return counts.get(STATES.indexOf(state));
		}
	}

	public record Day(LocalDate day, long handedIn) {
	}

	/**
	 * @param kind the organisation kind the entries wait at (its name, e.g.
	 * {@code COUNTY})
	 * @param oldestDays days since the oldest of them started waiting there, one decimal
	 * @param averageDays their average waiting time in days, one decimal
	 */
	public record Waiting(String kind, long entries, double oldestDays, double averageDays) {
	}

	public record Quota(long organisationId, String organisation, long categoryId, String category, int used,
			int allowed) {
	}

	public record Allocation(long organisationId, String organisation, int allocated, long held) {
	}

	/**
	 * @param metric a campaign target metric (its name); ENTERPRISES_OR_EVENTS is the
	 * count of offline events
	 * @param target the campaign's target, or null if it sets none
	 */
	public record Reach(String metric, long value, Long target) {
	}
}
