package cn.zhengji.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The content of a definition file ({@code campaigns/*.yaml}); codes refer to
 * organisations and campaigns.
 */
record CampaignDefinition(String code, String title, String shortTitle, int year, String documentNumber, String host,
		String organisers, String timeZone, String feeds, String summary, String contact, String platformNote,
		List<PhaseDefinition> phases, List<DeclarationDefinition> declarations, List<CategoryDefinition> categories,
		List<AllocationDefinition> allocations, Map<TargetMetric, Long> targets,
		ReviewResultsDefinition reviewResults) {

	CampaignDefinition {
		phases = phases == null ? List.of() : phases;
		declarations = declarations == null ? List.of() : declarations;
		categories = categories == null ? List.of() : categories;
		allocations = allocations == null ? List.of() : allocations;
		targets = targets == null ? Map.of() : targets;
	}

	record PhaseDefinition(PhaseKind kind, String name, String description, LocalDate startsOn, LocalDate endsOn) {
	}

	record DeclarationDefinition(String code, int textVersion, String title, String body) {
	}

	/**
	 * @param rubric null when the file gives none: a stored rubric then stays as it is
	 * @param reviewRounds empty when the file gives none: stored rounds then stay as they
	 * are
	 */
	record CategoryDefinition(String code, String name, String shortName, String hostUnits, String description,
			CategoryRules rules, RubricDefinition rubric, List<ReviewRoundDefinition> reviewRounds) {

		CategoryDefinition {
			rules = rules == null ? CategoryRules.none() : rules;
			reviewRounds = reviewRounds == null ? List.of() : reviewRounds;
		}
	}

	record RubricDefinition(List<CriterionDefinition> criteria) {

		RubricDefinition {
			criteria = criteria == null ? List.of() : criteria;
		}
	}

	record CriterionDefinition(String code, String name, int maxPoints, String guidance) {
	}

	/**
	 * A round; its order is its place in the category's list.
	 *
	 * @param awardLevels the levels the round hands out, best first; empty for a round
	 * that only selects for the next one
	 */
	record ReviewRoundDefinition(String code, String name, ReviewRound.EntryRule entryRule, Integer entryNumber,
			int expertsPerWork, LocalDate startsOn, LocalDate endsOn, List<AwardLevelDefinition> awardLevels) {

		ReviewRoundDefinition {
			awardLevels = awardLevels == null ? List.of() : List.copyOf(awardLevels);
		}
	}

	record AwardLevelDefinition(String code, String name, int count) {
	}

	/**
	 * How the campaign ranks its rounds; null when the file gives none (the stored rules,
	 * or the defaults of {@link ReviewResultRules#DEFAULT}, stay).
	 */
	record ReviewResultsDefinition(List<String> tieBreaks, String basis, java.math.BigDecimal outlierThreshold,
			VoteDefinition votes) {
	}

	record VoteDefinition(int expertPercent, int votePercent) {
	}

	record AllocationDefinition(String unit, int events) {
	}
}
