package cn.zhengji.account;

import java.security.SecureRandom;

/**
 * Passwords an admin or the bootstrap hands to a person once, to be replaced at the first
 * sign-in. Characters that look alike (0/O, 1/l/I) are left out because these are read
 * off a screen and typed.
 */
final class OneTimePasswords {

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "#%+=@!?*";

	private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

	static final int LENGTH = 14;

	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimePasswords() {
	}

	static String generate() {
		char[] password = new char[LENGTH];
		// One of each class first, so that the policy always holds, then shuffled.
		password[0] = pick(UPPER);
		password[1] = pick(LOWER);
		password[2] = pick(DIGITS);
		password[3] = pick(SYMBOLS);
		for (int i = 4; i < LENGTH; i++) {
			password[i] = pick(ALL);
		}
		for (int i = LENGTH - 1; i > 0; i--) {
			int j = RANDOM.nextInt(i + 1);
			char swap = password[i];
			password[i] = password[j];
			password[j] = swap;
		}
		return new String(password);
	}

	private static char pick(String alphabet) {
		return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
	}

}
