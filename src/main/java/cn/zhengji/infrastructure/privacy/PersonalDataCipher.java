package cn.zhengji.infrastructure.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Personal information (mobile numbers, ID numbers) at rest: SM4/GCM with a random nonce
 * for the value, and a keyed HMAC-SM3 "blind index" so that equality lookups and unique
 * constraints still work without the plain value in the database. Keys come from
 * configuration, never from the code or the database ({@link PersonalDataKeys}).
 */
public final class PersonalDataCipher {

	private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec indexKey;

	private final SecureRandom random = new SecureRandom();

	public PersonalDataCipher(byte[] encryptionKey, byte[] indexKey) {
		if (encryptionKey.length != 16) {
			throw new IllegalArgumentException("SM4 needs a 128-bit key");
		}
		if (indexKey.length < 16) {
			throw new IllegalArgumentException("The index key needs at least 128 bits");
		}
		this.encryptionKey = new SecretKeySpec(encryptionKey, "SM4");
		this.indexKey = new SecretKeySpec(indexKey, "HMACSM3");
	}

	/** Nonce followed by ciphertext and tag. */
	public byte[] encrypt(String plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", PROVIDER);
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SM4 encryption failed", ex);
		}
	}

	public String decrypt(byte[] stored) {
		try {
			Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", PROVIDER);
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
			return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SM4 decryption failed: wrong key or altered data", ex);
		}
	}

	/**
	 * Deterministic keyed digest of a normalised value, for lookups and unique
	 * constraints.
	 */
	public byte[] blindIndex(String plain) {
		try {
			Mac mac = Mac.getInstance("HMACSM3", PROVIDER);
			mac.init(indexKey);
			return mac.doFinal(plain.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SM3 failed", ex);
		}
	}

	/**
	 * A key for another purpose derived from the index key (HMAC-SM3 of the label), so
	 * that every node with the same configuration derives the same key without a new
	 * secret to configure; different labels give independent keys.
	 */
	public byte[] derivedKey(String label) {
		return blindIndex("derived-key:" + label);
	}

	/** 13812341234 → 138****1234. */
	public static String maskMobile(String mobile) {
		if (mobile == null || mobile.length() < 7) {
			return "****";
		}
		return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
	}

}
