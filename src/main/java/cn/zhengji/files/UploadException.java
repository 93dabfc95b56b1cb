package cn.zhengji.files;

/**
 * A tus request that cannot be carried out, with the HTTP status to answer and the key of its
 * Chinese message in messages-files.properties.
 */
public class UploadException extends RuntimeException {

	private final int status;

	private final String messageKey;

	private final transient Object[] arguments;

	public UploadException(int status, String messageKey, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public int status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
