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
		List<AllocationDefinition> allocations, Map<TargetMetric, Long> targets) {

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

	record CategoryDefinition(String code, String name, String shortName, String hostUnits, String description,
			CategoryRules rules) {

		CategoryDefinition {
			rules = rules == null ? CategoryRules.none() : rules;
		}
	}

	record AllocationDefinition(String unit, int events) {
	}
}
