package cn.zhengji.playback;

import java.time.Instant;
import java.util.UUID;

/**
 * Issue 13 item 3: the web copy of one attachment and where its making stands.
 *
 * @param sourceType the original's type as the media checks found it
 * @param copyType the copy's type ({@code video/mp4}, {@code audio/mp4} or
 * {@code audio/mpeg}), null until READY
 * @param posterFileId the poster frame of a video (JPEG), null otherwise
 * @param reencoded whether the copy was encoded again (false: re-muxed only), null until
 * READY
 * @param errorReason the last failure ({@code UNREADABLE}, {@code NO_MEDIA},
 * {@code ENCODER_MISSING}, {@code INPUT_OUTPUT}), or null
 */
public record WebCopy(long attachmentId, long entryId, long campaignId, UUID sourceFileId, String sourceType,
		State state, int attempts, int progress, UUID copyFileId, String copyType, UUID posterFileId, Boolean reencoded,
		String errorReason, String errorDetail, Instant requestedAt, Instant startedAt, Instant finishedAt) {

	/** Stored by name, CHECK web_copy_state_ck. */
	public enum State {

		/** Waiting for its (first or next) run. */
		QUEUED,
		/** Being made on some node. */
		RUNNING,
		/** Made; served instead of the original. */
		READY,
		/** Given up: the original is served. */
		FAILED

	}

}
