package cn.zhengji.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads the person behind a sign-in name: a user name (admins, experts), or a mainland
 * mobile number (participants), found through its blind index since the number itself is
 * stored encrypted. Whether the account is locked or disabled is decided here so that
 * Spring Security refuses it before it even compares the password.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private static final RowMapper<SignInAccount> ROW = (rs, n) -> new SignInAccount(rs.getLong("id"),
			rs.getString("username"), rs.getString("mobile_masked"), rs.getString("display_name"),
			rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getLong("organisation_id"),
			rs.getString("path"), rs.getString("name"), rs.getBoolean("must_change_password"),
			Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class))
				.map(OffsetDateTime::toInstant)
				.orElse(null),
			rs.getBoolean("enabled"), rs.getBoolean("demo"));

	private static final String SELECT = """
			select a.id, a.username, a.mobile_masked, a.display_name, a.password_hash, a.role, a.organisation_id,
			       o.path, o.name, a.must_change_password, a.locked_until, a.enabled, a.demo
			from account a join organisation_unit o on o.id = a.organisation_id
			""";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	private final boolean demoEnabled;

	AccountUserDetailsService(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock,
			@Value("${zhengji.demo.enabled:true}") boolean demoEnabled) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.demoEnabled = demoEnabled;
	}

	@Override
	public SignedInUser loadUserByUsername(String login) {
		return principal(find(login).orElseThrow(() -> new UsernameNotFoundException("No such account")));
	}

	/**
	 * The principal of a signed-in account after a change of its own profile, for the
	 * session to go on with.
	 */
	SignedInUser reload(long id) {
		return principal(findById(id).orElseThrow(() -> new UsernameNotFoundException("No such account")));
	}

	private SignedInUser principal(SignInAccount account) {
		return new SignedInUser(account.id(), account.loginName(), account.displayName(), account.role(),
				account.organisationId(), account.organisationPath(), account.organisationName(),
				account.passwordHash(), account.mustChangePassword(), account.isLockedAt(clock.instant()),
				account.enabled() && (demoEnabled || !account.demo()));
	}

	Optional<SignInAccount> find(String login) {
		if (login == null || login.isBlank()) {
			return Optional.empty();
		}
		Optional<MobileNumber> mobile = MobileNumber.parse(login);
		if (mobile.isPresent()) {
			return jdbc.sql(SELECT + " where a.mobile_hmac = ?")
				.param(cipher.blindIndex(mobile.get().value()))
				.query(ROW)
				.optional();
		}
		return jdbc.sql(SELECT + " where a.username = ?").param(normaliseUsername(login)).query(ROW).optional();
	}

	Optional<SignInAccount> findById(long id) {
		return jdbc.sql(SELECT + " where a.id = ?").param(id).query(ROW).optional();
	}

	/** User names are case-insensitive: stored and looked up in lower case. */
	static String normaliseUsername(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

}
