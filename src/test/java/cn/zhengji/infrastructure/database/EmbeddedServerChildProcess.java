package cn.zhengji.infrastructure.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresKillIntegrationTest}: starts the
 * embedded server on the given directory, commits one row, says READY and waits to be
 * killed.
 */
final class EmbeddedServerChildProcess {

	private EmbeddedServerChildProcess() {
	}

	// Standard output is the protocol with the parent test, which waits for the line
	// READY.
	@SuppressWarnings("checkstyle:systemOut")
	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(Path.of(args[0]).resolve("postgres"),
				DatabaseCredentials.loadOrGenerate(Path.of(args[0]).resolve("database.properties")), false);
		try (Connection connection = server.ownerDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists survivor (value text not null)");
			statement.execute("insert into survivor (value) values ('" + args[1] + "')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(120_000);
	}

}
