package cn.zhengji.organisation;

/**
 * A change to the tree that the rules or the database refused. Carries the form field it concerns
 * and a message key of {@code messages-organisation.properties}, so that the page can show it on
 * the field; nothing was written.
 */
public class OrganisationRejected extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	OrganisationRejected(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
