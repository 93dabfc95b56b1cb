package cn.zhengji.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.database.Subtree;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.security.StepUp;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12 item 1: an admin invites a review expert by name, unit, expertise and mobile
 * number. The expert signs in with the mobile number and a one-time password sent to it
 * by SMS, and at that first sign-in must set a password and enrol the second factor (as
 * every EXPERT). A number that already belongs to an expert brings that account back (no
 * new password); a number of any other account is refused.
 *
 * <p>
 * Who may invite: an organisation or platform admin, into an organisation of the part of
 * the tree it administers. The platform admin creates no other account (issue 11 item 5,
 * that is the security administrator's), but runs the national campaigns and needs their
 * experts; the review module lets only a campaign's admins reach this.
 */
@Service
@Transactional
public class ExpertInvitations {

	private static final Logger log = LoggerFactory.getLogger(ExpertInvitations.class);

	/** Longest work unit and expertise, in characters (CHECKs of expert_profile). */
	public static final int MAX_WORK_UNIT = 100;

	public static final int MAX_EXPERTISE = 500;

	/** How many experts the picker offers at most. */
	public static final int LIST_LIMIT = 500;

	private final JdbcClient jdbc;

	private final AccountRecords records;

	private final Organisations organisations;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Texts texts;

	private final SmsGateway sms;

	private final StepUp stepUp;

	private final Clock clock;

	private final boolean demoEnabled;

	ExpertInvitations(JdbcClient jdbc, AccountRecords records, Organisations organisations,
			PasswordEncoder passwordEncoder, AuditLog audit, Texts texts, SmsGateway sms, StepUp stepUp, Clock clock,
			@Value("${zhengji.demo.enabled:true}") boolean demoEnabled) {
		this.jdbc = jdbc;
		this.records = records;
		this.organisations = organisations;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.texts = texts;
		this.sms = sms;
		this.stepUp = stepUp;
		this.clock = clock;
		this.demoEnabled = demoEnabled;
	}

	/**
	 * What the admin typed.
	 *
	 * @param organisationId the expert's unit in the tree (conflicts of interest are
	 * decided by it)
	 * @param workUnit the expert's own work unit as free text, optional
	 */
	public record Invitation(String displayName, Long organisationId, String workUnit, String expertise,
			String mobile) {
	}

	/**
	 * The expert invited.
	 *
	 * @param oneTimePassword shown once to the admin; null when an existing expert
	 * account was reused (its password is unchanged and no SMS was sent)
	 */
	public record Invited(long accountId, String displayName, String organisationName, String mobileMasked,
			String oneTimePassword) {

		public boolean reused() {
			return oneTimePassword == null;
		}

	}

	/** An expert as the admins building pools see it; the mobile number masked. */
	public record ExpertDetails(long accountId, String displayName, String organisationName, String organisationPath,
			String workUnit, String expertise, String mobileMasked, boolean enabled) {
	}

	/**
	 * Invites an expert. For a new number: writes an EXPERT account (the mobile number
	 * encrypted, blind-indexed and masked as every number; a one-time password,
	 * {@code must_change_password}; {@code created_by} the admin), its expert_profile row
	 * and an audit event CREATED, and sends the one-time password by SMS to the number;
	 * if the SMS cannot be sent nothing is stored. For the number of an existing expert:
	 * changes nothing but a missing work unit or expertise (audited UPDATED when it does)
	 * and returns that account.
	 * @throws NotFoundException the organisation is not the admin's, or the actor is no
	 * admin
	 * @throws InvalidAccountInput missing or malformed fields, or the number belongs to
	 * an account that is not an expert
	 */
	public Invited invite(SignedInUser actor, Invitation invitation) {
		if (!actor.role().isAdmin()) {
			throw new NotFoundException("expert invitation");
		}
		Organisation organisation = Optional.ofNullable(invitation.organisationId())
			.flatMap(organisations::findById)
			.filter(o -> actor.administers(o.path()) && (demoEnabled || !o.demo()))
			.orElse(null);
		List<FieldProblem> problems = new ArrayList<>();
		String name = trimmed(invitation.displayName());
		if (name == null) {
			problems.add(new FieldProblem("displayName", "account.admin.displayName.required"));
		}
		else if (name.length() > Registration.MAX_DISPLAY_NAME) {
			problems.add(new FieldProblem("displayName", "account.admin.displayName.tooLong",
					Registration.MAX_DISPLAY_NAME));
		}
		Registration.displayNameCharacters(name).ifPresent(problems::add);
		if (organisation == null) {
			problems.add(new FieldProblem("organisationId", "account.expert.organisation.required"));
		}
		String workUnit = trimmed(invitation.workUnit());
		if (workUnit != null && workUnit.codePointCount(0, workUnit.length()) > MAX_WORK_UNIT) {
			problems.add(new FieldProblem("workUnit", "account.expert.workUnit.tooLong", MAX_WORK_UNIT));
		}
		String expertise = trimmed(invitation.expertise());
		if (expertise != null && expertise.codePointCount(0, expertise.length()) > MAX_EXPERTISE) {
			problems.add(new FieldProblem("expertise", "account.expert.expertise.tooLong", MAX_EXPERTISE));
		}
		Optional<MobileNumber> mobile = MobileNumber.parse(invitation.mobile());
		if (mobile.isEmpty()) {
			problems.add(new FieldProblem("mobile", "account.register.mobile.invalid"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidAccountInput(problems);
		}
		Optional<Long> holder = records.idByMobile(mobile.get());
		if (holder.isPresent()) {
			return reuse(actor, holder.get(), workUnit, expertise);
		}
		// Giving someone a role asks for a recent second factor (issue 11 item 4).
		stepUp.require(actor);
		String password = OneTimePasswords.generate();
		long id;
		try {
			id = records.insert(new NewAccount(null, mobile.get(), name, passwordEncoder.encode(password), Role.EXPERT,
					null, organisation.id(), true, false, actor.accountId()));
		}
		catch (DuplicateKeyException ex) {
			if (AccountRecords.violates(ex, "account_mobile_uq")) {
				throw new InvalidAccountInput("mobile", "account.expert.mobileTaken");
			}
			throw ex;
		}
		jdbc.sql("""
				insert into expert_profile (account_id, work_unit, expertise, updated_at) values (?, ?, ?, ?)
				""").params(id, workUnit, expertise, now()).update();
		audit.recordChange(AuditAction.CREATED, "account", id, organisation.path(),
				texts.plain("account.audit.expertInvited", name, mobile.get().masked()), null,
				profile(records.getSnapshot(id), workUnit, expertise));
		try {
			sms.send(mobile.get().value(), texts.plain("account.sms.expertInvited", name, password));
		}
		catch (RuntimeException ex) {
			log.warn("SMS with an expert's one-time password to {} failed: {}", mobile.get().masked(), ex.toString());
			throw new InvalidAccountInput("mobile", "account.register.sms.failed");
		}
		return new Invited(id, name, organisation.name(), mobile.get().masked(), password);
	}

	private Invited reuse(SignedInUser actor, long accountId, String workUnit, String expertise) {
		AccountProfile existing = jdbc.sql(Accounts.PROFILE_SELECT + " where a.id = :id")
			.param("id", accountId)
			.query(Accounts.PROFILE)
			.single();
		if (existing.role() != Role.EXPERT) {
			throw new InvalidAccountInput("mobile", "account.expert.mobileTaken");
		}
		Optional<ExpertDetails> before = details(List.of(accountId)).stream().findFirst();
		String storedUnit = before.map(ExpertDetails::workUnit).orElse(null);
		String storedExpertise = before.map(ExpertDetails::expertise).orElse(null);
		String newUnit = storedUnit != null ? storedUnit : workUnit;
		String newExpertise = storedExpertise != null ? storedExpertise : expertise;
		if (!Objects.equals(newUnit, storedUnit) || !Objects.equals(newExpertise, storedExpertise)) {
			jdbc.sql("""
					insert into expert_profile (account_id, work_unit, expertise, updated_at) values (?, ?, ?, ?)
					on conflict on constraint expert_profile_pk do update set work_unit = excluded.work_unit,
					    expertise = excluded.expertise, updated_at = excluded.updated_at
					""").params(accountId, newUnit, newExpertise, now()).update();
			audit.recordChange(AuditAction.UPDATED, "expert_profile", accountId, existing.organisationPath(),
					texts.plain("account.audit.expertProfile", existing.displayName()),
					profile(null, storedUnit, storedExpertise), profile(null, newUnit, newExpertise));
		}
		return new Invited(accountId, existing.displayName(), existing.organisationName(), existing.mobileMasked(),
				null);
	}

	/** These accounts, those that are experts, with their profiles; by id. */
	@Transactional(readOnly = true)
	public List<ExpertDetails> details(Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(DETAILS_SELECT + " where a.role = 'EXPERT' and a.id in (:ids) order by a.id")
			.param("ids", accountIds)
			.query((rs, n) -> details(rs))
			.list();
	}

	/**
	 * The enabled experts of the part of the tree the admin administers (the whole tree
	 * for the platform admin), by organisation and name; at most {@link #LIST_LIMIT}.
	 */
	@Transactional(readOnly = true)
	public List<ExpertDetails> expertsOf(SignedInUser actor) {
		if (!actor.role().isAdmin()) {
			throw new NotFoundException("experts");
		}
		return jdbc
			.sql(DETAILS_SELECT + " where a.role = 'EXPERT' and a.enabled and (a.demo = false or :demo) and "
					+ Subtree.sql("o.path", "scope") + " order by o.path, a.display_name, a.id limit :limit")
			.param("scope", Subtree.administeredBy(actor).pattern())
			.param("demo", demoEnabled)
			.param("limit", LIST_LIMIT)
			.query((rs, n) -> details(rs))
			.list();
	}

	private static final String DETAILS_SELECT = """
			select a.id, a.display_name, o.name as organisation_name, o.path as organisation_path, p.work_unit,
			       p.expertise, a.mobile_masked, a.enabled
			from account a join organisation_unit o on o.id = a.organisation_id
			left join expert_profile p on p.account_id = a.id
			""";

	private static ExpertDetails details(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ExpertDetails(rs.getLong("id"), rs.getString("display_name"), rs.getString("organisation_name"),
				rs.getString("organisation_path"), rs.getString("work_unit"), rs.getString("expertise"),
				rs.getString("mobile_masked"), rs.getBoolean("enabled"));
	}

	/** For the audit event; the values may be null. */
	private static Map<String, Object> profile(AccountSnapshot account, String workUnit, String expertise) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (account != null) {
			values.put("account", account);
		}
		values.put("workUnit", workUnit);
		values.put("expertise", expertise);
		return values;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
