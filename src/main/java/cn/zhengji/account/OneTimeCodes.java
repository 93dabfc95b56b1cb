package cn.zhengji.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit codes sent by SMS to prove a person holds a mobile number. Only a keyed hash
 * of the code is stored. A code lives {@link #VALIDITY}, allows {@value #MAX_ATTEMPTS}
 * guesses, and a number gets at most one code per {@link #RESEND_INTERVAL} and
 * {@value #DAILY_LIMIT} per 24 hours, and one client address at most
 * {@value #ADDRESS_HOURLY_LIMIT} codes per hour, whatever the numbers.
 */
@Component
class OneTimeCodes {

	static final Duration VALIDITY = Duration.ofMinutes(5);

	static final Duration RESEND_INTERVAL = Duration.ofSeconds(60);

	static final int DAILY_LIMIT = 10;

	static final int MAX_ATTEMPTS = 5;

	/**
	 * Enough for a union office registering its members from one network, too few for SMS
	 * bombing.
	 */
	static final int ADDRESS_HOURLY_LIMIT = 30;

	enum Purpose {

		REGISTRATION, PASSWORD_RESET, MOBILE_CHANGE,
		/** Issue 13: a member of the public proves a number before voting. */
		VOTE,
		/**
		 * Issue 13: a member of the public proves a number before filing an objection.
		 */
		OBJECTION

	}

	/**
	 * The result of checking a code; {@code codeId} is set only for
	 * {@link Outcome#VALID}.
	 */
	record Verification(Outcome outcome, Long codeId, int attemptsLeft) {

		/**
		 * The verified code's id, or the refusal every form that takes a code shows, on
		 * its field {@code code}: one wording for registration, password reset and a new
		 * mobile.
		 * @throws InvalidAccountInput unless the code is valid
		 */
		long acceptedCodeId() {
			return switch (outcome) {
				case VALID -> codeId;
				case NONE -> throw new InvalidAccountInput("code", "account.register.code.none");
				case EXPIRED -> throw new InvalidAccountInput("code", "account.register.code.expired");
				case TOO_MANY_ATTEMPTS ->
					throw new InvalidAccountInput("code", "account.register.code.tooManyAttempts");
				case WRONG -> throw attemptsLeft > 0
						? new InvalidAccountInput("code", "account.register.code.wrong", attemptsLeft)
						: new InvalidAccountInput("code", "account.register.code.tooManyAttempts");
			};
		}
	}

	enum Outcome {

		VALID, NONE, EXPIRED, TOO_MANY_ATTEMPTS, WRONG

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	OneTimeCodes(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Creates a code for the number unless it got one too recently or too often. The
	 * advisory lock on the number serialises two requests for it, so that the limits hold
	 * under a double click; the one on the address does the same for the address limit.
	 * @param requestedFrom the client's address
	 * @return the plain code, to be sent and then forgotten
	 */
	@Transactional
	String issue(MobileNumber mobile, Purpose purpose, String requestedFrom) {
		byte[] hmac = cipher.blindIndex(mobile.value());
		Instant now = clock.instant();
		jdbc.sql("select pg_advisory_xact_lock(?)").param((long) requestedFrom.hashCode()).query((rs, n) -> 1).list();
		int fromAddress = jdbc.sql("select count(*) from one_time_code where requested_from = ? and created_at > ?")
			.param(requestedFrom)
			.param(utc(now.minus(Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		if (fromAddress >= ADDRESS_HOURLY_LIMIT) {
			throw new InvalidAccountInput("mobile", "account.register.code.addressLimit");
		}
		jdbc.sql("select pg_advisory_xact_lock(?)").param(ByteBuffer.wrap(hmac).getLong()).query((rs, n) -> 1).list();
		RecentCodes recent = jdbc.sql("""
				select max(created_at) as last_at, count(*) filter (where created_at > :dayAgo) as today
				from one_time_code where mobile_hmac = :hmac and purpose = :purpose
				""")
			.param("dayAgo", utc(now.minus(Duration.ofDays(1))))
			.param("hmac", hmac)
			.param("purpose", purpose.name())
			.query((rs,
					n) -> new RecentCodes(Optional.ofNullable(rs.getObject("last_at", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant), rs.getInt("today")))
			.single();
		if (recent.lastAt().isPresent() && recent.lastAt().get().plus(RESEND_INTERVAL).isAfter(now)) {
			long waitMillis = Duration.between(now, recent.lastAt().get().plus(RESEND_INTERVAL)).toMillis();
			throw new InvalidAccountInput("mobile", "account.register.code.tooSoon", (waitMillis + 999) / 1000);
		}
		if (recent.today() >= DAILY_LIMIT) {
			throw new InvalidAccountInput("mobile", "account.register.code.dailyLimit", DAILY_LIMIT);
		}
		String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
		jdbc.sql("""
				insert into one_time_code (mobile_hmac, purpose, code_hash, created_at, expires_at, requested_from)
				values (:hmac, :purpose, :hash, :now, :expires, :requestedFrom)
				""")
			.param("hmac", hmac)
			.param("purpose", purpose.name())
			.param("hash", hash(mobile, purpose, code))
			.param("now", utc(now))
			.param("expires", utc(now.plus(VALIDITY)))
			.param("requestedFrom", requestedFrom)
			.update();
		return code;
	}

	/**
	 * Checks a code against the newest unused one for the number, counting the attempt in
	 * its own transaction: a guess counts even if what follows it fails.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Verification verify(MobileNumber mobile, Purpose purpose, String code) {
		Optional<StoredCode> stored = jdbc.sql("""
				update one_time_code set attempts = attempts + 1
				where id = (select id from one_time_code
				            where mobile_hmac = :hmac and purpose = :purpose and used_at is null
				            order by created_at desc, id desc limit 1)
				returning id, code_hash, expires_at, attempts
				""")
			.param("hmac", cipher.blindIndex(mobile.value()))
			.param("purpose", purpose.name())
			.query((rs, n) -> new StoredCode(rs.getLong("id"), rs.getString("code_hash"),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts")))
			.optional();
		if (stored.isEmpty()) {
			return new Verification(Outcome.NONE, null, 0);
		}
		StoredCode candidate = stored.get();
		if (!candidate.expiresAt().isAfter(clock.instant())) {
			return new Verification(Outcome.EXPIRED, null, 0);
		}
		if (candidate.attempts() > MAX_ATTEMPTS) {
			return new Verification(Outcome.TOO_MANY_ATTEMPTS, null, 0);
		}
		boolean matches = code != null
				&& MessageDigest.isEqual(hash(mobile, purpose, code).getBytes(StandardCharsets.US_ASCII),
						candidate.codeHash().getBytes(StandardCharsets.US_ASCII));
		if (!matches) {
			return new Verification(Outcome.WRONG, null, MAX_ATTEMPTS - candidate.attempts());
		}
		return new Verification(Outcome.VALID, candidate.id(), MAX_ATTEMPTS - candidate.attempts());
	}

	/**
	 * Marks a verified code used, in the caller's transaction; false if someone used it
	 * meanwhile.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean consume(long codeId) {
		return jdbc.sql("update one_time_code set used_at = :now where id = :id and used_at is null")
			.param("now", utc(clock.instant()))
			.param("id", codeId)
			.update() == 1;
	}

	/**
	 * Keyed, so that a copy of the table does not let anyone try the million codes
	 * offline.
	 */
	private String hash(MobileNumber mobile, Purpose purpose, String code) {
		return HexFormat.of().formatHex(cipher.blindIndex(purpose.name() + ":" + mobile.value() + ":" + code));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record RecentCodes(Optional<Instant> lastAt, int today) {
	}

	private record StoredCode(long id, String codeHash, Instant expiresAt, int attempts) {
	}

}
