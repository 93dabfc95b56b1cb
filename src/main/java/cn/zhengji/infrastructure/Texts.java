package cn.zhengji.infrastructure;

import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The one way Java code reads a user-facing text: every Chinese text lives in
 * {@code messages*.properties}, and the platform speaks only Simplified Chinese, whatever
 * the browser asks for.
 */
@Component
public class Texts {

	/**
	 * Full stops, commas, semicolons and the enumeration comma, ideographic, full-width
	 * and ASCII (as code points: they are punctuation, not text).
	 */
	private static final Set<Integer> CLAUSE_ENDS = Set.of(0x3002, 0xFF0E, (int) '.', 0xFF0C, (int) ',', 0xFF1B,
			(int) ';', 0x3001);

	private final MessageSource messages;

	public Texts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The message {@code code} with its arguments as MessageFormat renders them: a number
	 * is grouped ("3,012") unless the pattern says {@code {0,number,#}}; an argument that
	 * is itself a message code ({@link MessageSourceResolvable}) is resolved first.
	 */
	public String text(String code, Object... arguments) {
		return messages.getMessage(code, arguments, Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * The message {@code code} with every argument turned into text first, so that counts
	 * and years are never grouped ("3012", "2024") whatever the pattern; a
	 * {@link MessageSourceResolvable} argument is resolved.
	 */
	public String plain(String code, Object... arguments) {
		Object[] plain = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			plain[i] = arguments[i] instanceof MessageSourceResolvable resolvable ? text(resolvable)
					: String.valueOf(arguments[i]);
		}
		return text(code, plain);
	}

	/**
	 * Free text (a reason) made fit to stand inside a message that puts its own full stop
	 * after it: stripped, without closing full stops, commas or semicolons of its own, so
	 * that no text doubles the full stop. Question and exclamation marks stay.
	 */
	public static String clause(String text) {
		if (text == null) {
			return "";
		}
		String clause = text.strip();
		int end = clause.length();
		while (end > 0 && (CLAUSE_ENDS.contains((int) clause.charAt(end - 1))
				|| Character.isWhitespace(clause.charAt(end - 1)) || Character.isSpaceChar(clause.charAt(end - 1)))) {
			end--;
		}
		return clause.substring(0, end).strip();
	}

	/**
	 * A message carried by an exception or a validation problem (code, arguments,
	 * default).
	 */
	public String text(MessageSourceResolvable resolvable) {
		return messages.getMessage(resolvable, Locale.SIMPLIFIED_CHINESE);
	}

}
