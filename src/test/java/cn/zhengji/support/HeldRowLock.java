package cn.zhengji.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row lock held by the test in a transaction of its own, to prove what the application
 * does before it takes the same lock: start the application's call, {@link #awaitWaiter
 * wait} until it waits for this lock, change the world, then {@link #release()}.
 */
public final class HeldRowLock implements AutoCloseable {

	private final Connection connection;

	private HeldRowLock(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Locks the row {@code id} of the table ({@code select … for update}) until released.
	 */
	public static HeldRowLock on(DataSource dataSource, String table, long id) throws SQLException {
		Connection connection = dataSource.getConnection();
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection
			.prepareStatement("select id from " + table + " where id = ? for update")) {
			lock.setLong(1, id);
			lock.executeQuery().close();
		}
		return new HeldRowLock(connection);
	}

	/**
	 * Waits (60 s at most) until another backend waits for a lock while running a
	 * statement that contains {@code statementPart}; the call must not have finished
	 * meanwhile.
	 */
	public void awaitWaiter(String statementPart, Future<?> call) throws SQLException, InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!someoneWaits(statementPart)) {
			assertThat(System.nanoTime()).as("a call waits for the lock").isLessThan(until);
			assertThat(call).as("the call waits for the lock instead of finishing").isNotDone();
			Thread.sleep(20);
		}
	}

	private boolean someoneWaits(String statementPart) throws SQLException {
		// Inside a transaction the activity view is a snapshot taken once: take a fresh
		// one each time.
		try (PreparedStatement clear = connection.prepareStatement("select pg_stat_clear_snapshot()")) {
			clear.executeQuery().close();
		}
		try (PreparedStatement waiting = connection.prepareStatement("""
				select count(*) from pg_stat_activity
				where wait_event_type = 'Lock' and pid <> pg_backend_pid() and strpos(query, ?) > 0
				""")) {
			waiting.setString(1, statementPart);
			try (ResultSet rows = waiting.executeQuery()) {
				rows.next();
				return rows.getInt(1) > 0;
			}
		}
	}

	/** Ends the transaction: the waiting call takes the lock. */
	public void release() throws SQLException {
		connection.commit();
	}

	@Override
	public void close() throws SQLException {
		connection.rollback();
		connection.close();
	}

}
