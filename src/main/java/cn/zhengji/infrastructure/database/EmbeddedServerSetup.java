package cn.zhengji.infrastructure.database;

import static cn.zhengji.infrastructure.database.DatabaseCredentials.APPLICATION;
import static cn.zhengji.infrastructure.database.DatabaseCredentials.DATABASE;
import static cn.zhengji.infrastructure.database.DatabaseCredentials.OWNER;
import static cn.zhengji.infrastructure.database.DatabaseCredentials.SUPERUSER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a running embedded server to the least-privilege set-up, at every start and
 * idempotently: the superuser, owner and application roles with their passwords, the
 * database {@code zhengji} owned by the owner, and a {@code pg_hba.conf} that asks every
 * connection for a SCRAM password.
 *
 * <p>
 * zonky initialises a new cluster with {@code trust}; so does every data directory made
 * before issue 11, which also kept the platform's tables in the database
 * {@code postgres}, owned by the superuser. Such a directory is upgraded here: the
 * database is renamed to {@code zhengji}, its objects are handed to the owner, and a
 * fresh empty {@code postgres} database is created for maintenance connections. Until the
 * new {@code pg_hba.conf} is loaded (a second or so, once) the server is reachable
 * without password, but only on the loopback address.
 */
final class EmbeddedServerSetup {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServerSetup.class);

	static final String HBA = """
			# Written by Zhengji (EmbeddedServerSetup): every connection needs a SCRAM password, none is trusted.
			local   all   all                 scram-sha-256
			host    all   all   127.0.0.1/32  scram-sha-256
			host    all   all   ::1/128       scram-sha-256
			""";

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private final DatabaseCredentials credentials;

	EmbeddedServerSetup(EmbeddedPostgres postgres, Path dataDirectory, DatabaseCredentials credentials) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
		this.credentials = credentials;
	}

	void secure() {
		try {
			try (Connection maintenance = superuser("template1"); Statement sql = maintenance.createStatement()) {
				sql.execute("alter role " + SUPERUSER + " password " + literal(credentials.superuserPassword()));
				createOrUpdateRole(sql, OWNER, credentials.ownerPassword(), "nosuperuser nocreatedb nocreaterole");
				createOrUpdateRole(sql, APPLICATION, credentials.applicationPassword(),
						"nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls");
				if (!exists(sql, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
					if (holdsPlatformTables("postgres")) {
						upgradeDatabaseOfEarlierVersion(sql);
					}
					else {
						sql.execute("create database " + DATABASE + " owner " + OWNER);
					}
				}
				sql.execute("alter database " + DATABASE + " owner to " + OWNER);
				sql.execute("revoke all on database " + DATABASE + " from public");
				sql.execute("grant connect, temporary on database " + DATABASE + " to " + APPLICATION);
				sql.execute("revoke connect on database postgres from public");
			}
			handOwnedObjectsToOwner();
			requirePasswords();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set up the embedded database's roles: " + ex.getMessage(), ex);
		}
	}

	private void upgradeDatabaseOfEarlierVersion(Statement sql) throws SQLException {
		log.warn("Upgrading the embedded database of an earlier version: database postgres becomes {}, owned by {}",
				DATABASE, OWNER);
		sql.execute("alter database postgres rename to " + DATABASE);
		sql.execute("create database postgres");
	}

	/**
	 * Objects the superuser created (every object of an upgraded directory) go to the
	 * owner; extension members stay where they are. REASSIGN OWNED cannot be used: the
	 * superuser also owns the system catalogs.
	 */
	private void handOwnedObjectsToOwner() throws SQLException {
		try (Connection connection = superuser(DATABASE); Statement sql = connection.createStatement()) {
			sql.execute("""
					do $$
					declare
					    object record;
					begin
					    for object in
					        select c.oid::regclass::text as name, c.relkind
					        from pg_class c
					        join pg_namespace n on n.oid = c.relnamespace
					        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
					          and c.relowner = 'postgres'::regrole
					          and not exists (select 1 from pg_depend d where d.objid = c.oid
					                          and d.classid = 'pg_class'::regclass and d.deptype in ('e', 'a', 'i'))
					    loop
					        execute format('alter table %s owner to %I', object.name, '<owner>');
					    end loop;
					    for object in
					        select p.oid::regprocedure::text as name
					        from pg_proc p
					        join pg_namespace n on n.oid = p.pronamespace
					        where n.nspname = 'public' and p.proowner = 'postgres'::regrole
					          and not exists (select 1 from pg_depend d where d.objid = p.oid
					                          and d.classid = 'pg_proc'::regclass and d.deptype = 'e')
					    loop
					        execute format('alter routine %s owner to %I', object.name, '<owner>');
					    end loop;
					end $$
					""".replace("<owner>", OWNER));
		}
	}

	private void requirePasswords() throws SQLException {
		Path hba = dataDirectory.resolve("pg_hba.conf");
		try {
			if (HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
				return;
			}
			Files.writeString(hba, HBA, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + hba, ex);
		}
		try (Connection connection = superuser("template1"); Statement sql = connection.createStatement()) {
			sql.execute("select pg_reload_conf()");
		}
		log.info("Embedded PostgreSQL now asks every connection for a password (scram-sha-256)");
	}

	private boolean holdsPlatformTables(String database) throws SQLException {
		try (Connection connection = superuser(database); Statement sql = connection.createStatement()) {
			return exists(sql,
					"select 1 from pg_tables where schemaname = 'public' and tablename = 'flyway_schema_history'");
		}
	}

	private static void createOrUpdateRole(Statement sql, String role, String password, String attributes)
			throws SQLException {
		String verb = exists(sql, "select 1 from pg_roles where rolname = '" + role + "'") ? "alter" : "create";
		sql.execute(verb + " role " + role + " login " + attributes + " password " + literal(password));
	}

	private static boolean exists(Statement sql, String query) throws SQLException {
		try (ResultSet rows = sql.executeQuery(query)) {
			return rows.next();
		}
	}

	private Connection superuser(String database) throws SQLException {
		return postgres.getDatabase(SUPERUSER, database, Map.of("password", credentials.superuserPassword()))
			.getConnection();
	}

	static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
