package cn.zhengji.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * R-X-3 The MAC of one link of the audit chain: HMAC-SM3 over the previous link's MAC and
 * every field of the event, each length-prefixed so that moving text from one field to
 * the next changes the MAC. The fields are taken as PostgreSQL stores them (times in
 * microseconds, JSON as {@code jsonb::text}), so that writing and verifying compute over
 * the same bytes.
 */
final class AuditChain {

	private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

	/** The MAC before the first link. */
	static final byte[] GENESIS = new byte[0];

	private final SecretKeySpec key;

	AuditChain(byte[] key) {
		this.key = new SecretKeySpec(key, "HMACSM3");
	}

	byte[] mac(Link link) {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		field(content, link.previousMac());
		field(content, Long.toString(link.chainSeq()));
		field(content, Long.toString(micros(link.occurredAt())));
		field(content, link.actorId() == null ? null : link.actorId().toString());
		field(content, link.actorName());
		field(content, link.remoteAddress());
		field(content, link.action());
		field(content, link.targetType());
		field(content, link.targetId());
		field(content, link.summary());
		field(content, link.organisationPath());
		field(content, link.beforeState());
		field(content, link.afterState());
		try {
			Mac mac = Mac.getInstance("HMACSM3", PROVIDER);
			mac.init(key);
			return mac.doFinal(content.toByteArray());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SM3 failed", ex);
		}
	}

	/** The precision PostgreSQL keeps. */
	static Instant stored(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static long micros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
	}

	private static void field(ByteArrayOutputStream content, String value) {
		field(content, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
	}

	private static void field(ByteArrayOutputStream content, byte[] value) {
		int length = value == null ? -1 : value.length;
		content.write(length >>> 24);
		content.write(length >>> 16);
		content.write(length >>> 8);
		content.write(length);
		if (value != null) {
			content.writeBytes(value);
		}
	}

	/** One event as a link of the chain, its fields as stored. */
	record Link(long chainSeq, byte[] previousMac, Instant occurredAt, Long actorId, String actorName,
			String remoteAddress, String action, String targetType, String targetId, String summary,
			String organisationPath, String beforeState, String afterState) {
	}

}
