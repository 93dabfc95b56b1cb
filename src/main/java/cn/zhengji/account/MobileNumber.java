package cn.zhengji.account;

import java.util.Optional;
import java.util.regex.Pattern;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;

/** A mainland mobile number, the sign-in name of participants. */
public record MobileNumber(String value) {

	private static final Pattern FORMAT = Pattern.compile("1[3-9]\\d{9}");

	public MobileNumber {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a mainland mobile number");
		}
	}

	/**
	 * Spaces and dashes people type are ignored; anything else that is not 11 digits
	 * starting 13–19 is not a mobile.
	 */
	public static Optional<MobileNumber> parse(String input) {
		if (input == null) {
			return Optional.empty();
		}
		String compact = input.replaceAll("[\\s-]", "");
		return FORMAT.matcher(compact).matches() ? Optional.of(new MobileNumber(compact)) : Optional.empty();
	}

	public String masked() {
		return PersonalDataCipher.maskMobile(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
