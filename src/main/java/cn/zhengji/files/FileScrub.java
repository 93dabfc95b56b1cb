package cn.zhengji.files;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 11 item 9: the scrub re-hashes every stored file once per
 * {@code zhengji.files.scrub-every} (a week by default), those checked longest ago first,
 * and reports a mismatch through {@link FileIntegrity}. One run stops after
 * {@link #RUN_TIME} so that the job never holds its node for long; the next run goes on
 * where it stopped (the order is by {@code verified_at}).
 */
@Component
class FileScrub {

	static final Duration RUN_TIME = Duration.ofMinutes(2);

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final FileIntegrity integrity;

	private final Clock clock;

	private final Duration every;

	FileScrub(JdbcClient jdbc, FileIntegrity integrity, Clock clock,
			@Value("${zhengji.files.scrub-every:7d}") Duration every) {
		this.jdbc = jdbc;
		this.integrity = integrity;
		this.clock = clock;
		this.every = every;
	}

	/**
	 * Verifies the files due, batch by batch, each without a database connection held
	 * while hashing.
	 * @return how many files were verified (intact or not)
	 */
	int run() {
		Instant stopAt = Instant.now().plus(RUN_TIME);
		int verified = 0;
		while (Instant.now().isBefore(stopAt)) {
			List<StoredFile> due = due();
			if (due.isEmpty()) {
				break;
			}
			for (StoredFile file : due) {
				integrity.verify(file);
				verified++;
			}
		}
		return verified;
	}

	private List<StoredFile> due() {
		return jdbc.sql("""
				select id, owner_account_id, file_name, upload_length, sha256, completed_at from stored_file
				where completed_at is not null and corrupted_at is null
				  and (verified_at is null or verified_at < :due)
				order by verified_at nulls first, completed_at
				limit :batch
				""")
			.param("due", clock.instant().minus(every).atOffset(ZoneOffset.UTC))
			.param("batch", BATCH)
			.query((rs, n) -> new StoredFile(rs.getObject(1, java.util.UUID.class), rs.getLong(2), rs.getString(3),
					rs.getLong(4), rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

}
