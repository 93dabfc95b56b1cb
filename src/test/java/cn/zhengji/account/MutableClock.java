package cn.zhengji.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock until a test sets it; then it stands still, or moves when told. */
public class MutableClock extends Clock {

	private volatile Instant fixed;

	public void set(Instant instant) {
		this.fixed = instant;
	}

	public void advance(Duration duration) {
		this.fixed = instant().plus(duration);
	}

	public void useSystemTime() {
		this.fixed = null;
	}

	@Override
	public Instant instant() {
		Instant now = fixed;
		return now != null ? now : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

}
