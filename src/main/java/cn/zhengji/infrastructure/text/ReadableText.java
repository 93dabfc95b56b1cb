package cn.zhengji.infrastructure.text;

import java.util.Optional;

/**
 * Which characters a name or title that people read may hold: file names, entry titles,
 * account display names, organisation names, campaign and event titles. One rule for all,
 * because each of these is shown to someone deciding about it: a direction override makes
 * "invoice‮fdp.exe" read "invoiceexe.pdf", and zero-width characters or a stray byte
 * order mark make two names that look the same differ (or one that looks harmless hide a
 * word). Control characters (line breaks included) and NUL have no place in a one-line
 * name and break the systems it is copied to. Texts of several lines (descriptions,
 * opinions) are not names and keep their line breaks.
 */
public final class ReadableText {

	private ReadableText() {
	}

	/** The first problem of the text, if any; a null text has none. */
	public static Optional<Problem> problem(String text) {
		if (text == null) {
			return Optional.empty();
		}
		if (text.indexOf('\0') >= 0) {
			return Optional.of(Problem.NUL);
		}
		if (text.codePoints().anyMatch(ReadableText::isDirectionControl)) {
			return Optional.of(Problem.DIRECTION);
		}
		if (text.codePoints().anyMatch(ReadableText::isInvisible)) {
			return Optional.of(Problem.INVISIBLE);
		}
		if (text.codePoints().anyMatch(ReadableText::isControl)) {
			return Optional.of(Problem.CONTROL);
		}
		return Optional.empty();
	}

	/**
	 * Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks
	 * U+200E, U+200F, U+061C.
	 */
	public static boolean isDirectionControl(int codePoint) {
		return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
				|| codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
	}

	/**
	 * Characters that take no room: zero-width space, non-joiner and joiner
	 * (U+200B–U+200D), word joiner and invisible operators (U+2060–U+2064), the Mongolian
	 * vowel separator (U+180E) and the byte order mark / zero-width no-break space
	 * (U+FEFF).
	 */
	public static boolean isInvisible(int codePoint) {
		return (codePoint >= 0x200B && codePoint <= 0x200D) || (codePoint >= 0x2060 && codePoint <= 0x2064)
				|| codePoint == 0x180E || codePoint == 0xFEFF;
	}

	/** C0 and C1 controls and the line and paragraph separators. */
	public static boolean isControl(int codePoint) {
		return Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029;
	}

	/** What is wrong with a text; {@link #messageKey()} explains it in Chinese. */
	public enum Problem {

		NUL, DIRECTION, INVISIBLE, CONTROL;

		/** {@code input.problem.NUL}, … in messages.properties. */
		public String messageKey() {
			return "input.problem." + name();
		}

	}

}
