package cn.zhengji.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a session may live: idle, shorter for staff (admins, experts: they see
 * personal data of many people) than for participants; and in total, counted from the
 * sign-in however busy the session is, so that a stolen cookie kept alive by requests
 * still dies.
 */
record SessionLimits(Duration idleTimeout, Duration staffIdleTimeout, Duration absoluteTimeout, Clock clock) {

	Duration idleTimeoutOf(Role role) {
		return role == Role.PARTICIPANT ? idleTimeout : staffIdleTimeout;
	}

	boolean outlived(Instant signedInAt) {
		return clock.instant().isAfter(signedInAt.plus(absoluteTimeout));
	}

	Instant now() {
		return clock.instant();
	}

}
