package cn.zhengji.similarity;

/**
 * Issue 15: FFmpeg (or the image reader) cannot read the file: the source is FAILED at
 * once, never retried (its exact copies are still found by the SHA-256).
 */
class UnreadableMedia extends Exception {

	private static final long serialVersionUID = 1L;

	UnreadableMedia(String message, Throwable cause) {
		super(message, cause);
	}

}
