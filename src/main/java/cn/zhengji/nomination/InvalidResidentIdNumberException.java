package cn.zhengji.nomination;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why a text is not a resident ID number. The message is Chinese, for the form; it comes
 * from {@code messages-nomination.properties} under {@link #messageCode()} (with
 * {@link #arguments()}), so a controller may also resolve it through its MessageSource.
 */
public class InvalidResidentIdNumberException extends IllegalArgumentException {

	public enum Reason {

		/** Not 17 digits followed by a digit or X (also: empty). */
		FORMAT,
		/** The first two digits are not a province-level code of GB/T 2260. */
		REGION,
		/**
		 * The seventh to fourteenth characters are not a real date, or a date in the
		 * future or before 1900.
		 */
		BIRTH_DATE,
		/** The last character does not match the GB 11643 check digit. */
		CHECK_DIGIT

	}

	private final Reason reason;

	private final String messageCode;

	private final Object[] arguments;

	public InvalidResidentIdNumberException(Reason reason, String message) {
		super(message);
		this.reason = reason;
		this.messageCode = null;
		this.arguments = new Object[0];
	}

	private InvalidResidentIdNumberException(Reason reason, String messageCode, Object[] arguments) {
		super(Messages.format(messageCode, arguments));
		this.reason = reason;
		this.messageCode = messageCode;
		this.arguments = arguments.clone();
	}

	/** The message from our messages file, under this code. */
	static InvalidResidentIdNumberException of(Reason reason, String messageCode, Object... arguments) {
		return new InvalidResidentIdNumberException(reason, messageCode, arguments);
	}

	public Reason reason() {
		return reason;
	}

	/**
	 * The key in {@code messages-nomination.properties}, null when the message was given
	 * directly.
	 */
	public String messageCode() {
		return messageCode;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/**
	 * The value object is created in static code, without a MessageSource; the text still
	 * lives in our messages file.
	 */
	private static final class Messages {

		private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("messages-nomination", Locale.ROOT);

		static String format(String code, Object... arguments) {
			return new java.text.MessageFormat(BUNDLE.getString(code), Locale.CHINA).format(arguments);
		}

	}

}
