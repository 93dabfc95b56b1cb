package cn.zhengji.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.AccountSessions;
import cn.zhengji.infrastructure.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A participant who forgot the password proves the mobile number with a one-time code and
 * chooses a new one. The codes, their limits and their refusals are registration's
 * ({@link CodeDelivery}, {@link OneTimeCodes}). Nothing here tells whether a number is
 * registered: a code is issued (and counted against the limits) for any well-formed
 * number, but sent only to an enabled participant's, so a code for any other number can
 * only be guessed, and a guess is refused like any wrong code. Admins and experts ask the
 * admin above them ({@link AccountAdministration#resetPassword}).
 */
@Service
public class PasswordReset {

	private final CodeDelivery delivery;

	private final OneTimeCodes codes;

	private final AccountRecords records;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Texts texts;

	private final AccountSessions sessions;

	PasswordReset(CodeDelivery delivery, OneTimeCodes codes, AccountRecords records, JdbcClient jdbc,
			PasswordEncoder passwordEncoder, AuditLog audit, TransactionTemplate transactions, Texts texts,
			AccountSessions sessions) {
		this.sessions = sessions;
		this.delivery = delivery;
		this.codes = codes;
		this.records = records;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.transactions = transactions;
		this.texts = texts;
	}

	/**
	 * Issues a reset code for the number; sends it by SMS only if the number is an
	 * enabled participant's. Returns normally either way.
	 * @param requestedFrom the client's address, for the per-address limit
	 * @throws InvalidAccountInput on field {@code mobile}: malformed number, or one of
	 * the registration's limits (which count codes whether or not they were sent)
	 */
	public MobileNumber sendCode(String mobileInput, String requestedFrom) {
		MobileNumber mobile = MobileNumber.parse(mobileInput)
			.orElseThrow(() -> new InvalidAccountInput("mobile", "account.register.mobile.invalid"));
		delivery.issue(mobile, OneTimeCodes.Purpose.PASSWORD_RESET, requestedFrom, participant(mobile).isPresent());
		return mobile;
	}

	/**
	 * Sets the new password. Checks the fields first (no code attempt is spent on a form
	 * that is incomplete), then the code; then, in one transaction, marks the code used,
	 * writes the hash (which also lifts a lockout, {@code must_change_password} false)
	 * and records an audit event UPDATED whose actor is the account itself; then ends
	 * every session of the account (issue 11 item 3).
	 * @param mobileInput the number the code was sent to (kept by the caller, never typed
	 * again)
	 * @throws InvalidAccountInput the new password outside the policy or not repeated, or
	 * the code missing, wrong, expired or used up; nothing is stored
	 */
	public void reset(String mobileInput, String code, String newPassword, String newPasswordRepeat) {
		MobileNumber mobile = MobileNumber.parse(mobileInput)
			.orElseThrow(() -> new InvalidAccountInput("mobile", "account.register.mobile.invalid"));
		List<FieldProblem> problems = new ArrayList<>();
		if (code == null || !code.matches("\\d{6}")) {
			problems.add(new FieldProblem("code", "account.register.code.format"));
		}
		problems.addAll(NewPasswords.check("newPassword", newPassword, newPasswordRepeat, null, mobile.value()));
		if (!problems.isEmpty()) {
			throw new InvalidAccountInput(problems);
		}
		long codeId = codes.verify(mobile, OneTimeCodes.Purpose.PASSWORD_RESET, code).acceptedCodeId();
		// A valid code was sent, so the number was an enabled participant's then; it may
		// have been disabled since.
		Participant holder = participant(mobile)
			.orElseThrow(() -> new InvalidAccountInput("code", "account.register.code.expired"));
		String hash = passwordEncoder.encode(newPassword);
		transactions.executeWithoutResult(status -> {
			if (!codes.consume(codeId)) {
				throw new InvalidAccountInput("code", "account.register.code.none");
			}
			records.setPassword(holder.id(), hash, false);
			audit.recordFor(holder.id(), holder.displayName(), AuditAction.UPDATED, "account", holder.id(),
					holder.organisationPath(), texts.text("account.audit.passwordResetBySms", mobile.masked()));
		});
		sessions.endOtherSessions(holder.id());
	}

	private Optional<Participant> participant(MobileNumber mobile) {
		return records.idByMobile(mobile)
			.flatMap(id -> jdbc
				.sql("""
						select a.id, a.display_name, o.path from account a join organisation_unit o on o.id = a.organisation_id
						where a.id = ? and a.role = ? and a.enabled
						""")
				.params(id, Role.PARTICIPANT.name())
				.query((rs, n) -> new Participant(rs.getLong(1), rs.getString(2), rs.getString(3)))
				.optional());
	}

	private record Participant(long id, String displayName, String organisationPath) {
	}

}
