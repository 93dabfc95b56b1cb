package cn.zhengji.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 11 item 6: wrong passwords counted per client address, so that one address
 * guessing across many accounts (which the per-account lockout never sees) is stopped.
 * Counted in PostgreSQL ({@code sign_in_address_failure}, one row per address and
 * minute), so every app node counts the same. The address is the request's remote
 * address, which is a proxy's {@code X-Forwarded-For} only when that proxy is trusted
 * ({@code server.tomcat.remoteip.internal-proxies}).
 */
@Component
class SignInAddressThrottle {

	private static final Duration KEPT = Duration.ofDays(1);

	private static final int MAX_ADDRESS_LENGTH = 64;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	SignInAddressThrottle(JdbcClient jdbc, Clock clock,
			@Value("${zhengji.sign-in.address-max-failures:30}") int maxFailures,
			@Value("${zhengji.sign-in.address-window:15m}") Duration window) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.window = window;
	}

	/** Whether sign-ins from this address are refused before any password is checked. */
	boolean blocks(String address) {
		Instant now = clock.instant();
		Long failures = jdbc.sql("""
				select coalesce(sum(failures), 0) from sign_in_address_failure
				where address = :address and minute > :since
				""")
			.param("address", bounded(address))
			.param("since", now.minus(window).atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		return failures >= maxFailures;
	}

	/**
	 * Counts one failure in the current minute (an upsert: concurrent failures on several
	 * nodes all count) and removes rows older than a day.
	 */
	void countFailure(String address) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into sign_in_address_failure (address, minute, failures) values (:address, :minute, 1)
				on conflict (address, minute) do update set failures = sign_in_address_failure.failures + 1
				""")
			.param("address", bounded(address))
			.param("minute", now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("delete from sign_in_address_failure where minute < :before")
			.param("before", now.minus(KEPT).atOffset(ZoneOffset.UTC))
			.update();
	}

	private static String bounded(String address) {
		String value = address == null ? "" : address;
		return value.length() > MAX_ADDRESS_LENGTH ? value.substring(0, MAX_ADDRESS_LENGTH) : value;
	}

}
