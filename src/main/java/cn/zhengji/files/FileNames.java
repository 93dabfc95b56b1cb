package cn.zhengji.files;

import java.util.Optional;

/**
 * R-X-4 Which file names are accepted. A name is only ever shown and offered back in
 * Content-Disposition (storage uses generated keys), yet a name with path parts, control
 * characters or direction overrides misleads people who read it ("invoice‮fdp.exe" shows
 * as "invoiceexe.pdf") and breaks other systems it is copied to, so it is refused when
 * the upload begins.
 */
final class FileNames {

	static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	/** The message key of the first problem with the name, if any. */
	static Optional<String> problem(String name) {
		if (name == null || name.isBlank()) {
			return Optional.of("files.name.empty");
		}
		if (name.indexOf('\0') >= 0) {
			return Optional.of("files.name.nul");
		}
		if (name.codePoints().anyMatch(FileNames::isDirectionControl)) {
			return Optional.of("files.name.direction");
		}
		if (name.codePoints().anyMatch(Character::isISOControl)) {
			return Optional.of("files.name.control");
		}
		if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
			return Optional.of("files.name.path");
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			return Optional.of("files.name.too-long");
		}
		return Optional.empty();
	}

	/**
	 * Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks
	 * U+200E, U+200F.
	 */
	private static boolean isDirectionControl(int codePoint) {
		return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
				|| codePoint == 0x200E || codePoint == 0x200F;
	}

}
