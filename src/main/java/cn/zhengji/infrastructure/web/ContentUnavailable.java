package cn.zhengji.infrastructure.web;

/**
 * Something that exists and may be read, but cannot be given out as it is (stored bytes
 * that no longer match their checksum): answered 409 with the Chinese message of
 * {@code messageCode}. Each module names its own subclass.
 */
public abstract class ContentUnavailable extends RuntimeException {

	private final String messageCode;

	protected ContentUnavailable(String message, String messageCode) {
		super(message, null, false, false);
		this.messageCode = messageCode;
	}

	public String messageCode() {
		return messageCode;
	}

}
