package cn.zhengji.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * R-CAM-1 A campaign as other modules see it, with its phases in order. Phase questions
 * ("is submission open now?") are answered here in the campaign's own time zone
 * (R-CAM-2), so that no caller compares dates in the server's zone.
 */
public record Campaign(long id, String code, String title, String shortTitle, int year, String documentNumber,
		long hostOrganisationId, String hostOrganisationCode, String hostOrganisationName, String hostOrganisationPath,
		String organisers, ZoneId timeZone, String summary, String contact, String platformNote, Long feedsCampaignId,
		Long copiedFromId, String definitionSource, Integer definitionVersion, boolean demo, boolean changedByAdmin,
		int version, List<Phase> phases) {

	public Campaign {
		phases = List.copyOf(phases);
	}

	public Optional<Phase> phase(PhaseKind kind) {
		return phases.stream().filter(phase -> phase.kind() == kind).findFirst();
	}

	/**
	 * Every phase open at this instant; phases may overlap (review and recommendation in
	 * September).
	 */
	public List<Phase> currentPhases(Instant at) {
		return phases.stream().filter(phase -> phase.isOpenAt(at, timeZone)).toList();
	}

	/** The first phase open at this instant, in timeline order. */
	public Optional<Phase> currentPhase(Instant at) {
		return currentPhases(at).stream().findFirst();
	}

	/** The next phase to open after this instant, for "between phases" moments. */
	public Optional<Phase> nextPhase(Instant at) {
		return phases.stream().filter(phase -> at.isBefore(phase.opensAt(timeZone))).findFirst();
	}

	public boolean isOpen(PhaseKind kind, Instant at) {
		return phase(kind).map(phase -> phase.isOpenAt(at, timeZone)).orElse(false);
	}

	/** Whether participants may submit works now (R-CAM-2, enforced by the server). */
	public boolean acceptsSubmissions(Instant at) {
		return isOpen(PhaseKind.SUBMISSION, at);
	}

	/**
	 * The instant after which no work is accepted any more, if the campaign has a
	 * submission phase with an end.
	 */
	public Optional<Instant> submissionDeadline() {
		return phase(PhaseKind.SUBMISSION).flatMap(phase -> phase.closesAt(timeZone));
	}

	/**
	 * The first day of the campaign (its earliest phase), if it has phases.
	 */
	public Optional<LocalDate> firstDay() {
		return phases.stream().map(Phase::startsOn).min(LocalDate::compareTo);
	}

	/**
	 * The last day of the campaign (the latest end of its phases); empty when it has no
	 * phases or a phase that never closes.
	 */
	public Optional<LocalDate> lastDay() {
		if (phases.isEmpty() || phases.stream().anyMatch(phase -> phase.endsOn() == null)) {
			return Optional.empty();
		}
		return phases.stream().map(Phase::endsOn).max(LocalDate::compareTo);
	}

	/**
	 * Whether a day lies within the campaign's dates (from its first phase to the end of
	 * its last, in its own calendar): what units report about it must have happened then.
	 */
	public boolean runsOn(LocalDate day) {
		return firstDay().map(first -> !day.isBefore(first)).orElse(true)
				&& lastDay().map(last -> !day.isAfter(last)).orElse(true);
	}

	/** Whether this instant falls on a day of the campaign, in its time zone. */
	public boolean runsAt(Instant at) {
		return runsOn(LocalDate.ofInstant(at, timeZone));
	}

	public boolean hasAdminChanges() {
		return changedByAdmin || phases.stream().anyMatch(Phase::changedByAdmin);
	}
}
