package cn.zhengji.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Proof of work (own code, see docs/architecture.md): while traffic from an address or
 * device looks suspicious, a vote must carry the answer to a fresh challenge — a nonce
 * such that SHA-256 of {@code "<challenge id>:<nonce>"} starts with {@code difficulty}
 * zero bits (static/js/vote.js finds it with WebCrypto). Each challenge is answered once
 * and within {@link #VALID}; challenges live in PostgreSQL, so that any node checks them.
 */
@Component
class Challenges {

	static final Duration VALID = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	Challenges(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A challenge the client must solve. */
	public record Challenge(UUID id, int difficulty) {
	}

	Challenge issue(int difficulty) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into vote_challenge (id, difficulty, created_at) values (?, ?, ?)")
			.params(id, difficulty, java.sql.Timestamp.from(clock.instant()))
			.update();
		return new Challenge(id, difficulty);
	}

	/**
	 * Whether the answer solves an unanswered, recent challenge of at least
	 * {@code minimumDifficulty} bits; uses the challenge up.
	 */
	boolean redeem(String challengeId, String nonce, int minimumDifficulty) {
		if (challengeId == null || nonce == null || nonce.length() > 32) {
			return false;
		}
		UUID id;
		try {
			id = UUID.fromString(challengeId.strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (zeroBits(id + ":" + nonce.strip()) < minimumDifficulty) {
			return false;
		}
		return jdbc.sql("""
				update vote_challenge set used_at = :now
				where id = :id and used_at is null and created_at > :since and difficulty >= :difficulty
				""")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("id", id)
			.param("since", java.sql.Timestamp.from(clock.instant().minus(VALID)))
			.param("difficulty", minimumDifficulty)
			.update() == 1;
	}

	/** Leading zero bits of SHA-256 of the text (UTF-8). */
	static int zeroBits(String text) {
		byte[] hash;
		try {
			hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		int bits = 0;
		for (byte b : hash) {
			if (b == 0) {
				bits += 8;
				continue;
			}
			bits += Integer.numberOfLeadingZeros(b & 0xff) - 24;
			break;
		}
		return bits;
	}

	/** Removes challenges older than their validity (the daily clean-up). */
	int purge() {
		return jdbc.sql("delete from vote_challenge where created_at < ?")
			.param(java.sql.Timestamp.from(clock.instant().minus(VALID)))
			.update();
	}

}
