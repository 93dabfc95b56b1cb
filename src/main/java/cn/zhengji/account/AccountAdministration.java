package cn.zhengji.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.database.Subtree;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.AccountSessions;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.security.StepUp;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins manage the accounts of their subtree: create organisation admins and experts
 * with a one-time password, reset passwords, disable and enable. Platform admin accounts
 * are managed by platform admins only, and nobody disables or resets themselves here.
 * Anything else is "not found".
 */
@Service
public class AccountAdministration {

	private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

	/** The list shows this many rows at most; filters narrow it down. */
	public static final int LIST_LIMIT = 200;

	private static final String USERNAME_FORMAT = "[a-z][a-z0-9_.-]{2,31}";

	private final JdbcClient jdbc;

	private final AccountRecords records;

	private final Organisations organisations;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Clock clock;

	private final boolean demoEnabled;

	private final Texts texts;

	private final PersonalDataCipher cipher;

	private final SmsGateway sms;

	private final AccountSessions sessions;

	private final StepUp stepUp;

	AccountAdministration(JdbcClient jdbc, AccountRecords records, Organisations organisations,
			PasswordEncoder passwordEncoder, AuditLog audit, Clock clock,
			@Value("${zhengji.demo.enabled:true}") boolean demoEnabled, Texts texts, PersonalDataCipher cipher,
			SmsGateway sms, AccountSessions sessions, StepUp stepUp) {
		this.texts = texts;
		this.cipher = cipher;
		this.sms = sms;
		this.sessions = sessions;
		this.stepUp = stepUp;
		this.jdbc = jdbc;
		this.records = records;
		this.organisations = organisations;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
		this.demoEnabled = demoEnabled;
	}

	/**
	 * One line of the account list; {@code manageable} says whether the viewer may reset
	 * or disable it.
	 */
	public record AccountRow(AccountProfile profile, boolean enabled, boolean locked, boolean mustChangePassword,
			boolean manageable, boolean passwordResettable) {
	}

	/**
	 * A password shown once to the admin, who hands it over; it must be changed at the
	 * first sign-in.
	 */
	public record OneTimePassword(long accountId, String loginName, String displayName, String organisationName,
			String password) {
	}

	/**
	 * A reset one-time password went by SMS to the account holder's number, shown here
	 * masked.
	 */
	public record PasswordSent(AccountProfile account, String mobileMasked) {
	}

	public record NewStaffCommand(String username, String displayName, Role role, Long organisationId) {
	}

	/**
	 * The accounts of the admin's subtree, filtered by role and by (part of) the
	 * organisation's name.
	 */
	@Transactional(readOnly = true)
	public List<AccountRow> list(SignedInUser actor, Role role, String organisationName) {
		Instant now = clock.instant();
		return listQuery(actor, role, organisationName, " limit :limit").param("limit", LIST_LIMIT)
			.query((rs, n) -> row(actor, rs, n, now))
			.list();
	}

	/** The columns of {@link #export}, in order. */
	public static final List<String> EXPORT_COLUMNS = List.of("account.export.column.username",
			"account.export.column.displayName", "account.export.column.mobile", "account.export.column.role",
			"account.export.column.organisation", "account.export.column.state", "account.export.column.lastSignIn");

	/**
	 * R-X-2 Every account of the list's filter (no row limit), streamed from a cursor;
	 * mobile numbers masked, as everywhere in administration.
	 * @param label the Chinese text of a message key
	 */
	@Transactional(readOnly = true)
	public void export(SignedInUser actor, Role role, String organisationName, Function<String, String> label,
			SpreadsheetDownload.Rows sheet) {
		Instant now = clock.instant();
		listQuery(actor, role, organisationName, "").withFetchSize(1000).query((RowCallbackHandler) rs -> {
			AccountRow row = row(actor, rs, 0, now);
			AccountProfile profile = row.profile();
			String state = !row.enabled() ? "DISABLED" : row.locked() ? "LOCKED" : "ENABLED";
			sheet.row(profile.username(), profile.displayName(), profile.mobileMasked(),
					label.apply("account.role." + profile.role().name()), profile.organisationName(),
					label.apply("account.export.state." + state), profile.lastSignInAt());
		});
	}

	private JdbcClient.StatementSpec listQuery(SignedInUser actor, Role role, String organisationName, String limit) {
		return jdbc.sql("""
				select a.id, a.username, a.mobile_masked, a.display_name, a.role, a.participant_kind, a.organisation_id,
				       o.name as organisation_name, o.path as organisation_path, a.demo, a.last_sign_in_at,
				       a.enabled, a.locked_until, a.must_change_password
				from account a join organisation_unit o on o.id = a.organisation_id
				where\s""" + Subtree.sql("o.path", "scope") + """

				  and (cast(:role as text) is null or a.role = :role)
				  and (cast(:name as text) is null or o.name like '%' || :name || '%' escape '\\'
				       or o.short_name like '%' || :name || '%' escape '\\')
				  and (a.demo = false or :demo)
				order by o.path, a.role, a.id
				""" + limit)
			.param("scope", Subtree.administeredBy(actor).pattern())
			.param("role", role == null ? null : role.name())
			.param("name", organisationName == null ? null : escapeLike(organisationName))
			.param("demo", demoEnabled);
	}

	private AccountRow row(SignedInUser actor, ResultSet rs, int n, Instant now) throws SQLException {
		AccountProfile profile = Accounts.PROFILE.mapRow(rs, n);
		OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
		return new AccountRow(profile, rs.getBoolean("enabled"),
				lockedUntil != null && lockedUntil.toInstant().isAfter(now), rs.getBoolean("must_change_password"),
				mayManage(actor, profile), mayResetPassword(actor, profile));
	}

	/** The organisations the admin may put an account in. */
	@Transactional(readOnly = true)
	public List<Organisation> assignableOrganisations(SignedInUser actor) {
		return organisations.subtree(actor.adminScope()).stream().filter(o -> demoEnabled || !o.demo()).toList();
	}

	/**
	 * Creates an organisation admin or expert with a one-time password. Writes the
	 * account ({@code must_change_password}, {@code created_by} the admin) and an audit
	 * event CREATED.
	 * @throws NotFoundException the organisation is outside the admin's subtree
	 * @throws InvalidAccountInput bad user name (or taken), display name, role
	 */
	@Transactional
	public OneTimePassword create(SignedInUser actor, NewStaffCommand command) {
		// issue 11 item 4: giving someone a role asks for a recent second factor
		stepUp.require(actor);
		Organisation organisation = Optional.ofNullable(command.organisationId())
			.flatMap(organisations::findById)
			.filter(o -> actor.administers(o.path()) && (demoEnabled || !o.demo()))
			.orElseThrow(() -> new NotFoundException("organisation"));
		List<FieldProblem> problems = new ArrayList<>();
		String username = command.username() == null ? null
				: AccountUserDetailsService.normaliseUsername(command.username());
		if (username == null) {
			problems.add(new FieldProblem("username", "account.admin.username.required"));
		}
		else if (!username.matches(USERNAME_FORMAT)) {
			problems.add(new FieldProblem("username", "account.admin.username.format"));
		}
		if (command.displayName() == null) {
			problems.add(new FieldProblem("displayName", "account.admin.displayName.required"));
		}
		else if (command.displayName().length() > Registration.MAX_DISPLAY_NAME) {
			problems.add(new FieldProblem("displayName", "account.admin.displayName.tooLong",
					Registration.MAX_DISPLAY_NAME));
		}
		Registration.displayNameCharacters(command.displayName()).ifPresent(problems::add);
		if (command.role() != Role.ORG_ADMIN && command.role() != Role.EXPERT) {
			problems.add(new FieldProblem("role", "account.admin.role.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidAccountInput(problems);
		}
		String password = OneTimePasswords.generate();
		long id;
		try {
			id = records.insert(new NewAccount(username, null, command.displayName(), passwordEncoder.encode(password),
					command.role(), null, organisation.id(), true, false, actor.accountId()));
		}
		catch (DuplicateKeyException ex) {
			if (AccountRecords.violates(ex, "account_username_uq")) {
				throw new InvalidAccountInput("username", "account.admin.username.taken");
			}
			throw ex;
		}
		audit.recordChange(AuditAction.CREATED, "account", id, organisation.path(),
				texts.text("account.audit.created", username, command.displayName()), null, records.getSnapshot(id));
		return new OneTimePassword(id, username, command.displayName(), organisation.name(), password);
	}

	/**
	 * Gives the account a new one-time password, sent by SMS to the holder's own number
	 * and never shown to the admin (issue 11 item 6: an admin must not be able to take
	 * over another account by resetting it), and lifts a lockout. Another admin's
	 * password needs an admin of a higher unit ({@link #mayResetPassword}). Writes the
	 * hash, {@code must_change_password} and an audit event UPDATED; sends one SMS; ends
	 * every session of the account. If the SMS cannot be sent nothing is changed.
	 * @throws NotFoundException the account is not the admin's to reset
	 * @throws InvalidAccountInput on field {@code account}: the holder has no mobile
	 * number, or the SMS provider failed
	 */
	@Transactional
	public PasswordSent resetPassword(SignedInUser actor, long accountId) {
		AccountProfile target = manageable(actor, accountId);
		if (!mayResetPassword(actor, target)) {
			throw new NotFoundException("account");
		}
		// issue 11 item 4: resetting another account asks for a recent second factor
		stepUp.require(actor);
		MobileNumber mobile = jdbc.sql("select mobile_cipher from account where id = ?")
			.param(accountId)
			.query((rs, n) -> Optional.ofNullable(rs.getBytes(1)))
			.single()
			.flatMap(ciphertext -> MobileNumber.parse(cipher.decrypt(ciphertext)))
			.orElseThrow(() -> new InvalidAccountInput("account", "account.admin.reset.noMobile"));
		String password = OneTimePasswords.generate();
		AccountSnapshot before = records.getSnapshot(accountId);
		records.setPassword(accountId, passwordEncoder.encode(password), true);
		audit.recordChange(AuditAction.UPDATED, "account", accountId, target.organisationPath(),
				texts.text("account.audit.passwordReset", target.loginName(), mobile.masked()), before,
				records.getSnapshot(accountId));
		try {
			sms.send(mobile.value(), texts.plain("account.sms.oneTimePassword", target.loginName(), password));
		}
		catch (RuntimeException ex) {
			log.warn("SMS with a one-time password to {} failed: {}", mobile.masked(), ex.toString());
			throw new InvalidAccountInput("account", "account.register.sms.failed");
		}
		sessions.endOtherSessions(accountId);
		return new PasswordSent(target, mobile.masked());
	}

	/**
	 * Disables or enables the account; writes {@code enabled} and an audit event UPDATED.
	 */
	@Transactional
	public AccountProfile setEnabled(SignedInUser actor, long accountId, boolean enabled) {
		AccountProfile target = manageable(actor, accountId);
		AccountSnapshot before = records.getSnapshot(accountId);
		jdbc.sql("update account set enabled = :enabled, version = version + 1 where id = :id")
			.param("enabled", enabled)
			.param("id", accountId)
			.update();
		audit.recordChange(AuditAction.UPDATED, "account", accountId, target.organisationPath(),
				texts.text(enabled ? "account.audit.enabled" : "account.audit.disabled", target.loginName()), before,
				records.getSnapshot(accountId));
		if (!enabled) {
			// Issue 11 item 3: a disabled account's open sessions end now, on every node.
			sessions.endOtherSessions(accountId);
		}
		return target;
	}

	private AccountProfile manageable(SignedInUser actor, long accountId) {
		return jdbc.sql(Accounts.PROFILE_SELECT + " where a.id = :id and " + Subtree.sql("o.path", "scope"))
			.param("id", accountId)
			.param("scope", Subtree.administeredBy(actor).pattern())
			.query(Accounts.PROFILE)
			.optional()
			.filter(profile -> mayManage(actor, profile))
			.filter(profile -> demoEnabled || !profile.demo())
			.orElseThrow(() -> new NotFoundException("account"));
	}

	/**
	 * Named predicate: who may reset or disable whom. Issue 11 item 5: the security
	 * administrator manages every account but its own; an organisation admin those of its
	 * subtree except the three platform-wide administrators; the system administrator
	 * none.
	 */
	static boolean mayManage(SignedInUser actor, AccountProfile target) {
		return actor.role().managesAccounts() && actor.administers(target.organisationPath())
				&& target.id() != actor.accountId()
				&& (actor.role() == Role.SECURITY_ADMIN || !target.role().isPlatformWide());
	}

	/**
	 * Named predicate: whose password an admin may reset. Beyond {@link #mayManage},
	 * another admin only from a higher unit: the platform admin any organisation admin,
	 * an organisation admin only those of units below its own, never a peer of the same
	 * unit (nor another platform admin), who could otherwise take over the peer's
	 * account.
	 */
	static boolean mayResetPassword(SignedInUser actor, AccountProfile target) {
		if (!mayManage(actor, target)) {
			return false;
		}
		if (!target.role().isAdmin()) {
			return true;
		}
		if (target.role() == Role.PLATFORM_ADMIN) {
			return false;
		}
		return actor.isPlatformAdmin() || (target.organisationPath().startsWith(actor.organisationPath())
				&& !target.organisationPath().equals(actor.organisationPath()));
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
