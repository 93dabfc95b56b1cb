package cn.zhengji.evidence;

/** A corner of the picture (stored by name, CHECK video_evidence_watermark_corner_ck). */
public enum Corner {

	TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT;

	boolean right() {
		return this == TOP_RIGHT || this == BOTTOM_RIGHT;
	}

	boolean bottom() {
		return this == BOTTOM_LEFT || this == BOTTOM_RIGHT;
	}

	/** The message key of its Chinese name (右上角 …). */
	public String messageKey() {
		return "evidence.corner." + name();
	}

}
