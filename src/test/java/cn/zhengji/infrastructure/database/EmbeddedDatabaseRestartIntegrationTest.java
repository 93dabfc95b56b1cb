package cn.zhengji.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 11: the database restarts while writers run. The platform's pool
 * reconnects by itself, and every write that was acknowledged (committed without error)
 * is there afterwards; writes refused during the restart are the only ones missing.
 */
class EmbeddedDatabaseRestartIntegrationTest {

	@TempDir
	Path dataDir;

	@Test
	void reconnectsAfterARestartUnderWriteLoadAndLosesNothingAcknowledged() throws Exception {
		DatabaseCredentials credentials = DatabaseCredentials
			.loadOrGenerate(dataDir.resolve("keys").resolve("database.properties"));
		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(dataDir.resolve("postgres"), credentials, false);
		try (Connection owner = server.ownerDataSource().getConnection(); Statement sql = owner.createStatement()) {
			sql.execute("create table restart_probe (id bigint primary key, writer int not null)");
			sql.execute("grant select, insert on restart_probe to " + DatabaseCredentials.APPLICATION);
		}
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicLong nextId = new AtomicLong();
		AtomicInteger refused = new AtomicInteger();
		AtomicBoolean restarted = new AtomicBoolean();
		AtomicInteger acknowledgedAfterRestart = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try (HikariDataSource pool = EmbeddedDatabaseConfiguration.applicationDataSource(server)) {
			for (int writer = 0; writer < 4; writer++) {
				int number = writer;
				writers.submit(() -> {
					while (!stop.get()) {
						long id = nextId.incrementAndGet();
						try (Connection connection = pool.getConnection();
								PreparedStatement insert = connection
									.prepareStatement("insert into restart_probe (id, writer) values (?, ?)")) {
							insert.setLong(1, id);
							insert.setInt(2, number);
							insert.executeUpdate();
							acknowledged.add(id);
							if (restarted.get()) {
								acknowledgedAfterRestart.incrementAndGet();
							}
						}
						catch (SQLException ex) {
							refused.incrementAndGet();
							sleep(20);
						}
					}
					return null;
				});
			}
			waitUntil(() -> acknowledged.size() >= 200);
			server.restart();
			restarted.set(true);
			waitUntil(() -> acknowledgedAfterRestart.get() >= 200);
			stop.set(true);
			writers.shutdown();
			assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

			Set<Long> stored = new HashSet<>();
			try (Connection connection = pool.getConnection();
					Statement sql = connection.createStatement();
					ResultSet rows = sql.executeQuery("select id from restart_probe")) {
				while (rows.next()) {
					stored.add(rows.getLong(1));
				}
			}
			assertThat(acknowledgedAfterRestart.get()).as("writes acknowledged after the restart")
				.isGreaterThanOrEqualTo(200);
			assertThat(stored).as("every acknowledged write survives (%d refused during the restart)", refused.get())
				.containsAll(acknowledged);
		}
		finally {
			stop.set(true);
			writers.shutdownNow();
			server.release();
		}
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 90 s").isLessThan(deadline);
			sleep(20);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
