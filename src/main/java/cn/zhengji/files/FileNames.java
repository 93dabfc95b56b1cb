package cn.zhengji.files;

import java.util.Optional;

import cn.zhengji.infrastructure.text.ReadableText;

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
		Optional<ReadableText.Problem> unreadable = ReadableText.problem(name);
		if (unreadable.isPresent()) {
			return Optional.of(switch (unreadable.get()) {
				case NUL -> "files.name.nul";
				case DIRECTION -> "files.name.direction";
				case CONTROL -> "files.name.control";
				case INVISIBLE -> unreadable.get().messageKey();
			});
		}
		if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
			return Optional.of("files.name.path");
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			return Optional.of("files.name.too-long");
		}
		return Optional.empty();
	}

}
