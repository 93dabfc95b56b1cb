package cn.zhengji.campaign;

/**
 * A change an admin asked for breaks a rule (end before start, negative numbers, a taken code).
 * Carries the form field and the message code of the Chinese explanation; nothing was changed.
 */
public class CampaignChangeRejected extends RuntimeException {

	private final String field;

	private final String messageCode;

	private final Object[] arguments;

	public CampaignChangeRejected(String field, String messageCode, Object... arguments) {
		super(messageCode + " (" + field + ")");
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
