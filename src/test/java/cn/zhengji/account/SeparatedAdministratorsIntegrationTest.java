package cn.zhengji.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 5 (三员分立): the system, security and audit administrators are separate
 * roles no account holds together, each with its own part, enforced by the database and
 * by the account rules.
 */
@AccountTestContext
class SeparatedAdministratorsIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Test
	void theDatabaseKnowsTheThreeRolesAndNoOther() {
		long fj = organisations.getByCode("fj").id();
		assertThatThrownBy(() -> insert("superuser-" + System.nanoTime(), "SUPER_ADMIN", fj))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("account_role_ck");
		// A separated administrator signs in by a user name, never as a participant by
		// mobile.
		assertThatThrownBy(() -> insert(null, "AUDIT_ADMIN", fj)).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("account_separated_admin_staff_ck");
		assertThat(jdbc
			.sql("""
					select count(*) from account
					where role in ('PLATFORM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN') and username in ('admin', 'secadmin', 'auditadmin')
					""")
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(jdbc
			.sql("select count(distinct role) from account where username in ('admin', 'secadmin', 'auditadmin')")
			.query(Integer.class)
			.single()).as("one role each").isEqualTo(3);
	}

	@Test
	void onlyTheSecurityAdministratorManagesTheSeparatedAdministratorsAndTheSystemAdministratorNoAccount() {
		AccountProfile systemAdmin = profile(1, Role.PLATFORM_ADMIN);
		AccountProfile auditAdmin = profile(2, Role.AUDIT_ADMIN);
		AccountProfile expert = profile(3, Role.EXPERT);
		SignedInUser security = user(10, Role.SECURITY_ADMIN, "/1/");
		SignedInUser provincial = user(11, Role.ORG_ADMIN, "/1/");
		SignedInUser system = user(12, Role.PLATFORM_ADMIN, "/1/");
		SignedInUser audit = user(13, Role.AUDIT_ADMIN, "/1/");

		assertThat(AccountAdministration.mayManage(security, systemAdmin)).isTrue();
		assertThat(AccountAdministration.mayManage(security, auditAdmin)).isTrue();
		assertThat(AccountAdministration.mayManage(security, expert)).isTrue();
		assertThat(AccountAdministration.mayManage(security, profile(10, Role.SECURITY_ADMIN))).as("not itself")
			.isFalse();
		assertThat(AccountAdministration.mayManage(provincial, systemAdmin)).isFalse();
		assertThat(AccountAdministration.mayManage(provincial, auditAdmin)).isFalse();
		assertThat(AccountAdministration.mayManage(provincial, expert)).isTrue();
		assertThat(AccountAdministration.mayManage(system, expert)).isFalse();
		assertThat(AccountAdministration.mayManage(audit, expert)).isFalse();
	}

	private void insert(String username, String role, long organisationId) {
		jdbc.sql(
				"""
						insert into account (username, mobile_hmac, mobile_cipher, display_name, password_hash, role, organisation_id)
						values (?, ?, ?, '测试', '{noop}x', ?, ?)
						""")
			.params(username, java.util.UUID.randomUUID().toString().getBytes(), new byte[] { 1 }, role, organisationId)
			.update();
	}

	private static AccountProfile profile(long id, Role role) {
		return new AccountProfile(id, "u" + id, null, "测试", role, null, 1, "福建省总工会", "/1/", false, Instant.EPOCH);
	}

	private static SignedInUser user(long id, Role role, String path) {
		return new SignedInUser(id, "u" + id, "测试", role, 1, path, "福建省总工会", null, false, false, true)
			.withSecondFactor(Instant.now());
	}

}
