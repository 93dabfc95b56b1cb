package cn.zhengji.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database keeps what was committed when the application's JVM is killed
 * with {@code kill -9}: the orphaned PostgreSQL is stopped at the next start and recovers
 * from its WAL.
 */
class EmbeddedPostgresKillIntegrationTest {

	@TempDir
	Path dataDirectory;

	@Test
	void keepsCommittedRowsWhenTheJvmIsKilled() throws Exception {
		String value = "提交于 kill -9 之前 " + System.nanoTime();
		Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
				EmbeddedServerChildProcess.class.getName(), dataDirectory.toString(), value)
			.redirectErrorStream(true)
			.start();
		List<String> output = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null && !line.equals("READY")) {
				output.add(line);
			}
			assertThat(line).as("child output: %s", output).isEqualTo("READY");
			child.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to stop
										// PostgreSQL
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(Files.exists(dataDirectory.resolve("postgres").resolve("postmaster.pid")))
			.as("PostgreSQL outlived its JVM")
			.isTrue();

		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(dataDirectory.resolve("postgres"),
				DatabaseCredentials.loadOrGenerate(dataDirectory.resolve("database.properties")), false);
		try (Connection connection = server.ownerDataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select value from survivor")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo(value);
			assertThat(rows.next()).isFalse();
		}
		finally {
			server.release();
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command().orElseThrow();
	}

}
