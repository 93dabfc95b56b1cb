package cn.zhengji.infrastructure.web;

import org.springframework.context.MessageSourceResolvable;

/**
 * A change a domain rule refuses. Carries the form field it concerns (null for the whole
 * object) and the message code and arguments of the Chinese explanation, so that the
 * controller shows it next to that field; nothing was changed. Each module names its own
 * subclass.
 */
public abstract class ChangeRejected extends RuntimeException implements MessageSourceResolvable {

	private final String field;

	private final String messageCode;

	private final Object[] arguments;

	protected ChangeRejected(String field, String messageCode, Object... arguments) {
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

	@Override
	public String[] getCodes() {
		return new String[] { messageCode };
	}

	@Override
	public Object[] getArguments() {
		return arguments();
	}

}
