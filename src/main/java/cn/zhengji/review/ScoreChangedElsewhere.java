package cn.zhengji.review;

/**
 * A save refused because the stored value changed since the page was shown (another tab,
 * another device): the stored value stays, and the expert's typed value stays in the
 * field, with the current one in the message. Nothing was changed.
 */
public class ScoreChangedElsewhere extends ReviewChangeRejected {

	private final String current;

	ScoreChangedElsewhere(String field, String messageCode, String current, Object... arguments) {
		super(field, messageCode, arguments);
		this.current = current;
	}

	/** The value stored now, as the field shows it ("" when empty). */
	public String current() {
		return current;
	}

}
