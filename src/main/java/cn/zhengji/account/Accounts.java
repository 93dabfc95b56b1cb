package cn.zhengji.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading accounts: the module's query API for other modules and its own pages. */
@Service
@Transactional(readOnly = true)
public class Accounts {

	static final RowMapper<AccountProfile> PROFILE = (rs,
			n) -> new AccountProfile(rs.getLong("id"), rs.getString("username"), rs.getString("mobile_masked"),
					rs.getString("display_name"), Role.valueOf(rs.getString("role")),
					rs.getString("participant_kind") == null ? null
							: ParticipantKind.valueOf(rs.getString("participant_kind")),
					rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("organisation_path"),
					rs.getBoolean("demo"),
					Optional.ofNullable(rs.getObject("last_sign_in_at", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.orElse(null));

	static final String PROFILE_SELECT = """
			select a.id, a.username, a.mobile_masked, a.display_name, a.role, a.participant_kind, a.organisation_id,
			       o.name as organisation_name, o.path as organisation_path, a.demo, a.last_sign_in_at
			from account a join organisation_unit o on o.id = a.organisation_id
			""";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	Accounts(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	public Optional<AccountProfile> profile(long accountId) {
		return jdbc.sql(PROFILE_SELECT + " where a.id = ?").param(accountId).query(PROFILE).optional();
	}

	/**
	 * The profiles of the given accounts that exist, by id, in one query (a review
	 * round's expert pool).
	 */
	public List<AccountProfile> profiles(java.util.Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(PROFILE_SELECT + " where a.id in (:ids) order by a.id")
			.param("ids", accountIds)
			.query(PROFILE)
			.list();
	}

	/**
	 * The enabled organisation admins of exactly this organisation (not of its subtree),
	 * by id.
	 */
	public List<Long> enabledAdminIds(long organisationId) {
		return jdbc
			.sql("select id from account where organisation_id = ? and role = 'ORG_ADMIN' and enabled order by id")
			.param(organisationId)
			.query(Long.class)
			.list();
	}

	/** The enabled accounts of a role, by id (the security administrators, …). */
	public List<Long> enabledIdsWithRole(Role role) {
		return jdbc.sql("select id from account where role = ? and enabled order by id")
			.param(role.name())
			.query(Long.class)
			.list();
	}

	/**
	 * The account's mobile number in clear, for sending it a text message; empty when it
	 * has none or is disabled. Never for display: pages show the masked number of the
	 * profile.
	 */
	public Optional<String> mobileForTextMessages(long accountId) {
		return jdbc.sql("select mobile_cipher from account where id = ? and enabled and mobile_cipher is not null")
			.param(accountId)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.map(cipher::decrypt);
	}

	/** The enabled accounts among the given ones, by id. */
	public List<Long> enabledAmong(java.util.Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id from account where id in (:ids) and enabled order by id")
			.param("ids", accountIds)
			.query(Long.class)
			.list();
	}

}
