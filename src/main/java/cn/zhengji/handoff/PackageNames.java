package cn.zhengji.handoff;

import java.util.Set;

/**
 * Names inside a package: safe on every file system the receiver may unpack on (no path
 * separators, no characters Windows refuses, no control characters, not empty, at most 80
 * characters) and unique within their folder.
 */
final class PackageNames {

	private static final int MAX = 80;

	private PackageNames() {
	}

	static String safe(String name) {
		String cleaned = name == null ? "" : name.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
		cleaned = cleaned.replaceAll("^\\.+", "_");
		if (cleaned.isEmpty()) {
			return "_";
		}
		return cleaned.codePointCount(0, cleaned.length()) <= MAX ? cleaned
				: cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX));
	}

	/** The name, or the name with " (2)", " (3)" … before its extension if taken. */
	static String unique(Set<String> taken, String name) {
		String candidate = name;
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		String extension = dot > 0 ? name.substring(dot) : "";
		for (int n = 2; !taken.add(candidate); n++) {
			candidate = base + " (" + n + ")" + extension;
		}
		return candidate;
	}

}
