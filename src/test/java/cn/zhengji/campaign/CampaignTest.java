package cn.zhengji.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class CampaignTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final Campaign fujian = campaign(
			phase(PhaseKind.SUBMISSION, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 8, 30)),
			phase(PhaseKind.REVIEW, LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 30)),
			phase(PhaseKind.RECOMMENDATION, LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 30)),
			phase(PhaseKind.SUMMARY, LocalDate.of(2024, 11, 1), null));

	@Test
	void acceptsWorksUntilTheEndOfTheLastDayInBeijingTime() {
		assertThat(fujian.acceptsSubmissions(Instant.parse("2024-04-30T15:59:59Z"))).isFalse();
		assertThat(fujian.acceptsSubmissions(Instant.parse("2024-04-30T16:00:00Z"))).isTrue();
		assertThat(fujian.acceptsSubmissions(Instant.parse("2024-08-30T15:59:59Z"))).isTrue();
		assertThat(fujian.acceptsSubmissions(Instant.parse("2024-08-30T16:00:00Z"))).isFalse();
		assertThat(fujian.submissionDeadline()).contains(Instant.parse("2024-08-30T16:00:00Z"));
	}

	@Test
	void overlappingPhasesAreBothCurrentAndGapsHaveANextPhase() {
		Instant september = Instant.parse("2024-09-15T02:00:00Z");
		assertThat(fujian.currentPhases(september)).extracting(Phase::kind)
			.containsExactly(PhaseKind.REVIEW, PhaseKind.RECOMMENDATION);
		assertThat(fujian.currentPhase(september)).map(Phase::kind).contains(PhaseKind.REVIEW);

		Instant october = Instant.parse("2024-10-15T02:00:00Z");
		assertThat(fujian.currentPhase(october)).isEmpty();
		assertThat(fujian.nextPhase(october)).map(Phase::kind).contains(PhaseKind.SUMMARY);
	}

	@Test
	void aPhaseWithoutEndNeverCloses() {
		Instant muchLater = Instant.parse("2030-01-01T00:00:00Z");
		assertThat(fujian.currentPhase(muchLater)).map(Phase::kind).contains(PhaseKind.SUMMARY);
		assertThat(fujian.phase(PhaseKind.SUMMARY).orElseThrow().isOverAt(muchLater, SHANGHAI)).isFalse();
	}

	private static Phase phase(PhaseKind kind, LocalDate startsOn, LocalDate endsOn) {
		return new Phase(kind.ordinal(), kind, kind.name(), null, startsOn, endsOn, kind.ordinal(), false, 0);
	}

	private static Campaign campaign(Phase... phases) {
		return new Campaign(1, "fujian-2024", "活动", null, 2024, null, 1, "fj", "福建省总工会", "/1/14/", "主办", SHANGHAI, null,
				null, null, null, null, null, null, false, false, 0, List.of(phases));
	}

}
