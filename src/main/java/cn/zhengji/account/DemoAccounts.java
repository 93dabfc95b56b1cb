package cn.zhengji.account;

import java.util.List;
import java.util.Optional;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.organisation.SeedOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code zhengji.demo.enabled=true}: one account per level and role on the
 * demonstration organisations, all with the documented password
 * {@code zhengji.demo.password} and no forced change, flagged {@code demo}. A demo
 * account whose password no longer matches the documented one (someone changed it) gets
 * it back at the next start, so that the printed logins always work. With demo off
 * nothing is created and the existing demo accounts cannot sign in.
 */
@Component
@Order(SeedOrder.ACCOUNTS + 10)
class DemoAccounts implements ApplicationRunner {

	/** One demonstration login: either a user name or a mobile number. */
	/**
	 * {@code key} names the login's texts: account.demo.KEY.name (shown in the app) and
	 * .description.
	 */
	record DemoLogin(String username, String mobile, String key, Role role, ParticipantKind kind,
			String organisationCode) {

		String login() {
			return username != null ? username : mobile;
		}
	}

	static final List<DemoLogin> LOGINS = List.of(
			new DemoLogin("demo-province", null, "demo-province", Role.ORG_ADMIN, null, "fj"),
			new DemoLogin("demo-city", null, "demo-city", Role.ORG_ADMIN, null, "fj-fuzhou"),
			new DemoLogin("demo-county", null, "demo-county", Role.ORG_ADMIN, null, "demo-county"),
			new DemoLogin("demo-grassroots", null, "demo-grassroots", Role.ORG_ADMIN, null, "demo-grassroots-a"),
			new DemoLogin("demo-expert", null, "demo-expert", Role.EXPERT, null, "fj"),
			new DemoLogin(null, "13800000001", "worker", Role.PARTICIPANT, ParticipantKind.WORKER, "demo-grassroots-a"),
			new DemoLogin(null, "13800000002", "cadre", Role.PARTICIPANT, ParticipantKind.UNION_CADRE,
					"demo-grassroots-a"),
			// Issue 14 item 3: the admin of the national campaign's host, who imports the
			// provinces' packages into national-2024.
			new DemoLogin("demo-national", null, "demo-national", Role.ORG_ADMIN, null, "acftu"));

	/**
	 * Issue 11 item 4: the documented TOTP secret (Base32) every demonstration admin and
	 * expert is enrolled with, so that the printed logins pass the second factor with any
	 * authenticator app. Demonstration only: real accounts enrol their own.
	 */
	static final String DEFAULT_TOTP_SECRET = "ZHENGJIDEMOTOTPZHENGJIDEMOTOTPAB";

	private final AccountRecords records;

	private final Organisations organisations;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	private final String password;

	private final Texts texts;

	private final SecondFactors secondFactors;

	private final String totpSecret;

	DemoAccounts(AccountRecords records, Organisations organisations, PasswordEncoder passwordEncoder, AuditLog audit,
			TransactionTemplate transactions, @Value("${zhengji.demo.enabled:true}") boolean enabled,
			@Value("${zhengji.demo.password:Demo#2026zj}") String password, Texts texts, SecondFactors secondFactors,
			@Value("${zhengji.demo.totp-secret:" + DEFAULT_TOTP_SECRET + "}") String totpSecret) {
		this.secondFactors = secondFactors;
		this.totpSecret = totpSecret;
		this.texts = texts;
		this.records = records;
		this.organisations = organisations;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.transactions = transactions;
		this.enabled = enabled;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		transactions.executeWithoutResult(status -> LOGINS.forEach(this::ensure));
	}

	private void ensure(DemoLogin login) {
		MobileNumber mobile = login.mobile() == null ? null : new MobileNumber(login.mobile());
		Optional<Long> existing = mobile == null ? records.idByUsername(login.username()) : records.idByMobile(mobile);
		Organisation organisation = organisations.getByCode(login.organisationCode());
		if (existing.isPresent()) {
			long id = existing.get();
			if (!passwordEncoder.matches(password, records.passwordHash(id))) {
				AccountSnapshot before = records.getSnapshot(id);
				records.setPassword(id, passwordEncoder.encode(password), false);
				audit.recordChange(AuditAction.UPDATED, "account", id, organisation.path(),
						texts.text("account.audit.demo.passwordRestored"), before, records.getSnapshot(id));
			}
			ensureSecondFactor(login, id);
			return;
		}
		long id = records.insert(new NewAccount(login.username(), mobile, displayName(login),
				passwordEncoder.encode(password), login.role(), login.kind(), organisation.id(), false, true, null));
		audit.recordChange(AuditAction.CREATED, "account", id, organisation.path(),
				texts.text("account.audit.demo.created", displayName(login)), null, records.getSnapshot(id));
		ensureSecondFactor(login, id);
	}

	private void ensureSecondFactor(DemoLogin login, long id) {
		if (login.role().requiresSecondFactor() && !secondFactors.hasSecret(id, totpSecret)) {
			secondFactors.enrolWithKnownSecret(id, totpSecret);
		}
	}

	/** The TOTP secret of the demonstration staff, as printed at start. */
	String totpSecret() {
		return totpSecret;
	}

	String displayName(DemoLogin login) {
		return texts.text("account.demo." + login.key() + ".name");
	}

	String description(DemoLogin login) {
		return texts.text("account.demo." + login.key() + ".description");
	}

	boolean enabled() {
		return enabled;
	}

	String password() {
		return password;
	}

}
