package cn.zhengji.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.util.Utils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 11 item 4: the TOTP second factor of admins and experts (participants keep
 * password + SMS). Enrolment stores a secret (SM4-encrypted) that becomes active once a
 * first code from the authenticator app confirms it, and hands out recovery codes once
 * (kept as keyed HMAC-SM3 hashes, each usable once). A verification locks the account's
 * row, so that across nodes a code's time step is accepted once (replay refused), codes
 * outside one step of now are refused, and {@value #MAX_FAILURES} failed guesses within
 * {@link #FAILURE_WINDOW} stop further guesses until the window has passed.
 */
@Service
public class SecondFactors {

	static final int MAX_FAILURES = 5;

	static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

	static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	private final TotpCodes codes;

	private final AuditLog audit;

	private final Texts texts;

	SecondFactors(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock, AuditLog audit, Texts texts) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.codes = new TotpCodes(clock);
		this.audit = audit;
		this.texts = texts;
	}

	/**
	 * A secret being enrolled: as text for typing into an app and as a QR code (a PNG
	 * data URI, which the page's CSP allows as an image).
	 */
	public record Enrolment(String secret, String groupedSecret, String qrCodeDataUri) {
	}

	/** Whether the account has a confirmed second factor. */
	@Transactional(readOnly = true)
	public boolean isEnrolled(long accountId) {
		return jdbc.sql("select count(*) from second_factor where account_id = ? and confirmed_at is not null")
			.param(accountId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The secret to enrol: the pending one again (a reload shows the same QR code), or a
	 * new one. Writes a pending {@code second_factor} row.
	 * @throws IllegalStateException the account is already enrolled
	 */
	@Transactional
	public Enrolment startEnrolment(SignedInUser actor) {
		jdbc.sql("insert into second_factor (account_id, secret_cipher) values (?, ?) on conflict do nothing")
			.params(actor.accountId(), cipher.encrypt(TotpCodes.newSecret()))
			.update();
		Factor factor = lock(actor.accountId()).orElseThrow();
		if (factor.confirmed()) {
			throw new IllegalStateException("Already enrolled");
		}
		String secret = factor.secret();
		QrData data = new QrData.Builder().label(actor.loginName())
			.secret(secret)
			.issuer(texts.text("account.secondFactor.issuer"))
			.algorithm(dev.samstevens.totp.code.HashingAlgorithm.SHA1)
			.digits(TotpCodes.DIGITS)
			.period(TotpCodes.PERIOD_SECONDS)
			.build();
		try {
			ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
			generator.setImageSize(240);
			String uri = Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
			return new Enrolment(secret, secret.replaceAll("(.{4})(?!$)", "$1 "), uri);
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("QR code generation failed", ex);
		}
	}

	/**
	 * Confirms the pending secret with a first code from the app. Writes
	 * {@code confirmed_at} and the code's step, replaces any recovery codes, and an audit
	 * event UPDATED.
	 * @return the recovery codes, in plain text this once
	 * @throws InvalidAccountInput a wrong, stale or malformed code, or too many guesses
	 */
	@Transactional(noRollbackFor = InvalidAccountInput.class)
	public List<String> confirmEnrolment(SignedInUser actor, String code) {
		Factor factor = lock(actor.accountId()).filter(found -> !found.confirmed())
			.orElseThrow(() -> new IllegalStateException("Nothing to confirm"));
		refuseWhileLimited(factor);
		OptionalLong step = codes.matchingStep(factor.secret(), normalise(code));
		if (step.isEmpty()) {
			throw failed(actor.accountId(), "account.secondFactor.code.wrong");
		}
		jdbc.sql(
				"""
						update second_factor set confirmed_at = ?, last_used_step = ?, failed_attempts = 0, failures_since = null
						where account_id = ?
						""")
			.params(now(), step.getAsLong(), actor.accountId())
			.update();
		List<String> recovery = replaceRecoveryCodes(actor.accountId());
		audit.recordChange(AuditAction.UPDATED, "account", actor.accountId(), actor.organisationPath(),
				texts.text("account.audit.secondFactor.enrolled", actor.loginName()), null, null);
		return recovery;
	}

	/**
	 * Checks a code from the app, or one of the recovery codes. Writes the accepted step
	 * (or marks the recovery code used), or counts a failed guess.
	 * @return when the factor was passed
	 * @throws InvalidAccountInput a wrong, replayed, stale or malformed code, no factor
	 * enrolled, or too many guesses
	 */
	@Transactional(noRollbackFor = InvalidAccountInput.class)
	public Instant verify(SignedInUser actor, String code) {
		Factor factor = lock(actor.accountId()).filter(Factor::confirmed)
			.orElseThrow(() -> new InvalidAccountInput("code", "account.secondFactor.notEnrolled"));
		refuseWhileLimited(factor);
		String typed = normalise(code);
		OptionalLong step = codes.matchingStep(factor.secret(), typed);
		if (step.isPresent()) {
			if (factor.lastUsedStep() != null && step.getAsLong() <= factor.lastUsedStep()) {
				// The same code again (or an older one): someone may have watched it
				// being
				// typed.
				throw failed(actor.accountId(), "account.secondFactor.code.used");
			}
			jdbc.sql("""
					update second_factor set last_used_step = ?, failed_attempts = 0, failures_since = null
					where account_id = ?
					""").params(step.getAsLong(), actor.accountId()).update();
			return clock.instant();
		}
		if (typed != null && !typed.isEmpty() && useRecoveryCode(actor.accountId(), typed)) {
			jdbc.sql("update second_factor set failed_attempts = 0, failures_since = null where account_id = ?")
				.param(actor.accountId())
				.update();
			audit.recordChange(AuditAction.UPDATED, "account", actor.accountId(), actor.organisationPath(),
					texts.text("account.audit.secondFactor.recoveryCodeUsed", actor.loginName()), null, null);
			return clock.instant();
		}
		throw failed(actor.accountId(), "account.secondFactor.code.wrong");
	}

	/** How many unused recovery codes the account has left. */
	@Transactional(readOnly = true)
	public int recoveryCodesLeft(long accountId) {
		return jdbc.sql("select count(*) from recovery_code where account_id = ? and used_at is null")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Enrols the account with a known secret, confirmed at once: the demonstration
	 * accounts, whose secret the README and the start report print.
	 */
	@Transactional
	void enrolWithKnownSecret(long accountId, String secret) {
		jdbc.sql("""
				insert into second_factor (account_id, secret_cipher, confirmed_at) values (?, ?, ?)
				on conflict (account_id) do update set secret_cipher = excluded.secret_cipher,
				    confirmed_at = excluded.confirmed_at, last_used_step = null
				""").params(accountId, cipher.encrypt(secret), now()).update();
	}

	/** The demo secret is kept as is when it is already the enrolled one. */
	@Transactional(readOnly = true)
	boolean hasSecret(long accountId, String secret) {
		return lockless(accountId).filter(Factor::confirmed).map(f -> f.secret().equals(secret)).orElse(false);
	}

	private List<String> replaceRecoveryCodes(long accountId) {
		jdbc.sql("delete from recovery_code where account_id = ?").param(accountId).update();
		List<String> plain = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				if (c == 5) {
					code.append('-');
				}
				code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
			}
			plain.add(code.toString());
			jdbc.sql("insert into recovery_code (account_id, code_hmac) values (?, ?)")
				.params(accountId, recoveryHash(code.toString()))
				.update();
		}
		return plain;
	}

	private boolean useRecoveryCode(long accountId, String typed) {
		return jdbc.sql("""
				update recovery_code set used_at = ? where account_id = ? and code_hmac = ? and used_at is null
				""").params(now(), accountId, recoveryHash(typed)).update() == 1;
	}

	private byte[] recoveryHash(String code) {
		// A separate domain from the mobile numbers hashed with the same key.
		return cipher.blindIndex("recovery-code:" + code.replace("-", "").toLowerCase(Locale.ROOT));
	}

	private void refuseWhileLimited(Factor factor) {
		if (factor.failedAttempts() >= MAX_FAILURES && factor.failuresSince() != null
				&& factor.failuresSince().plus(FAILURE_WINDOW).isAfter(clock.instant())) {
			throw new InvalidAccountInput("code", "account.secondFactor.tooManyAttempts", FAILURE_WINDOW.toMinutes());
		}
	}

	/**
	 * Counts a failed guess: a new window once the old one has passed. The row is locked
	 * by the caller's transaction, which commits even though the request is refused.
	 */
	private InvalidAccountInput failed(long accountId, String messageCode) {
		jdbc.sql("""
				update second_factor set
				    failed_attempts = case when failures_since is null or failures_since <= :windowStart
				                           then 1 else failed_attempts + 1 end,
				    failures_since = case when failures_since is null or failures_since <= :windowStart
				                          then :now else failures_since end
				where account_id = :id
				""")
			.param("windowStart", OffsetDateTime.ofInstant(clock.instant().minus(FAILURE_WINDOW), ZoneOffset.UTC))
			.param("now", now())
			.param("id", accountId)
			.update();
		return new InvalidAccountInput("code", messageCode);
	}

	private static String normalise(String code) {
		return code == null ? null : code.replaceAll("\\s", "").strip();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private Optional<Factor> lock(long accountId) {
		return jdbc.sql("select * from second_factor where account_id = ? for update")
			.param(accountId)
			.query(this::factor)
			.optional();
	}

	private Optional<Factor> lockless(long accountId) {
		return jdbc.sql("select * from second_factor where account_id = ?")
			.param(accountId)
			.query(this::factor)
			.optional();
	}

	private Factor factor(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		OffsetDateTime since = rs.getObject("failures_since", OffsetDateTime.class);
		return new Factor(cipher.decrypt(rs.getBytes("secret_cipher")), rs.getObject("confirmed_at") != null,
				rs.getObject("last_used_step", Long.class), rs.getInt("failed_attempts"),
				since == null ? null : since.toInstant());
	}

	private record Factor(String secret, boolean confirmed, Long lastUsedStep, int failedAttempts,
			Instant failuresSince) {
	}

}
