package cn.zhengji.media;

/**
 * A blind copy could not be made. The caller records the reason with the work; the
 * original is untouched and no target was left behind.
 */
public final class BlindCopyException extends Exception {

	/** Why the copy failed, for the caller to record or to show. */
	public enum Reason {

		/** No stripper for this format: a copy would carry whatever metadata it holds. */
		UNSUPPORTED_FORMAT,
		/** The file ends before its structure does. */
		TRUNCATED,
		/** The structure is malformed or hostile. */
		DAMAGED,
		/** Reading the original or writing the target failed. */
		INPUT_OUTPUT

	}

	private final Reason reason;

	BlindCopyException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
