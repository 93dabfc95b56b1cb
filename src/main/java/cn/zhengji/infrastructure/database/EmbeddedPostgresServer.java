package cn.zhengji.infrastructure.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the zonky binaries, whose data directory outlives the
 * process.
 *
 * <p>
 * One server per data directory and JVM: several Spring contexts in one test JVM share
 * it, and it is stopped when the last of them closes. A server left running by a JVM that
 * was killed with {@code kill -9} still holds the data directory; it is stopped first so
 * that PostgreSQL can recover from its write-ahead log, which keeps every committed row.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

	private final Path dataDirectory;

	private final DatabaseCredentials credentials;

	private final int port;

	private EmbeddedPostgres postgres;

	private int users;

	private EmbeddedPostgresServer(Path dataDirectory, DatabaseCredentials credentials, int port,
			EmbeddedPostgres postgres) {
		this.dataDirectory = dataDirectory;
		this.credentials = credentials;
		this.port = port;
		this.postgres = postgres;
	}

	/**
	 * @param startEmpty whether to delete the data directory before the first start in
	 * this JVM (tests); never for real data
	 */
	static synchronized EmbeddedPostgresServer acquire(Path dataDirectory, DatabaseCredentials credentials,
			boolean startEmpty) {
		Path key = dataDirectory.toAbsolutePath().normalize();
		EmbeddedPostgresServer server = RUNNING.computeIfAbsent(key,
				dir -> start(dir, credentials, startEmpty, freePort()));
		server.users++;
		return server;
	}

	synchronized void release() {
		synchronized (EmbeddedPostgresServer.class) {
			if (--users > 0) {
				return;
			}
			RUNNING.remove(dataDirectory);
		}
		stop();
	}

	/**
	 * Stops the server and starts it again on the same port and data: what an operator's
	 * restart of the database looks like to the platform's connection pool.
	 */
	synchronized void restart() {
		stop();
		postgres = start(dataDirectory, credentials, false, port).postgres;
	}

	private void stop() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

	/** The platform's database, without credentials in the address. */
	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/" + DatabaseCredentials.DATABASE;
	}

	int port() {
		return port;
	}

	DatabaseCredentials credentials() {
		return credentials;
	}

	/** A connection source as the superuser, to a database of the server. */
	DataSource superuserDataSource(String database) {
		return postgres.getDatabase(DatabaseCredentials.SUPERUSER, database,
				Map.of("password", credentials.superuserPassword()));
	}

	/** A connection source as the owner of the platform's schema. */
	DataSource ownerDataSource() {
		return postgres.getDatabase(DatabaseCredentials.OWNER, DatabaseCredentials.DATABASE,
				Map.of("password", credentials.ownerPassword()));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded PostgreSQL", ex);
		}
	}

	private static EmbeddedPostgresServer start(Path dataDirectory, DatabaseCredentials credentials, boolean startEmpty,
			int port) {
		try {
			Files.createDirectories(dataDirectory);
			stopOrphanedServer(dataDirectory);
			if (startEmpty) {
				org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
				Files.createDirectories(dataDirectory);
			}
			long started = System.nanoTime();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setPort(port)
				// zonky checks readiness as the superuser; once set up, that needs the
				// password.
				.setConnectConfig("password", credentials.superuserPassword())
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("password_encryption", "scram-sha-256")
				// zonky's defaults are for throw-away test databases; this one keeps real
				// data.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("timezone", "UTC")
				// The application role is no superuser, so the slots reserved for
				// superusers are not its; several app contexts on one server (a second
				// node, the test suite's cached contexts) each keep a pool of 10.
				.setServerConfig("max_connections", "300")
				.start();
			new EmbeddedServerSetup(postgres, dataDirectory, credentials).secure();
			log.info("Embedded PostgreSQL started in {} ms, data in {}", (System.nanoTime() - started) / 1_000_000,
					dataDirectory);
			return new EmbeddedPostgresServer(dataDirectory, credentials, port, postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded PostgreSQL could not start in " + dataDirectory, ex);
		}
	}

	/**
	 * A postmaster whose JVM died still runs and holds the directory; stop it (fast
	 * shutdown).
	 */
	private static void stopOrphanedServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile)
			.stream()
			.findFirst()
			.map(String::strip)
			.filter(line -> line.matches("\\d+"))
			.flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false));
		if (postmaster.isEmpty()) {
			return;
		}
		log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by an earlier run", postmaster.get().pid());
		try {
			new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid())).inheritIO().start().waitFor();
			postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			postmaster.get().destroyForcibly();
		}
	}

}
