package cn.zhengji.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The tus checksum extension: the {@code Upload-Checksum} header ("sha1 base64digest") of
 * one PATCH, checked against the bytes of that PATCH.
 */
final class UploadChecksum {

	/** tus algorithm names → JCA names. */
	static final Map<String, String> ALGORITHMS = Map.of("sha1", "SHA-1", "sha256", "SHA-256", "md5", "MD5");

	/** As advertised in Tus-Checksum-Algorithm. */
	static final String ADVERTISED = "sha1,sha256,md5";

	private final MessageDigest digest;

	private final byte[] expected;

	private UploadChecksum(MessageDigest digest, byte[] expected) {
		this.digest = digest;
		this.expected = expected;
	}

	/**
	 * Null when there is no header; 400 when it is malformed or names an algorithm not
	 * supported.
	 */
	static UploadChecksum parse(String header) {
		if (header == null) {
			return null;
		}
		String[] parts = header.trim().split(" ");
		if (parts.length != 2) {
			throw new UploadException(400, "files.checksum.malformed");
		}
		String algorithm = ALGORITHMS.get(parts[0]);
		if (algorithm == null) {
			throw new UploadException(400, "files.checksum.unsupported", parts[0], ADVERTISED);
		}
		try {
			return new UploadChecksum(MessageDigest.getInstance(algorithm), Base64.getDecoder().decode(parts[1]));
		}
		catch (IllegalArgumentException ex) {
			throw new UploadException(400, "files.checksum.malformed");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void update(byte[] buffer, int offset, int length) {
		digest.update(buffer, offset, length);
	}

	boolean matches() {
		return MessageDigest.isEqual(digest.digest(), expected);
	}

}
