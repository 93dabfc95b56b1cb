package cn.zhengji.nomination;

/** Why a text is not a resident ID number; the message is Chinese, for the form. */
public class InvalidResidentIdNumberException extends IllegalArgumentException {

	public enum Reason {
		/** Not 17 digits followed by a digit or X. */
		FORMAT,
		/** The eighth to fifteenth characters are not a real date, or a date in the future. */
		BIRTH_DATE,
		/** The last character does not match the GB 11643 check digit. */
		CHECK_DIGIT
	}

	private final Reason reason;

	public InvalidResidentIdNumberException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
