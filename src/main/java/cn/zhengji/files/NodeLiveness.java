package cn.zhengji.files;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Issue 11 item 9: tells the other nodes that this one is alive, so that the upload
 * leases of a node that crashed are free at once rather than when they run out. The node
 * holds a PostgreSQL session-level advisory lock, {@code (NAMESPACE, node)}, on one
 * connection of its own for as long as it runs; when the process dies its connection
 * closes and PostgreSQL drops the lock. A lease records the node that took it, and a
 * lease whose node holds no such lock is free ({@link UploadRecords}).
 *
 * <p>
 * The connection is a physical one outside the pool (it is never returned), idle but for
 * a validity check at most every {@link #CHECK_EVERY} when a lease is taken; after the
 * database restarted it is opened again and the lock taken again.
 */
@Component
class NodeLiveness implements DisposableBean {

	/** The first key of the advisory locks of live nodes ("ZJLV"). */
	static final int NAMESPACE = 0x5A4A4C56;

	static final Duration CHECK_EVERY = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(NodeLiveness.class);

	private final DataSource dataSource;

	private final SecureRandom random = new SecureRandom();

	private int node;

	private Connection connection;

	private long checkedAtNanos;

	NodeLiveness(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * This node's key, with its lock held (taken again if the connection was lost).
	 */
	synchronized int node() {
		try {
			if (connection == null
					|| System.nanoTime() - checkedAtNanos > CHECK_EVERY.toNanos() && !connection.isValid(2)) {
				closeQuietly();
				connection = open();
				node = lockSomeKey(connection);
				log.info("Upload leases of this node carry the key {}", node);
			}
			checkedAtNanos = System.nanoTime();
			return node;
		}
		catch (SQLException ex) {
			closeQuietly();
			throw new DataAccessResourceFailureException("Cannot hold this node's liveness lock", ex);
		}
	}

	private Connection open() throws SQLException {
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
			return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
		}
		return dataSource.getConnection();
	}

	private int lockSomeKey(Connection held) throws SQLException {
		// The key is random: a node restarted takes a new one, and two live nodes drawing
		// the same one only makes the second try again.
		try (PreparedStatement lock = held.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
			while (true) {
				int candidate = 1 + random.nextInt(Integer.MAX_VALUE - 1);
				lock.setInt(1, NAMESPACE);
				lock.setInt(2, candidate);
				try (ResultSet result = lock.executeQuery()) {
					result.next();
					if (result.getBoolean(1)) {
						return candidate;
					}
				}
			}
		}
	}

	private void closeQuietly() {
		if (connection == null) {
			return;
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			log.debug("Closing the liveness connection: {}", ex.toString());
		}
		connection = null;
	}

	@Override
	public synchronized void destroy() {
		closeQuietly();
	}

}
