package cn.zhengji.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 4: personal data in full, role grants and resets ask for a second factor
 * passed within the step-up window.
 */
class StepUpTest {

	static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

	final StepUp stepUp = new StepUp(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

	@Test
	void acceptsAFactorPassedWithinTheWindow() {
		assertThatCode(() -> stepUp.require(user(Role.ORG_ADMIN).withSecondFactor(NOW.minusSeconds(299))))
			.doesNotThrowAnyException();
	}

	@Test
	void asksAgainWhenTheFactorIsOlderThanTheWindowOrMissing() {
		assertThatThrownBy(() -> stepUp.require(user(Role.ORG_ADMIN).withSecondFactor(NOW.minusSeconds(301))))
			.isInstanceOf(SecondFactorRequired.class);
		assertThatThrownBy(() -> stepUp.require(user(Role.PLATFORM_ADMIN))).isInstanceOf(SecondFactorRequired.class);
		assertThatThrownBy(() -> stepUp.require(user(Role.EXPERT).withSecondFactor(NOW.minus(Duration.ofHours(1)))))
			.isInstanceOf(SecondFactorRequired.class);
	}

	@Test
	void participantsHaveNoSecondFactorToAskFor() {
		assertThatCode(() -> stepUp.require(user(Role.PARTICIPANT))).doesNotThrowAnyException();
	}

	@Test
	void everyRoleButParticipantsOwesTheFactorAtSignIn() {
		for (Role role : Role.values()) {
			org.assertj.core.api.Assertions.assertThat(user(role).secondFactorPending())
				.as(role.name())
				.isEqualTo(role != Role.PARTICIPANT);
			org.assertj.core.api.Assertions.assertThat(user(role).withSecondFactor(NOW).secondFactorPending())
				.isFalse();
		}
	}

	private static SignedInUser user(Role role) {
		return new SignedInUser(1, "u", "用户", role, 1, "/1/", "组织", null, false, false, true);
	}

}
