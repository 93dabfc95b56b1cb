package cn.zhengji.account;

import java.util.Optional;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account table. A mobile number goes in three forms, none of them plain: SM4
 * ciphertext (to read it back when someone entitled needs it), HMAC blind index (to look
 * it up and keep it unique) and the masked form pages show.
 */
@Component
class AccountRecords {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	AccountRecords(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException on
	 * {@code account_username_uq} or {@code account_mobile_uq}
	 */
	long insert(NewAccount account) {
		MobileNumber mobile = account.mobile();
		return jdbc.sql("""
				insert into account (username, mobile_hmac, mobile_cipher, mobile_masked, display_name, password_hash,
				    role, participant_kind, organisation_id, must_change_password, demo, created_by)
				values (:username, :hmac, :cipher, :masked, :displayName, :hash, :role, :kind, :organisationId,
				    :mustChange, :demo, :createdBy)
				returning id
				""")
			.param("username", account.username())
			.param("hmac", mobile == null ? null : cipher.blindIndex(mobile.value()))
			.param("cipher", mobile == null ? null : cipher.encrypt(mobile.value()))
			.param("masked", mobile == null ? null : mobile.masked())
			.param("displayName", account.displayName())
			.param("hash", account.passwordHash())
			.param("role", account.role().name())
			.param("kind", account.participantKind() == null ? null : account.participantKind().name())
			.param("organisationId", account.organisationId())
			.param("mustChange", account.mustChangePassword())
			.param("demo", account.demo())
			.param("createdBy", account.createdBy())
			.query(Long.class)
			.single();
	}

	/** Whether the database refused a row because of the named constraint. */
	static boolean violates(DataIntegrityViolationException ex, String constraint) {
		if (ex.getMostSpecificCause() instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
			return constraint.equals(psql.getServerErrorMessage().getConstraint());
		}
		return String.valueOf(ex.getMessage()).contains("\"" + constraint + "\"");
	}

	Optional<AccountSnapshot> snapshot(long id) {
		return jdbc.sql("""
				select id, username, mobile_masked, display_name, role, participant_kind, organisation_id,
				       must_change_password, enabled, demo
				from account where id = ?
				""")
			.param(id)
			.query((rs, n) -> new AccountSnapshot(rs.getLong("id"), rs.getString("username"),
					rs.getString("mobile_masked"), rs.getString("display_name"), rs.getString("role"),
					rs.getString("participant_kind"), rs.getLong("organisation_id"),
					rs.getBoolean("must_change_password"), rs.getBoolean("enabled"), rs.getBoolean("demo")))
			.optional();
	}

	AccountSnapshot getSnapshot(long id) {
		return snapshot(id).orElseThrow(() -> new IllegalStateException("No account " + id));
	}

	Optional<Long> idByUsername(String username) {
		return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).optional();
	}

	Optional<Long> idByMobile(MobileNumber mobile) {
		return jdbc.sql("select id from account where mobile_hmac = ?")
			.param(cipher.blindIndex(mobile.value()))
			.query(Long.class)
			.optional();
	}

	String passwordHash(long id) {
		return jdbc.sql("select password_hash from account where id = ?").param(id).query(String.class).single();
	}

	/**
	 * A new password; {@code mustChange} marks it one-time. Setting a password also lifts
	 * a lockout, since it is what an admin does for someone who is locked out.
	 */
	void setPassword(long id, String hash, boolean mustChange) {
		jdbc.sql("""
				update account set password_hash = :hash, must_change_password = :mustChange, failed_sign_ins = 0,
				    locked_until = null, version = version + 1
				where id = :id
				""").param("hash", hash).param("mustChange", mustChange).param("id", id).update();
	}

}
