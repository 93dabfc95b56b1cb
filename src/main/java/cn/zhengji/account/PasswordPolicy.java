package cn.zhengji.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * What a password must be: long enough, of at least three of the four character classes,
 * not a common password or an easy variation of one, and not built from the account's own
 * user name or mobile number, the first things an attacker tries. Every rule that fails
 * is reported, so that the form can show them all at once. The one rule for every form
 * that sets a password: registration, change and reset by SMS code (through
 * {@link NewPasswords}); the one-time passwords admins issue are generated to pass it.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	/** Long enough for any passphrase; the bound keeps hashing a request cheap. */
	public static final int MAX_LENGTH = 64;

	public static final int MIN_CHARACTER_CLASSES = 3;

	/**
	 * zxcvbn's score (0–4) a password must reach: 3 means "safely unguessable" (about
	 * 10^8 guesses and more), which refuses {@code P@ssw0rd}, {@code Password1},
	 * {@code Qwerty123!} and {@code Admin@123}, which the character classes let through.
	 */
	public static final int MIN_STRENGTH_SCORE = 3;

	/**
	 * Issue 11 item 6: zxcvbn's dictionaries of common passwords, names and keyboard
	 * patterns, with leet substitutions, rather than a list of our own. Loaded once
	 * (about 0.2 s); measuring is then a few milliseconds, and the instance is immutable.
	 */
	private static final Zxcvbn STRENGTH = new Zxcvbn();

	/**
	 * A rule a password breaks; the Chinese text is the message {@link #messageCode()}.
	 */
	public enum Violation {

		TOO_SHORT, TOO_LONG, TOO_FEW_CHARACTER_CLASSES, CONTAINS_USERNAME, CONTAINS_MOBILE, TOO_COMMON;

		public String messageCode() {
			return "account.password.policy." + name();
		}

	}

	private PasswordPolicy() {
	}

	/**
	 * @param username the account's user name, or null (participants sign in by mobile)
	 * @param mobile the account's mobile number, or null
	 */
	public static List<Violation> check(String password, String username, String mobile) {
		List<Violation> violations = new ArrayList<>();
		String candidate = password == null ? "" : password;
		if (candidate.length() < MIN_LENGTH) {
			violations.add(Violation.TOO_SHORT);
		}
		if (candidate.length() > MAX_LENGTH) {
			violations.add(Violation.TOO_LONG);
		}
		if (characterClasses(candidate) < MIN_CHARACTER_CLASSES) {
			violations.add(Violation.TOO_FEW_CHARACTER_CLASSES);
		}
		String lower = candidate.toLowerCase(Locale.ROOT);
		if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			violations.add(Violation.CONTAINS_USERNAME);
		}
		if (mobile != null && !mobile.isBlank() && lower.contains(mobile)) {
			violations.add(Violation.CONTAINS_MOBILE);
		}
		// Only a password that passes the simple rules is measured: the bound keeps
		// zxcvbn's work small, and one message at a time is clearer.
		if (violations.isEmpty()
				&& STRENGTH.measure(candidate, Stream.of(username, mobile).filter(Objects::nonNull).toList())
					.getScore() < MIN_STRENGTH_SCORE) {
			violations.add(Violation.TOO_COMMON);
		}
		return List.copyOf(violations);
	}

	static int characterClasses(String password) {
		boolean upper = false;
		boolean lower = false;
		boolean digit = false;
		boolean symbol = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else if (!Character.isWhitespace(c)) {
				symbol = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
	}

}
