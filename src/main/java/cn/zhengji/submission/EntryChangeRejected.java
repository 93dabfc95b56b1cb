package cn.zhengji.submission;

/**
 * A change of an entry that its rules refuse (after the deadline, in the wrong state, bad input).
 * Carries the form field (null for the whole entry) and the message code of the Chinese explanation
 * in messages-submission.properties; nothing was changed.
 */
public class EntryChangeRejected extends RuntimeException {

	private final String field;

	private final String messageCode;

	private final Object[] arguments;

	public EntryChangeRejected(String field, String messageCode, Object... arguments) {
		super(messageCode + (field == null ? "" : " (" + field + ")"));
		this.field = field;
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	public String field() {
		return field;
	}

	public String messageCode() {
		return messageCode;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
