package cn.zhengji.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issue 11 item 4: the actions that ask for the second factor again (step-up) when the
 * session's last one is older than {@code zhengji.second-factor.step-up} (default 5
 * minutes): revealing or exporting personal data in full, giving an account a role, and
 * resetting another account. Called by the module that owns the action, before it does
 * anything.
 */
@Component
public class StepUp {

	private final Clock clock;

	private final Duration window;

	StepUp(Clock clock, @Value("${zhengji.second-factor.step-up:PT5M}") Duration window) {
		this.clock = clock;
		this.window = window;
	}

	/**
	 * @throws SecondFactorRequired the actor needs a second factor and its last one is
	 * older than the window (or there is none)
	 */
	public void require(SignedInUser actor) {
		if (!actor.role().requiresSecondFactor()) {
			return;
		}
		Instant passed = actor.secondFactorAt().orElse(null);
		if (passed == null || passed.plus(window).isBefore(clock.instant())) {
			throw new SecondFactorRequired();
		}
	}

	public Duration window() {
		return window;
	}

}
