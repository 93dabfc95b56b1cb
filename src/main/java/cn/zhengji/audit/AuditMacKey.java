package cn.zhengji.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key of the audit chain's HMAC-SM3 ({@link AuditChain}):
 * {@code zhengji.audit.mac-key} (at least 32 bytes, Base64) from configuration or the
 * environment ({@code ZHENGJI_AUDIT_MAC_KEY}). It is a key of its own, not a privacy key:
 * whoever may check the audit log needs it, and rotating it must not touch personal data.
 * A start without it generates one once into {@code <data-dir>/keys/audit-mac.properties}
 * (owner-only), beside the privacy keys and outside the database, so that someone who can
 * only write to the database cannot forge a link; production sets it from its secret
 * store.
 */
@Configuration(proxyBeanMethods = false)
class AuditMacKey {

	private static final Logger log = LoggerFactory.getLogger(AuditMacKey.class);

	private static final int KEY_BYTES = 32;

	@Bean
	AuditChain auditChain(@Value("${zhengji.audit.mac-key:}") String key,
			@Value("${zhengji.data-dir:./data}") Path dataDir) {
		String chosen = key.isBlank() ? loadOrGenerate(dataDir.resolve("keys").resolve("audit-mac.properties")) : key;
		byte[] bytes = Base64.getDecoder().decode(chosen);
		if (bytes.length < KEY_BYTES) {
			throw new IllegalStateException("zhengji.audit.mac-key needs at least 256 bits (32 bytes, Base64)");
		}
		return new AuditChain(bytes);
	}

	private static String loadOrGenerate(Path file) {
		Properties keys = new Properties();
		try {
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					keys.load(in);
				}
				return keys.getProperty("mac-key");
			}
			byte[] generated = new byte[KEY_BYTES];
			new SecureRandom().nextBytes(generated);
			keys.setProperty("mac-key", Base64.getEncoder().encodeToString(generated));
			Files.createDirectories(file.getParent());
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (OutputStream out = Files.newOutputStream(file)) {
				keys.store(out,
						"Audit chain key generated for this installation. Without it the audit log can no longer be verified.");
			}
			log.warn(
					"Generated the audit chain key in {}; production must set zhengji.audit.mac-key from its secret store",
					file);
			return keys.getProperty("mac-key");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

}
