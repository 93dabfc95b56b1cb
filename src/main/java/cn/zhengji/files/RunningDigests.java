package cn.zhengji.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The SHA-256 and CRC-32 of each unfinished upload computed so far on this node, so that
 * completing an upload does not read the file again. The state is only a shortcut: it is
 * missing after a restart or when a PATCH lands on another node, and then the digest is
 * computed from the stored bytes at completion. Bounded, so that abandoned uploads cannot
 * fill the heap (each entry is ~200 bytes).
 */
final class RunningDigests {

	private static final int MAX_ENTRIES = 20_000;

	/**
	 * The running checksums of the first bytes of an upload: the SHA-256, and the CRC-32
	 * (issue 14 item 6: a STORED ZIP entry's header needs it) unless it was lost — a
	 * CRC32 cannot be copied, so a PATCH rolled back by its Upload-Checksum leaves it
	 * unknown, and {@link StoredFiles#crc32} fills it later from the bytes.
	 */
	static final class Sums {

		private final MessageDigest sha256;

		private final CRC32 crc32;

		private Sums(MessageDigest sha256, CRC32 crc32) {
			this.sha256 = sha256;
			this.crc32 = crc32;
		}

		static Sums fresh() {
			return new Sums(newSha256(), new CRC32());
		}

		void update(byte[] buffer, int offset, int length) {
			sha256.update(buffer, offset, length);
			if (crc32 != null) {
				crc32.update(buffer, offset, length);
			}
		}

		/**
		 * The same SHA-256 state without the CRC-32; null if the digest cannot be copied.
		 */
		Sums copyWithoutCrc() {
			try {
				return new Sums((MessageDigest) sha256.clone(), null);
			}
			catch (CloneNotSupportedException ex) {
				return null;
			}
		}

		String sha256Hex() {
			return HexFormat.of().formatHex(sha256.digest());
		}

		/** The CRC-32 of the bytes seen, null when it was lost. */
		Long crc32() {
			return crc32 == null ? null : crc32.getValue();
		}

	}

	/** The checksums of the first {@code offset} bytes of an upload. */
	record State(Sums sums, long offset) {
	}

	private final Map<UUID, State> states = new ConcurrentHashMap<>();

	/**
	 * The checksums of the first {@code offset} bytes, taken out of the map; null if not
	 * known here.
	 */
	Sums take(UUID upload, long offset) {
		if (offset == 0) {
			states.remove(upload);
			return Sums.fresh();
		}
		State state = states.remove(upload);
		return state != null && state.offset() == offset ? state.sums() : null;
	}

	void keep(UUID upload, Sums sums, long offset) {
		if (sums != null && states.size() < MAX_ENTRIES) {
			states.put(upload, new State(sums, offset));
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
