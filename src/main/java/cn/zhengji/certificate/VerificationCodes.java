package cn.zhengji.certificate;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Verification codes: 12 characters of RFC 4648 base32 (A–Z, 2–7), 60 bits from a
 * {@link SecureRandom}, so not guessable. Typed codes are read in upper case, without
 * spaces or hyphens.
 */
final class VerificationCodes {

	static final int LENGTH = 12;

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private VerificationCodes() {
	}

	static String next() {
		long bits = RANDOM.nextLong();
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET[(int) (bits & 31)];
			bits >>>= 5;
		}
		return new String(code);
	}

	/** A typed code in its stored form, or empty when it cannot be one. */
	static Optional<String> normalise(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return code.matches("[A-Z2-7]{" + LENGTH + "}") ? Optional.of(code) : Optional.empty();
	}

}
