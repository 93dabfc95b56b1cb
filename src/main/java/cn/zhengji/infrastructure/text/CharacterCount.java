package cn.zhengji.infrastructure.text;

/**
 * How many characters a text has, as people count them, for every limit of the platform
 * (texts of an entry, nomination fields, titles, opinions, reasons, batch forms) and
 * every counter a page shows: one rule, so that a page never says "共 1508 字，上限 1500 字"
 * about a text the check accepts.
 *
 * <p>
 * One per Unicode code point, so 汉字 and emoji count as one (not two UTF-16 units). Line
 * breaks are not counted, like Word's 字数: a browser sends each as CR LF, which would
 * otherwise make the same text longer on the server than in the editor, and paragraphs
 * would cost characters.
 */
public final class CharacterCount {

	private CharacterCount() {
	}

	public static int of(String text) {
		if (text == null) {
			return 0;
		}
		return (int) text.codePoints().filter(c -> c != '\n' && c != '\r').count();
	}

	/** Whether the text has more characters than the limit allows. */
	public static boolean exceeds(String text, int limit) {
		return of(text) > limit;
	}

}
