package cn.zhengji.files;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * One writer per upload across nodes: a lease on the {@code stored_file} row, taken with
 * one conditional UPDATE and held without a database connection while the bytes stream
 * in. The holder refreshes it when half of it has passed, and stops writing
 * {@link #SAFETY} before it could have ended unless a refresh, conditional on its own
 * token, shows that nobody took it over; so a stalled writer on one node and a new writer
 * on another never write the same file at once. The lease of a node that crashed is free
 * at once ({@link NodeLiveness}).
 */
@Component
class UploadLeases {

	/**
	 * A writer stops this long before its lease ends (clock differences between nodes).
	 */
	static final Duration SAFETY = Duration.ofSeconds(5);

	private final UploadRecords records;

	private final Clock clock;

	private final Duration length;

	private final Duration expireAfter;

	private final NodeLiveness liveness;

	UploadLeases(UploadRecords records, NodeLiveness liveness, Clock clock, UploadProperties properties) {
		this.records = records;
		this.liveness = liveness;
		this.clock = clock;
		this.length = properties.lease();
		this.expireAfter = properties.expireAfter();
	}

	/**
	 * The lease of an unfinished, unexpired upload; empty if someone holds it (or it is
	 * finished, expired, gone).
	 */
	Optional<Lease> takeForWriting(UUID id) {
		Instant now = clock.instant();
		UUID token = UUID.randomUUID();
		Instant until = now.plus(length);
		return records.takeForWriting(id, token, liveness.node(), until, now)
			.map(offset -> new Lease(id, token, until, offset));
	}

	/**
	 * The lease of any upload, finished or not, for removing it; empty if someone holds
	 * it.
	 */
	Optional<Lease> takeForRemoval(UUID id) {
		Instant now = clock.instant();
		UUID token = UUID.randomUUID();
		Instant until = now.plus(length);
		return records.takeForRemoval(id, token, liveness.node(), until, now)
			.map(offset -> new Lease(id, token, until, offset));
	}

	/** Thrown when a writer finds that its lease ended; it stops writing at once. */
	static final class LeaseLostException extends RuntimeException {

		LeaseLostException() {
			super(null, null, false, false);
		}

	}

	/** One holder's lease on an upload row. */
	final class Lease {

		private final UUID id;

		private final UUID token;

		private final long offset;

		// Written by the PATCH's thread and by its background force.
		private volatile long stopWritingAtMillis;

		private volatile boolean held = true;

		private Lease(UUID id, UUID token, Instant until, long offset) {
			this.id = id;
			this.token = token;
			this.offset = offset;
			this.stopWritingAtMillis = stopWritingAt(until);
		}

		UUID token() {
			return token;
		}

		/** The offset recorded when the lease was taken. */
		long offset() {
			return offset;
		}

		boolean held() {
			return held;
		}

		/**
		 * Called before every write: refreshes the lease when half of it has passed. Past
		 * its end (minus {@link #SAFETY}) nothing may be written unless the refresh shows
		 * nobody took it.
		 * @throws LeaseLostException when someone else holds the upload now
		 */
		void keepAlive() {
			long now = clock.millis();
			if (now < stopWritingAtMillis - length.toMillis() / 2) {
				return;
			}
			Instant until = Instant.ofEpochMilli(now).plus(length);
			if (!records.extendLease(id, token, until)) {
				held = false;
				throw new LeaseLostException();
			}
			stopWritingAtMillis = stopWritingAt(until);
		}

		/**
		 * Records durable progress (bytes already forced to disk) and extends lease and
		 * expiry.
		 * @throws LeaseLostException when someone else holds the upload now
		 */
		void record(long newOffset) {
			Instant now = clock.instant();
			Instant until = now.plus(length);
			if (!records.recordProgress(id, token, newOffset, until, now.plus(expireAfter))) {
				held = false;
				throw new LeaseLostException();
			}
			stopWritingAtMillis = stopWritingAt(until);
		}

		/**
		 * Gives the lease back, recording the offset; nothing happens if it is no longer
		 * held.
		 */
		void release(long newOffset) {
			if (!held) {
				return;
			}
			held = false;
			records.releaseLease(id, token, newOffset, clock.instant().plus(expireAfter));
		}

		/**
		 * On every way out: a lease still held is given back without recording anything
		 * new.
		 */
		void releaseIfHeld() {
			if (!held) {
				return;
			}
			held = false;
			records.releaseLease(id, token);
		}

		/**
		 * The row's own update gave the lease back (completion) or removed it (deletion).
		 */
		void releasedWithRow() {
			held = false;
		}

	}

	private static long stopWritingAt(Instant until) {
		return until.toEpochMilli() - SAFETY.toMillis();
	}

}
