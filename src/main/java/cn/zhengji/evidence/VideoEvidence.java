package cn.zhengji.evidence;

import java.util.List;
import java.util.Optional;

/**
 * The evidence of one video attachment of an entry.
 *
 * @param state READY when the images below exist; QUEUED/RUNNING while they are made;
 * FAILED when the video could not be read
 * @param opening the opening strip: a frame every 2 s of the first 15 s, in order
 * @param corners the four corners' crops through the work, one strip per corner
 * @param samples the frames sampled through the work for the corners (0 until READY)
 * @param watermark the pre-flag, if a corner holds a static high-contrast region
 */
public record VideoEvidence(long attachmentId, long entryId, State state, List<EvidenceImage> opening,
		List<EvidenceImage> corners, int samples, Optional<WatermarkFlag> watermark) {

	public enum State {

		QUEUED, RUNNING, READY, FAILED

	}

	public boolean ready() {
		return state == State.READY;
	}

}
