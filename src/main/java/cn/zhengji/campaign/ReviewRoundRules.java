package cn.zhengji.campaign;

import java.time.LocalDate;
import java.util.Optional;

import cn.zhengji.campaign.ReviewRound.EntryRule;

/**
 * What makes a review round valid within its category and campaign, whoever proposes it:
 * a definition file (the loader names the file and the round in English for whoever edits
 * it) or an admin's form (a Chinese message next to the field). One rule set, two
 * renderings, so that the file and the pages cannot come to disagree.
 */
final class ReviewRoundRules {

	/** The most experts per work (K). */
	static final int MAX_EXPERTS_PER_WORK = 15;

	private ReviewRoundRules() {
	}

	/** The first rule a proposed round breaks, in the order they are checked. */
	enum Problem {

		/** The first round takes the host's approvals: there is no round before. */
		FIRST_TAKES_HOST_APPROVALS,
		/** A later round selects from the round before. */
		LATER_SELECTS_FROM_PREVIOUS,
		/** APPROVED_BY_HOST has no number. */
		HOST_APPROVALS_TAKE_NO_NUMBER,
		/** TOP_N needs how many works enter (1 or more). */
		TOP_N_NEEDS_NUMBER,
		/** TOP_SHARE needs the percentage of works that enter (1 to 100). */
		TOP_SHARE_NEEDS_PERCENTAGE,
		/** K is from 1 to {@link #MAX_EXPERTS_PER_WORK}. */
		EXPERTS_PER_WORK_OUT_OF_RANGE,
		/** The last day is before the first. */
		ENDS_BEFORE_START,
		/** The round lies outside the campaign's REVIEW phase. */
		OUTSIDE_REVIEW_PHASE,
		/** The round starts before the round before has ended. */
		OVERLAPS_PREVIOUS,
		/** The round ends after the round after has started. */
		OVERLAPS_NEXT

	}

	/**
	 * A round as proposed, with what it lies between.
	 *
	 * @param previousEndsOn the last day of the round before, null for the first
	 * @param nextStartsOn the first day of the round after, null for the last
	 * @param reviewEndsOn null when the REVIEW phase has no last day
	 */
	record Proposal(EntryRule entryRule, Integer entryNumber, int expertsPerWork, LocalDate startsOn, LocalDate endsOn,
			boolean first, LocalDate previousEndsOn, LocalDate nextStartsOn, LocalDate reviewStartsOn,
			LocalDate reviewEndsOn) {
	}

	static Optional<Problem> check(Proposal round) {
		if (round.first() && round.entryRule() != EntryRule.APPROVED_BY_HOST) {
			return Optional.of(Problem.FIRST_TAKES_HOST_APPROVALS);
		}
		if (!round.first() && round.entryRule() == EntryRule.APPROVED_BY_HOST) {
			return Optional.of(Problem.LATER_SELECTS_FROM_PREVIOUS);
		}
		Integer number = round.entryNumber();
		if (round.entryRule() == EntryRule.APPROVED_BY_HOST && number != null) {
			return Optional.of(Problem.HOST_APPROVALS_TAKE_NO_NUMBER);
		}
		if (round.entryRule() == EntryRule.TOP_N && (number == null || number < 1)) {
			return Optional.of(Problem.TOP_N_NEEDS_NUMBER);
		}
		if (round.entryRule() == EntryRule.TOP_SHARE && (number == null || number < 1 || number > 100)) {
			return Optional.of(Problem.TOP_SHARE_NEEDS_PERCENTAGE);
		}
		if (round.expertsPerWork() < 1 || round.expertsPerWork() > MAX_EXPERTS_PER_WORK) {
			return Optional.of(Problem.EXPERTS_PER_WORK_OUT_OF_RANGE);
		}
		if (round.endsOn().isBefore(round.startsOn())) {
			return Optional.of(Problem.ENDS_BEFORE_START);
		}
		if (round.startsOn().isBefore(round.reviewStartsOn())
				|| (round.reviewEndsOn() != null && round.endsOn().isAfter(round.reviewEndsOn()))) {
			return Optional.of(Problem.OUTSIDE_REVIEW_PHASE);
		}
		if (round.previousEndsOn() != null && !round.startsOn().isAfter(round.previousEndsOn())) {
			return Optional.of(Problem.OVERLAPS_PREVIOUS);
		}
		if (round.nextStartsOn() != null && !round.endsOn().isBefore(round.nextStartsOn())) {
			return Optional.of(Problem.OVERLAPS_NEXT);
		}
		return Optional.empty();
	}

}
