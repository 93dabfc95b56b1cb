package cn.zhengji.nomination;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

import cn.zhengji.nomination.InvalidResidentIdNumberException.Reason;

/**
 * R-NOM-2 An 18-character resident ID number (GB 11643-1999) whose region, birth date and
 * check digit are valid. Create with {@link #parse(String)}; {@link #toString()} never
 * shows the full number.
 */
public final class ResidentIdNumber {

	/** Sex as coded by the 17th character (odd = male). */
	public enum Sex {

		MALE, FEMALE

	}

	static final int LENGTH = 18;

	static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	/**
	 * Province-level codes of GB/T 2260 (11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门, 83 for
	 * Taiwan residents' permits).
	 */
	private static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
			42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);

	/** ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 for the first 17 digits. */
	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	/**
	 * The calendar the birth date is written in: the number is issued in China, so "not
	 * after today" is today in Beijing time, whatever zone a campaign or the platform
	 * shows times in.
	 */
	private static final ZoneId ISSUING_CALENDAR = ZoneId.of("Asia/Shanghai");

	private final String value;

	private final LocalDate birthDate;

	private ResidentIdNumber(String value, LocalDate birthDate) {
		this.value = value;
		this.birthDate = birthDate;
	}

	/**
	 * Checks against today in Asia/Shanghai on the system clock; code with a
	 * {@link Clock} bean uses {@link #parse(String, Clock)}.
	 * @throws InvalidResidentIdNumberException with the reason, if the text is not a
	 * valid number (lower-case x is accepted as X; surrounding blanks are ignored)
	 */
	public static ResidentIdNumber parse(String text) {
		return parse(text, Clock.system(ISSUING_CALENDAR));
	}

	/**
	 * As {@link #parse(String)}, "not in the future" measured on this clock (in
	 * Asia/Shanghai).
	 */
	public static ResidentIdNumber parse(String text, Clock clock) {
		if (text == null || text.isBlank()) {
			throw InvalidResidentIdNumberException.of(Reason.FORMAT, "nomination.id-number.blank");
		}
		String value = text.strip().toUpperCase(java.util.Locale.ROOT);
		if (value.length() != LENGTH) {
			throw InvalidResidentIdNumberException.of(Reason.FORMAT, "nomination.id-number.length", value.length());
		}
		for (int i = 0; i < LENGTH - 1; i++) {
			if (!isAsciiDigit(value.charAt(i))) {
				throw InvalidResidentIdNumberException.of(Reason.FORMAT, "nomination.id-number.characters");
			}
		}
		char last = value.charAt(LENGTH - 1);
		if (!isAsciiDigit(last) && last != 'X') {
			throw InvalidResidentIdNumberException.of(Reason.FORMAT, "nomination.id-number.characters");
		}
		int province = Integer.parseInt(value.substring(0, 2));
		if (!PROVINCES.contains(province)) {
			throw InvalidResidentIdNumberException.of(Reason.REGION, "nomination.id-number.region",
					value.substring(0, 2));
		}
		LocalDate birthDate = birthDate(value, LocalDate.now(clock.withZone(ISSUING_CALENDAR)));
		char expected = checkDigit(value.substring(0, LENGTH - 1));
		if (last != expected) {
			throw InvalidResidentIdNumberException.of(Reason.CHECK_DIGIT, "nomination.id-number.check-digit");
		}
		return new ResidentIdNumber(value, birthDate);
	}

	/** The GB 11643 check character (0–9 or X) of the first 17 digits. */
	static char checkDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < LENGTH - 1; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		int check = (12 - sum % 11) % 11;
		return check == 10 ? 'X' : (char) ('0' + check);
	}

	private static LocalDate birthDate(String value, LocalDate today) {
		String digits = value.substring(6, 14);
		LocalDate date;
		try {
			date = LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
					Integer.parseInt(digits.substring(6, 8)));
		}
		catch (DateTimeException notADate) {
			throw InvalidResidentIdNumberException.of(Reason.BIRTH_DATE, "nomination.id-number.birth-date.invalid",
					digits);
		}
		if (date.isAfter(today)) {
			throw InvalidResidentIdNumberException.of(Reason.BIRTH_DATE, "nomination.id-number.birth-date.future",
					digits);
		}
		if (date.isBefore(EARLIEST_BIRTH_DATE)) {
			throw InvalidResidentIdNumberException.of(Reason.BIRTH_DATE, "nomination.id-number.birth-date.too-early",
					digits);
		}
		return date;
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * The number, upper-case X. Personal information: show it only to those allowed, and
	 * audit that view.
	 */
	public String value() {
		return value;
	}

	public LocalDate birthDate() {
		return birthDate;
	}

	/** Whether the birth date lies in this month: the check against the form's 出生年月. */
	public boolean bornIn(YearMonth month) {
		return month != null && YearMonth.from(birthDate).equals(month);
	}

	public Sex sex() {
		return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
	}

	/** {@code 350102********1234}: the first six and the last four characters. */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(LENGTH - 4);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ResidentIdNumber that && value.equals(that.value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return masked();
	}

}
