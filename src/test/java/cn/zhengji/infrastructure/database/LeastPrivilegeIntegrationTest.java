package cn.zhengji.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import cn.zhengji.support.ZhengjiTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 items 1 and 2: the platform's DataSource is a role that reads and writes rows
 * and can do nothing else, Flyway's owner owns the schema, and audit rows can be added
 * but never changed or removed except by the retention purge.
 */
@ZhengjiTest
class LeastPrivilegeIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Flyway flyway;

	@Autowired
	Environment environment;

	@Test
	void theApplicationRoleIsNoSuperuserAndOwnsNothing() {
		assertThat(
				jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
					.query(Boolean.class)
					.single())
			.isFalse();
		assertThat(jdbc.sql("""
				select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relowner = (select oid from pg_roles where rolname = current_user)
				""").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> :owner")
			.param("owner", flyway.getConfiguration().getDataSource() == null ? "" : ownerName())
			.query(Integer.class)
			.single()).as("every table belongs to the role Flyway migrates as").isZero();
	}

	@Test
	void theApplicationRoleCannotRunProgramsOrReadServerFiles() {
		// insufficient_privilege; the wording differs between PostgreSQL versions
		assertThatThrownBy(() -> jdbc.sql("copy (select 1) to program 'id'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.isInstanceOfSatisfying(java.sql.SQLException.class,
					denied -> assertThat(denied.getSQLState()).isEqualTo("42501"));
		assertThatThrownBy(() -> jdbc.sql("select pg_read_file('postgresql.conf')").query(String.class).single())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void theApplicationRoleCannotCreateOrDropTables() {
		assertThatThrownBy(() -> jdbc.sql("create table intruder (x int)").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("drop table account").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("must be owner");
		assertThatThrownBy(() -> jdbc.sql("delete from flyway_schema_history").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void tablesOfLaterMigrationsAreUsableWithoutAGrantOfTheirOwn() throws SQLException {
		try (Connection owner = flyway.getConfiguration().getDataSource().getConnection();
				Statement sql = owner.createStatement()) {
			sql.execute("create table later_migration_probe (id bigint generated always as identity primary key, "
					+ "note text not null)");
			try {
				jdbc.sql("insert into later_migration_probe (note) values ('可写')").update();
				assertThat(jdbc.sql("select note from later_migration_probe").query(String.class).list())
					.containsExactly("可写");
			}
			finally {
				sql.execute("drop table later_migration_probe");
			}
		}
	}

	@Test
	void auditRowsCanBeAddedAndReadButNeitherChangedNorRemoved() {
		long id = insertAuditRow(OffsetDateTime.now(ZoneOffset.UTC));
		assertThat(
				jdbc.sql("select summary from audit_event where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("权限测试");
		assertThatThrownBy(
				() -> jdbc.sql("update audit_event set summary = '改写' where id = :id").param("id", id).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", id).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThat(
				jdbc.sql("select summary from audit_event where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("权限测试");
	}

	@Test
	void thePurgeRemovesOnlyRowsOlderThanARetentionOfAtLeastSixMonths() {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long old = insertAuditRow(now.minusMonths(7));
		long recent = insertAuditRow(now.minusMonths(5));

		assertThatThrownBy(() -> purge("1 month", null)).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("at least 6 months");
		// A clock moved 3 months into the future would put the row of 5 months ago past
		// the
		// retention; the database's own time bounds it.
		assertThat(purge("6 months", now.plusMonths(3))).isGreaterThanOrEqualTo(1);
		assertThat(remaining(old, recent)).containsExactly(recent);

		purge("6 months", now);
		assertThat(remaining(old, recent)).containsExactly(recent);
	}

	@Test
	void aConnectionWithoutPasswordIsRefused() {
		Assumptions.assumeFalse(environment.containsProperty("spring.datasource.url"),
				"the server's pg_hba.conf is the operator's");
		String url = jdbcUrl();
		for (String role : List.of("postgres", "zhengji_owner", "zhengji_app")) {
			assertThatThrownBy(() -> DriverManager.getConnection(url, role, "")).isInstanceOf(SQLException.class)
				.hasMessageContaining("password");
			assertThatThrownBy(() -> DriverManager.getConnection(url, role, "postgres"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
		}
	}

	private String jdbcUrl() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getURL();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String ownerName() {
		try (Connection owner = flyway.getConfiguration().getDataSource().getConnection()) {
			return owner.getMetaData().getUserName();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long insertAuditRow(OffsetDateTime at) {
		return jdbc.sql("""
				insert into audit_event (occurred_at, action, target_type, target_id, summary)
				values (:at, 'UPDATED', 'privilege-test', 'x', '权限测试') returning id
				""").param("at", at).query(Long.class).single();
	}

	private long purge(String retention, OffsetDateTime asOf) {
		return jdbc.sql("select audit_purge_older_than(cast(:retention as interval), cast(:asOf as timestamptz))")
			.param("retention", retention)
			.param("asOf", asOf)
			.query(Long.class)
			.single();
	}

	private List<Long> remaining(long... ids) {
		return jdbc.sql("select id from audit_event where id in (:ids) order by id")
			.param("ids", java.util.Arrays.stream(ids).boxed().toList())
			.query(Long.class)
			.list();
	}

}
