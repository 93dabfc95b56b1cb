package cn.zhengji.infrastructure.privacy;

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
 * Keys for {@link PersonalDataCipher}: {@code zhengji.privacy.encryption-key} (16 bytes)
 * and {@code zhengji.privacy.index-key} (32 bytes), both Base64, from configuration or
 * the environment ({@code ZHENGJI_PRIVACY_ENCRYPTION_KEY},
 * {@code ZHENGJI_PRIVACY_INDEX_KEY}). A development start with neither set generates them
 * once into {@code <data-dir>/keys/privacy.properties} (owner-only), beside the database
 * but outside it; production sets them and keeps them in its secret store.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataKeys {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);

	@Bean
	PersonalDataCipher personalDataCipher(@Value("${zhengji.privacy.encryption-key:}") String encryptionKey,
			@Value("${zhengji.privacy.index-key:}") String indexKey,
			@Value("${zhengji.data-dir:./data}") Path dataDir) {
		if (encryptionKey.isBlank() != indexKey.isBlank()) {
			throw new IllegalStateException(
					"Set both zhengji.privacy.encryption-key and zhengji.privacy.index-key, or neither");
		}
		if (encryptionKey.isBlank()) {
			Properties generated = loadOrGenerate(dataDir.resolve("keys").resolve("privacy.properties"));
			encryptionKey = generated.getProperty("encryption-key");
			indexKey = generated.getProperty("index-key");
		}
		return new PersonalDataCipher(Base64.getDecoder().decode(encryptionKey), Base64.getDecoder().decode(indexKey));
	}

	private static Properties loadOrGenerate(Path file) {
		Properties keys = new Properties();
		try {
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					keys.load(in);
				}
				return keys;
			}
			SecureRandom random = new SecureRandom();
			byte[] encryption = new byte[16];
			byte[] index = new byte[32];
			random.nextBytes(encryption);
			random.nextBytes(index);
			keys.setProperty("encryption-key", Base64.getEncoder().encodeToString(encryption));
			keys.setProperty("index-key", Base64.getEncoder().encodeToString(index));
			Files.createDirectories(file.getParent());
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (OutputStream out = Files.newOutputStream(file)) {
				keys.store(out,
						"Personal-data keys generated for this installation. Losing them makes stored mobile and ID numbers unreadable.");
			}
			log.warn("Generated personal-data keys in {}; production must set zhengji.privacy.* from its secret store",
					file);
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

}
