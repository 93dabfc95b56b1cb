package cn.zhengji.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.DisplayTimeZone;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reacts to what Spring Security reports about signing in and out: counts consecutive
 * wrong passwords and locks the account after {@value #MAX_FAILURES} of them for
 * {@link #LOCK_DURATION}, resets the count on success, and writes every attempt to the
 * audit log.
 *
 * <p>
 * Side effects: updates {@code account.failed_sign_ins}, {@code locked_until} and
 * {@code last_sign_in_at}; counts every failure against the client address
 * ({@link SignInAddressThrottle}); writes audit events SIGN_IN_SUCCEEDED, SIGN_IN_FAILED
 * (with the name that was typed, masked if it is a mobile number, never the password),
 * ACCOUNT_LOCKED and SIGNED_OUT.
 */
@Component
class SignInAttempts {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final int MAX_RECORDED_NAME = 64;

	private final JdbcClient jdbc;

	private final AccountUserDetailsService accounts;

	private final AuditLog audit;

	private final Clock clock;

	private final DisplayTimeZone displayTimeZone;

	private final Texts texts;

	private final SignInAddressThrottle addressThrottle;

	SignInAttempts(JdbcClient jdbc, AccountUserDetailsService accounts, AuditLog audit, Clock clock,
			DisplayTimeZone displayTimeZone, Texts texts, SignInAddressThrottle addressThrottle) {
		this.texts = texts;
		this.addressThrottle = addressThrottle;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.displayTimeZone = displayTimeZone;
	}

	@EventListener
	@Transactional
	void succeeded(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof SignedInUser user)) {
			return;
		}
		jdbc.sql("update account set failed_sign_ins = 0, locked_until = null, last_sign_in_at = :now where id = :id")
			.param("now", utc(clock.instant()))
			.param("id", user.accountId())
			.update();
		audit.recordFor(user.accountId(), user.displayName(), AuditAction.SIGN_IN_SUCCEEDED, "account",
				user.accountId(), user.organisationPath(), texts.text("account.audit.signedIn"));
	}

	@EventListener
	@Transactional
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			addressThrottle.countFailure(details.getRemoteAddress());
		}
		String typed = recordableName(event.getAuthentication().getName());
		Optional<SignInAccount> found = accounts.find(event.getAuthentication().getName());
		if (found.isEmpty()) {
			audit.recordFor(null, typed, AuditAction.SIGN_IN_FAILED, "account", null, null,
					texts.text("account.audit.signInFailed.unknown", typed));
			return;
		}
		SignInAccount account = found.get();
		String reason = switch (event) {
			case AuthenticationFailureLockedEvent locked -> "account.audit.signInFailed.locked";
			case AuthenticationFailureDisabledEvent disabled -> "account.audit.signInFailed.disabled";
			case AuthenticationFailureBadCredentialsEvent badCredentials -> "account.audit.signInFailed.password";
			default -> "account.audit.signInFailed.other";
		};
		audit.recordFor(account.id(), account.displayName(), AuditAction.SIGN_IN_FAILED, "account", account.id(),
				account.organisationPath(), texts.text("account.audit.signInFailed", typed, texts.text(reason)));
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			countFailure(account);
		}
	}

	@EventListener
	@Transactional
	void signedOut(LogoutSuccessEvent event) {
		if (event.getAuthentication() != null
				&& event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
			audit.recordFor(user.accountId(), user.displayName(), AuditAction.SIGNED_OUT, "account", user.accountId(),
					user.organisationPath(), texts.text("account.audit.signedOut"));
		}
	}

	/**
	 * One statement, so that concurrent wrong attempts cannot both read 4 and both write
	 * 5: the row lock serialises them. A lock that has run out starts a fresh count; a
	 * lock still running is neither extended nor counted against.
	 */
	private void countFailure(SignInAccount account) {
		Instant now = clock.instant();
		Optional<OffsetDateTime> lockedUntil = jdbc
			.sql("""
					update account set
					    failed_sign_ins = case when locked_until <= :now then 1 else failed_sign_ins + 1 end,
					    locked_until = case
					        when (case when locked_until <= :now then 1 else failed_sign_ins + 1 end) >= :max then :lockUntil
					        when locked_until <= :now then null
					        else locked_until end
					where id = :id and (locked_until is null or locked_until <= :now)
					returning locked_until
					""")
			.param("now", utc(now))
			.param("max", MAX_FAILURES)
			.param("lockUntil", utc(now.plus(LOCK_DURATION)))
			.param("id", account.id())
			.query((rs, n) -> Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class)))
			.optional()
			.flatMap(value -> value);
		lockedUntil.ifPresent(until -> audit.recordFor(account.id(), account.displayName(), AuditAction.ACCOUNT_LOCKED,
				"account", account.id(), account.organisationPath(), texts.plain("account.audit.locked", MAX_FAILURES,
						TIME.format(until.atZoneSameInstant(displayTimeZone.zone())))));
	}

	/**
	 * What was typed as the sign-in name, safe to keep: mobile numbers masked, length
	 * bounded.
	 */
	private String recordableName(String typed) {
		if (typed == null || typed.isBlank()) {
			return texts.text("account.audit.emptyName");
		}
		Optional<MobileNumber> mobile = MobileNumber.parse(typed);
		if (mobile.isPresent()) {
			return mobile.get().masked();
		}
		String stripped = typed.strip();
		return stripped.length() > MAX_RECORDED_NAME ? stripped.substring(0, MAX_RECORDED_NAME) + "…" : stripped;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
