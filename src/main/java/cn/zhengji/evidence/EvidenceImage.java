package cn.zhengji.evidence;

/**
 * One evidence image of a video: a frame of the opening strip or the crops of a corner.
 *
 * @param id served at {@code /works/{entryId}/evidence/{id}.jpg}
 * @param atMillis the time of the frame in the work (0 for a corner strip)
 * @param corner the corner of a corner strip, null for an opening frame
 */
public record EvidenceImage(long id, long atMillis, Corner corner) {

	/** The time as m:ss. */
	public String at() {
		long seconds = atMillis / 1000;
		return (seconds / 60) + ":" + String.format("%02d", seconds % 60);
	}

}
