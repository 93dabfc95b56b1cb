package cn.zhengji.account;

import java.util.ArrayList;
import java.util.List;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.AccountSessions;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in person replaces their password, which also ends a one-time password's duty
 * to be changed.
 */
@Service
public class PasswordChange {

	private final JdbcClient jdbc;

	private final AccountRecords records;

	private final PersonalDataCipher cipher;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Texts texts;

	private final AccountSessions sessions;

	PasswordChange(JdbcClient jdbc, AccountRecords records, PersonalDataCipher cipher, PasswordEncoder passwordEncoder,
			AuditLog audit, Texts texts, AccountSessions sessions) {
		this.texts = texts;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.records = records;
		this.cipher = cipher;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
	}

	/**
	 * Writes the new hash and clears {@code must_change_password}; records an audit event
	 * UPDATED (states without any hash); ends every other session of the account (issue
	 * 11 item 3), keeping the one of this request.
	 * @throws InvalidAccountInput wrong current password, new one outside the policy or
	 * not repeated
	 */
	@Transactional
	public void change(SignedInUser actor, String currentPassword, String newPassword, String newPasswordRepeat) {
		Credentials credentials = jdbc.sql("select username, mobile_cipher, password_hash from account where id = ?")
			.param(actor.accountId())
			.query((rs, n) -> new Credentials(rs.getString("username"), rs.getBytes("mobile_cipher"),
					rs.getString("password_hash")))
			.single();
		List<FieldProblem> problems = new ArrayList<>();
		if (currentPassword == null) {
			problems.add(new FieldProblem("currentPassword", "account.password.current.required"));
		}
		else if (!passwordEncoder.matches(currentPassword, credentials.passwordHash())) {
			problems.add(new FieldProblem("currentPassword", "account.password.current.wrong"));
		}
		String mobile = credentials.mobileCipher() == null ? null : cipher.decrypt(credentials.mobileCipher());
		problems
			.addAll(NewPasswords.check("newPassword", newPassword, newPasswordRepeat, credentials.username(), mobile));
		if (newPassword != null && newPassword.equals(currentPassword)) {
			problems.add(new FieldProblem("newPassword", "account.password.sameAsCurrent"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidAccountInput(problems);
		}
		AccountSnapshot before = records.getSnapshot(actor.accountId());
		records.setPassword(actor.accountId(), passwordEncoder.encode(newPassword), false);
		audit.recordChange(AuditAction.UPDATED, "account", actor.accountId(), actor.organisationPath(),
				texts.text("account.audit.passwordChanged"), before, records.getSnapshot(actor.accountId()));
		sessions.endOtherSessions(actor.accountId());
	}

	private record Credentials(String username, byte[] mobileCipher, String passwordHash) {
	}

}
