package cn.zhengji.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tus {@code Upload-Metadata} header: comma-separated "key base64value" pairs. */
final class UploadMetadata {

	private UploadMetadata() {
	}

	/**
	 * The decoded pairs (a key without value maps to ""). Throws {@link UploadException}
	 * 400 when the header is malformed or a value is not base64 of UTF-8 text.
	 */
	static Map<String, String> parse(String header) {
		Map<String, String> pairs = new LinkedHashMap<>();
		if (header == null || header.isBlank()) {
			return pairs;
		}
		for (String pair : header.split(",")) {
			String[] parts = pair.trim().split(" ", -1);
			if (parts.length > 2 || parts[0].isEmpty() || pairs.containsKey(parts[0])) {
				throw new UploadException(400, "files.metadata.malformed");
			}
			pairs.put(parts[0], parts.length == 2 ? decode(parts[1]) : "");
		}
		return pairs;
	}

	private static String decode(String base64) {
		try {
			byte[] bytes = Base64.getDecoder().decode(base64);
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			throw new UploadException(400, "files.metadata.malformed");
		}
	}

}
