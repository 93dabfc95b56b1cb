package cn.zhengji.nomination;

import java.time.LocalDate;

/**
 * R-NOM-2 An 18-character resident ID number (GB 11643) whose check digit and birth date are valid.
 * Create with {@link #parse(String)}; {@link #toString()} never shows the full number.
 */
public final class ResidentIdNumber {

	private final String value;

	private ResidentIdNumber(String value) {
		this.value = value;
	}

	/**
	 * @throws InvalidResidentIdNumberException with the reason, if the text is not a valid number
	 * (lower-case x is accepted as X)
	 */
	public static ResidentIdNumber parse(String text) {
		throw new UnsupportedOperationException("issue 3: nomination module being built");
	}

	public String value() {
		return value;
	}

	public LocalDate birthDate() {
		throw new UnsupportedOperationException("issue 3: nomination module being built");
	}

	/** {@code 350102********1234}: the first six and the last four characters. */
	public String masked() {
		throw new UnsupportedOperationException("issue 3: nomination module being built");
	}

	@Override
	public String toString() {
		return masked();
	}
}
