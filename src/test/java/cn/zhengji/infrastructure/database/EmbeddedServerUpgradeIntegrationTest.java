package cn.zhengji.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory made before issue 11 (initdb with {@code trust}, the platform's tables
 * in the database {@code postgres}, owned by the superuser) is upgraded at the next
 * start: passwords are generated, the tables move to the database {@code zhengji} owned
 * by the owner role, and no connection without password is accepted any more.
 */
class EmbeddedServerUpgradeIntegrationTest {

	@TempDir
	Path dataDir;

	@Test
	void upgradesATrustingDirectoryOfAnEarlierVersion() throws Exception {
		Path postgresDir = dataDir.resolve("postgres");
		Files.createDirectories(postgresDir);
		try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
			.setDataDirectory(postgresDir)
			.setCleanDataDirectory(false)
			.start();
				Connection connection = earlier.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("create table flyway_schema_history (installed_rank int primary key)");
			sql.execute("create table organisation (id bigint generated always as identity primary key, name text)");
			sql.execute("insert into organisation (name) values ('福建省总工会')");
		}

		Path credentialsFile = dataDir.resolve("keys").resolve("database.properties");
		DatabaseCredentials credentials = DatabaseCredentials.loadOrGenerate(credentialsFile);
		assertThat(Files.getPosixFilePermissions(credentialsFile))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(postgresDir, credentials, false);
		try {
			String url = server.jdbcUrl();
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
			try (Connection owner = server.ownerDataSource().getConnection(); Statement sql = owner.createStatement()) {
				assertThat(single(sql, "select name from organisation")).isEqualTo("福建省总工会");
				assertThat(single(sql, "select tableowner from pg_tables where tablename = 'organisation'"))
					.isEqualTo("zhengji_owner");
				assertThat(single(sql, "select pg_get_userbyid(datdba) from pg_database where datname = 'zhengji'"))
					.isEqualTo("zhengji_owner");
			}
			try (Connection application = DriverManager.getConnection(url, "zhengji_app",
					credentials.applicationPassword()); Statement sql = application.createStatement()) {
				assertThat(single(sql, "select rolsuper::text from pg_roles where rolname = current_user"))
					.isEqualTo("false");
			}
		}
		finally {
			server.release();
		}

		// A second start finds everything in place.
		EmbeddedPostgresServer again = EmbeddedPostgresServer.acquire(postgresDir, credentials, false);
		try (Connection owner = again.ownerDataSource().getConnection(); Statement sql = owner.createStatement()) {
			assertThat(single(sql, "select count(*)::text from organisation")).isEqualTo("1");
		}
		finally {
			again.release();
		}
	}

	private static String single(Statement sql, String query) throws SQLException {
		try (ResultSet rows = sql.executeQuery(query)) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

}
