package cn.zhengji.files;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tus request that cannot be carried out, with the HTTP status to answer and the key of
 * its Chinese message in messages-files.properties.
 */
public class UploadException extends RuntimeException {

	private static final Logger log = LoggerFactory.getLogger(UploadException.class);

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

	/**
	 * The storage failed: logged with its cause, answered as a 500 without it; a full
	 * disk (or quota) is a 507 that says so (issue 11 item 9).
	 */
	static UploadException storageFailed(IOException ex) {
		if (isOutOfSpace(ex)) {
			log.error("File storage is full: {}", ex.toString());
			return new UploadException(507, "files.storage-full");
		}
		log.error("File storage failed", ex);
		return new UploadException(500, "files.storage-failed");
	}

	/** ENOSPC and EDQUOT, as the JDK words them (it has no exception type of its own). */
	private static boolean isOutOfSpace(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
				return true;
			}
		}
		return false;
	}

}
