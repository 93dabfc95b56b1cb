package cn.zhengji.audit;

import cn.zhengji.infrastructure.text.ReadableText;

/**
 * What an audit field may hold (等保: records an attacker cannot forge). A name, summary or
 * address comes from users or from the request; written as is, a line break in it would
 * start what looks like a second record in a line-based export or log viewer, and a
 * direction override would make the record read differently from what it says. Such
 * characters are written as visible escapes ({@code \n}, {@code \u202e}) instead.
 */
final class AuditFields {

	private AuditFields() {
	}

	static String neutralise(String value) {
		if (value == null || value.codePoints().noneMatch(AuditFields::isNeutralised)) {
			return value;
		}
		StringBuilder safe = new StringBuilder(value.length() + 8);
		value.codePoints().forEach(c -> {
			if (!isNeutralised(c)) {
				safe.appendCodePoint(c);
			}
			else if (c == '\n') {
				safe.append("\\n");
			}
			else if (c == '\r') {
				safe.append("\\r");
			}
			else if (c == '\t') {
				safe.append("\\t");
			}
			else {
				safe.append(String.format("\\u%04x", c));
			}
		});
		return safe.toString();
	}

	private static boolean isNeutralised(int codePoint) {
		return ReadableText.isControl(codePoint) || ReadableText.isDirectionControl(codePoint)
				|| ReadableText.isInvisible(codePoint);
	}

}
