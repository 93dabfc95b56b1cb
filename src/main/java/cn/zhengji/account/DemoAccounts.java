package cn.zhengji.account;

import java.util.List;
import java.util.Optional;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
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
 * With {@code zhengji.demo.enabled=true}: one account per level and role on the demonstration
 * organisations, all with the documented password {@code zhengji.demo.password} and no forced
 * change, flagged {@code demo}. A demo account whose password no longer matches the documented one
 * (someone changed it) gets it back at the next start, so that the printed logins always work.
 * With demo off nothing is created and the existing demo accounts cannot sign in.
 */
@Component
@Order(SeedOrder.ACCOUNTS + 10)
class DemoAccounts implements ApplicationRunner {

	/** One demonstration login: either a user name or a mobile number. */
	record DemoLogin(String username, String mobile, String displayName, Role role, ParticipantKind kind,
			String organisationCode, String description) {

		String login() {
			return username != null ? username : mobile;
		}
	}

	static final List<DemoLogin> LOGINS = List.of(
			new DemoLogin("demo-province", null, "演示省总管理员", Role.ORG_ADMIN, null, "fj", "省总工会管理员"),
			new DemoLogin("demo-city", null, "演示市总管理员", Role.ORG_ADMIN, null, "fj-fuzhou", "福州市总工会管理员"),
			new DemoLogin("demo-county", null, "演示区总管理员", Role.ORG_ADMIN, null, "demo-county", "演示区总工会管理员"),
			new DemoLogin("demo-grassroots", null, "演示基层工会管理员", Role.ORG_ADMIN, null, "demo-grassroots-a",
					"演示基层工会管理员"),
			new DemoLogin("demo-expert", null, "演示评审专家", Role.EXPERT, null, "fj", "评审专家"),
			new DemoLogin(null, "13800000001", "演示职工", Role.PARTICIPANT, ParticipantKind.WORKER, "demo-grassroots-a",
					"职工（手机号登录）"),
			new DemoLogin(null, "13800000002", "演示工会干部", Role.PARTICIPANT, ParticipantKind.UNION_CADRE,
					"demo-grassroots-a", "工会干部（手机号登录）"));

	private final AccountRecords records;

	private final Organisations organisations;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	private final String password;

	DemoAccounts(AccountRecords records, Organisations organisations, PasswordEncoder passwordEncoder, AuditLog audit,
			TransactionTemplate transactions, @Value("${zhengji.demo.enabled:true}") boolean enabled,
			@Value("${zhengji.demo.password:Demo#2026zj}") String password) {
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
				audit.recordChange(AuditAction.UPDATED, "account", id, organisation.path(), "恢复演示账号的演示密码",
						before, records.getSnapshot(id));
			}
			return;
		}
		long id = records.insert(new NewAccount(login.username(), mobile, login.displayName(),
				passwordEncoder.encode(password), login.role(), login.kind(), organisation.id(), false, true, null));
		audit.recordChange(AuditAction.CREATED, "account", id, organisation.path(), "创建演示账号 " + login.displayName(),
				null, records.getSnapshot(id));
	}

	boolean enabled() {
		return enabled;
	}

	String password() {
		return password;
	}
}
