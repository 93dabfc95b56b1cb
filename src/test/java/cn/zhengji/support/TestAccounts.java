package cn.zhengji.support;

import java.time.Instant;
import java.util.Locale;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Accounts as scenery, written directly with unique logins (the database is shared by
 * every test class of the JVM), and their principals exactly as signing in makes them.
 * Staff sign in with a username, participants with a mobile number (stored encrypted,
 * blind-indexed and masked, as registration stores it).
 * {@code accounts.admin(county).withMobile().create()}, then
 * {@code accounts.signedIn(account)}.
 */
public final class TestAccounts {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final UserDetailsService userDetails;

	public TestAccounts(JdbcClient jdbc, PersonalDataCipher cipher, UserDetailsService userDetails) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.userDetails = userDetails;
	}

	/**
	 * An account and what its holder types to sign in; {@code mobile} is null without a
	 * number.
	 */
	public record TestAccount(long id, String login, String mobile, String displayName) {
	}

	/** An organisation admin of the organisation, without a mobile number. */
	public Builder admin(Organisation organisation) {
		return staff(Role.ORG_ADMIN, organisation);
	}

	/** Staff (admin or expert) of the organisation, signing in with a username. */
	public Builder staff(Role role, Organisation organisation) {
		return new Builder(role, organisation.id());
	}

	/** A worker (职工) of the organisation, signing in with a mobile number. */
	public Builder participant(Organisation organisation) {
		return new Builder(Role.PARTICIPANT, organisation.id()).participantKind("WORKER").withMobile();
	}

	/** The principal exactly as signing in would produce it. */
	public SignedInUser signedIn(TestAccount account) {
		return signedIn(account.login());
	}

	public SignedInUser signedIn(String login) {
		// As after the whole sign-in: password and (for staff) the second factor.
		return ((SignedInUser) userDetails.loadUserByUsername(login)).withSecondFactor(Instant.now());
	}

	/**
	 * The platform admin created at the first start, with its password already changed.
	 */
	public SignedInUser platformAdmin() {
		return signedIn("admin").withPasswordChanged();
	}

	/** A unique mobile number 196xxxxxxxx, never one of the demo numbers (138…). */
	public static String uniqueMobile() {
		return "196" + "%08d".formatted(Long.parseLong(TestOrganisations.unique("")) % 100_000_000);
	}

	/** One account to be written; every property has a sensible default. */
	public final class Builder {

		private final Role role;

		private final long organisationId;

		private String username;

		private String displayName;

		private String participantKind;

		private boolean withMobile;

		private String passwordHash = "{noop}unused";

		private boolean enabled = true;

		private Builder(Role role, long organisationId) {
			this.role = role;
			this.organisationId = organisationId;
		}

		/** The username (default: a unique one naming the role); staff only. */
		public Builder username(String username) {
			this.username = username;
			return this;
		}

		public Builder displayName(String displayName) {
			this.displayName = displayName;
			return this;
		}

		/** WORKER, UNION_CADRE or SOCIAL_UNION_WORKER; participants only. */
		public Builder participantKind(String participantKind) {
			this.participantKind = participantKind;
			return this;
		}

		/** With a unique mobile number (staff may have one, to receive text messages). */
		public Builder withMobile() {
			this.withMobile = true;
			return this;
		}

		/**
		 * An encoded password (default {@code {noop}unused}: nobody signs in with it).
		 */
		public Builder passwordHash(String passwordHash) {
			this.passwordHash = passwordHash;
			return this;
		}

		public Builder disabled() {
			this.enabled = false;
			return this;
		}

		public TestAccount create() {
			String unique = TestOrganisations.unique("");
			String mobile = withMobile ? uniqueMobile() : null;
			String login = role == Role.PARTICIPANT ? null : username != null ? username
					: role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + unique;
			String name = displayName != null ? displayName : "测试账号" + unique;
			long id = jdbc
				.sql("""
						insert into account (username, mobile_hmac, mobile_cipher, mobile_masked, display_name, password_hash,
						    role, participant_kind, organisation_id, enabled)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
						""")
				.params(login, mobile == null ? null : cipher.blindIndex(mobile),
						mobile == null ? null : cipher.encrypt(mobile),
						mobile == null ? null : PersonalDataCipher.maskMobile(mobile), name, passwordHash, role.name(),
						participantKind, organisationId, enabled)
				.query(Long.class)
				.single();
			return new TestAccount(id, login != null ? login : mobile, mobile, name);
		}

	}

}
