package cn.zhengji.account;

import java.time.OffsetDateTime;
import java.util.Optional;

import cn.zhengji.infrastructure.security.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading accounts: the module's query API for other modules and its own pages. */
@Service
@Transactional(readOnly = true)
public class Accounts {

	static final RowMapper<AccountProfile> PROFILE = (rs, n) -> new AccountProfile(rs.getLong("id"),
			rs.getString("username"), rs.getString("mobile_masked"), rs.getString("display_name"),
			Role.valueOf(rs.getString("role")),
			rs.getString("participant_kind") == null ? null : ParticipantKind.valueOf(rs.getString("participant_kind")),
			rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("organisation_path"),
			rs.getBoolean("demo"),
			Optional.ofNullable(rs.getObject("last_sign_in_at", OffsetDateTime.class))
				.map(OffsetDateTime::toInstant)
				.orElse(null));

	static final String PROFILE_SELECT = """
			select a.id, a.username, a.mobile_masked, a.display_name, a.role, a.participant_kind, a.organisation_id,
			       o.name as organisation_name, o.path as organisation_path, a.demo, a.last_sign_in_at
			from account a join organisation o on o.id = a.organisation_id
			""";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<AccountProfile> profile(long accountId) {
		return jdbc.sql(PROFILE_SELECT + " where a.id = ?").param(accountId).query(PROFILE).optional();
	}
}
