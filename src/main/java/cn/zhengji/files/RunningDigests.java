package cn.zhengji.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each unfinished upload computed so far on this node, so that completing
 * an upload does not read the file again. The state is only a shortcut: it is missing
 * after a restart or when a PATCH lands on another node, and then the digest is computed
 * from the stored bytes at completion. Bounded, so that abandoned uploads cannot fill the
 * heap (each entry is ~200 bytes).
 */
final class RunningDigests {

	private static final int MAX_ENTRIES = 20_000;

	/** A digest of the first {@code offset} bytes of an upload. */
	record State(MessageDigest digest, long offset) {
	}

	private final Map<UUID, State> states = new ConcurrentHashMap<>();

	/**
	 * The digest of the first {@code offset} bytes, taken out of the map; null if not
	 * known here.
	 */
	MessageDigest take(UUID upload, long offset) {
		if (offset == 0) {
			states.remove(upload);
			return newSha256();
		}
		State state = states.remove(upload);
		return state != null && state.offset() == offset ? state.digest() : null;
	}

	void keep(UUID upload, MessageDigest digest, long offset) {
		if (digest != null && states.size() < MAX_ENTRIES) {
			states.put(upload, new State(digest, offset));
		}
	}

	void forget(UUID upload) {
		states.remove(upload);
	}

	static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
