package cn.zhengji.playback;

/**
 * A file that cannot be made into a web copy, with the reason the admin page shows
 * ({@code playback.error.<reason>}) and a technical detail for the log reader.
 */
class TranscodeException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Why; stored by name in {@code web_copy.error_reason}. */
	enum Reason {

		/** Not a media file FFmpeg can read, or cut short / damaged. */
		UNREADABLE,
		/** Readable, but without the expected video or audio track. */
		NO_MEDIA,
		/** The platform's FFmpeg build lacks an encoder it needs. */
		ENCODER_MISSING,
		/** Reading, writing or storing failed (retried). */
		INPUT_OUTPUT

	}

	private final Reason reason;

	TranscodeException(Reason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	TranscodeException(Reason reason, String detail, Throwable cause) {
		super(detail, cause);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

}
