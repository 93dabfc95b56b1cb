package cn.zhengji.files;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.zhengji.account.MutableClock;
import cn.zhengji.files.UploadLeases.Lease;
import cn.zhengji.files.UploadLeases.LeaseLostException;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R-SUB-2 The upload lease on the real {@code stored_file} rows, with a clock the test
 * moves: the rule "a lease is free only after its end" lives in the conditional UPDATEs,
 * so it is tested against the database rather than a stand-in. Two {@link UploadLeases}
 * on one clock play two nodes.
 */
@ZhengjiTest
class UploadLeasesIntegrationTest {

	static final Duration LEASE = Duration.ofSeconds(30);

	static final Duration EXPIRE_AFTER = Duration.ofHours(24);

	@Autowired
	UploadRecords records;

	@Autowired
	JdbcClient jdbc;

	final MutableClock clock = new MutableClock();

	UploadLeases leases;

	@Autowired
	NodeLiveness liveness;

	Instant start;

	UUID upload;

	@BeforeEach
	void newUpload() {
		leases = new UploadLeases(records, liveness, clock, new UploadProperties(DataSize.ofGigabytes(2), EXPIRE_AFTER,
				Duration.ofMinutes(10), LEASE, DataSize.ofMegabytes(8), DataSize.ofKilobytes(128)));
		// Now (the expiry job of the running application uses the real clock), to the
		// database's precision.
		start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		clock.set(start);
		long owner = jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, '租约测试', 'x', 'EXPERT', (select id from organisation where code = 'fj')) returning id
				""").param("lease-" + UUID.randomUUID().toString().substring(0, 12)).query(Long.class).single();
		upload = UUID.randomUUID();
		records.insert(upload, owner, "/1/", "lease.mp4", 100, null, start, start.plus(EXPIRE_AFTER));
	}

	Instant leaseUntil() {
		OffsetDateTime until = jdbc.sql("select lease_until from stored_file where id = ?")
			.param(upload)
			.query(OffsetDateTime.class)
			.list()
			.getFirst();
		return until == null ? null : until.toInstant();
	}

	UUID leaseToken() {
		// The list, because single() refuses a null value.
		return jdbc.sql("select lease_token from stored_file where id = ?")
			.param(upload)
			.query(UUID.class)
			.list()
			.getFirst();
	}

	long recordedOffset() {
		return jdbc.sql("select upload_offset from stored_file where id = ?").param(upload).query(Long.class).single();
	}

	@Test
	void aSecondWriterIsRefusedUntilTheLeaseHasEnded() {
		Lease first = leases.takeForWriting(upload).orElseThrow();

		assertThat(first.offset()).isZero();
		assertThat(leaseUntil()).isEqualTo(start.plus(LEASE));
		assertThat(leases.takeForWriting(upload)).isEmpty();
		assertThat(leases.takeForRemoval(upload)).isEmpty();
		clock.set(start.plus(LEASE));
		assertThat(leases.takeForWriting(upload)).as("at its very end the lease still holds").isEmpty();
		assertThat(leaseToken()).isEqualTo(first.token());
	}

	@Test
	void aWriterRefreshesOnlyOnceHalfOfTheLeaseHasPassedAndTheRefreshExtendsIt() {
		Lease writer = leases.takeForWriting(upload).orElseThrow();

		// Half of what may be written under it: (30 s - 5 s safety) - 15 s = 10 s.
		clock.set(start.plusSeconds(10).minusMillis(1));
		writer.keepAlive();
		assertThat(leaseUntil()).as("not refreshed before half of the lease (less the safety margin)")
			.isEqualTo(start.plus(LEASE));

		clock.set(start.plusSeconds(10));
		writer.keepAlive();
		assertThat(leaseUntil()).isEqualTo(start.plusSeconds(10).plus(LEASE));

		clock.set(start.plus(LEASE).plusSeconds(9));
		assertThat(leases.takeForWriting(upload)).as("past the first end, the refreshed lease still holds").isEmpty();
		assertThat(writer.held()).isTrue();
	}

	@Test
	void progressRecordedUnderTheLeaseExtendsLeaseAndExpiry() {
		Lease writer = leases.takeForWriting(upload).orElseThrow();

		clock.set(start.plusSeconds(3));
		writer.record(64);

		assertThat(recordedOffset()).isEqualTo(64);
		assertThat(leaseUntil()).isEqualTo(start.plusSeconds(3).plus(LEASE));
		assertThat(jdbc.sql("select expires_at from stored_file where id = ?")
			.param(upload)
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(start.plusSeconds(3).plus(EXPIRE_AFTER));
	}

	@Test
	void aStalledWriterPastItsStopPointMayGoOnOnlyBecauseItsRefreshShowsNobodyTookOver() {
		Lease writer = leases.takeForWriting(upload).orElseThrow();

		// Past "5 s before the end", before the end: nobody can have taken it, the
		// refresh holds.
		clock.set(start.plus(LEASE).minus(UploadLeases.SAFETY).plusMillis(1));
		writer.keepAlive();

		assertThat(writer.held()).isTrue();
		assertThat(leaseUntil()).isEqualTo(start.plus(LEASE).minus(UploadLeases.SAFETY).plusMillis(1).plus(LEASE));
	}

	@Test
	void aStalledWriterIsToldToStopOnceANewWriterTookOverAfterItsLeaseEnded() {
		Lease stalled = leases.takeForWriting(upload).orElseThrow();
		stalled.record(40);

		clock.set(start.plus(LEASE).plusMillis(1));
		Lease next = leases.takeForWriting(upload).orElseThrow();

		assertThat(next.offset()).as("the new writer starts at the last recorded offset").isEqualTo(40);
		assertThat(leaseToken()).isEqualTo(next.token());
		assertThatThrownBy(stalled::keepAlive).isInstanceOf(LeaseLostException.class);
		assertThat(stalled.held()).isFalse();
		assertThatThrownBy(() -> stalled.record(90)).isInstanceOf(LeaseLostException.class);
		stalled.release(90);
		stalled.releaseIfHeld();
		assertThat(recordedOffset()).as("the old writer records nothing any more").isEqualTo(40);
		assertThat(leaseToken()).as("nor gives back the new writer's lease").isEqualTo(next.token());
		assertThat(leases.takeForWriting(upload)).isEmpty();
	}

	@Test
	void givingTheLeaseBackRecordsTheOffsetAndFreesTheUploadAtOnce() {
		Lease first = leases.takeForWriting(upload).orElseThrow();

		first.release(70);

		assertThat(first.held()).isFalse();
		assertThat(leaseToken()).isNull();
		assertThat(leaseUntil()).isNull();
		assertThat(recordedOffset()).isEqualTo(70);
		Lease second = leases.takeForWriting(upload).orElseThrow();
		assertThat(second.offset()).isEqualTo(70);

		second.releaseIfHeld();

		assertThat(leaseToken()).isNull();
		assertThat(recordedOffset()).as("given back without recording anything").isEqualTo(70);
		assertThat(leases.takeForRemoval(upload)).isPresent();
	}

	@Test
	void noWriterTakesAnExpiredUploadButTheExpiryJobMay() {
		clock.set(start.plus(EXPIRE_AFTER));

		assertThat(leases.takeForWriting(upload)).isEmpty();
		assertThat(leases.takeForRemoval(upload)).isPresent();
	}

}
