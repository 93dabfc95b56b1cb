package cn.zhengji.review;

/**
 * Whether an expert's sheets of a round may still change, and if not why. Decided in the
 * campaign's time zone from the round's dates, the round's lock and the expert's 交卷.
 */
public enum SheetStanding {

	/** Between the round's first and last day, not locked, not handed in. */
	OPEN,
	/** Before the round's first day: the works may be read, not scored. */
	NOT_YET_OPEN,
	/** After the round's last day. */
	ENDED,
	/** An admin locked the round's results (review_round_lock). */
	LOCKED,
	/** The expert handed in its sheets of the round (交卷). */
	SUBMITTED;

	public boolean editable() {
		return this == OPEN;
	}

	/** Closed for good: ended or locked (a sheet handed in is {@link #SUBMITTED}). */
	public boolean closed() {
		return this == ENDED || this == LOCKED;
	}

	/**
	 * The message key saying why a change is refused (arguments: the round's first and
	 * last day); null when open.
	 */
	public String messageKey() {
		return switch (this) {
			case OPEN -> null;
			case NOT_YET_OPEN -> "review.sheet.notYetOpen";
			case ENDED -> "review.sheet.ended";
			case LOCKED -> "review.sheet.locked";
			case SUBMITTED -> "review.sheet.submitted";
		};
	}

}
