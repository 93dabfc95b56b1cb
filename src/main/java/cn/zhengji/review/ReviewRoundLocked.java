package cn.zhengji.review;

/**
 * A change of a locked round (its scores, assignment, pool or awards) was asked for: the
 * round's results are final and nothing changed. Pages answer it with 409 and its
 * message.
 */
public class ReviewRoundLocked extends ReviewChangeRejected {

	/** The constraint name the database's lock trigger raises. */
	public static final String CONSTRAINT = "review_round_locked_ck";

	public ReviewRoundLocked(String roundName) {
		super(null, "review.results.locked", roundName);
	}

}
