package cn.zhengji.infrastructure.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded server's three roles: the superuser {@code postgres}
 * (set-up, backup and restore only), the owner {@link #OWNER} (Flyway migrates as it and
 * it owns every object) and the application role {@link #APPLICATION} (the running
 * platform: not superuser, owns nothing, may not create anything).
 *
 * <p>
 * Generated once into {@code <data-dir>/keys/database.properties} (owner-only, beside the
 * personal-data keys and outside the database directory, so that a copy of
 * {@code postgres/} alone does not carry them). Configured values
 * ({@code ZHENGJI_EMBEDDED_DATABASE_*_PASSWORD}) win, for installations that keep secrets
 * in a secret store.
 */
record DatabaseCredentials(String superuserPassword, String ownerPassword, String applicationPassword) {

	static final String SUPERUSER = "postgres";

	static final String OWNER = "zhengji_owner";

	static final String APPLICATION = "zhengji_app";

	static final String DATABASE = "zhengji";

	private static final Logger log = LoggerFactory.getLogger(DatabaseCredentials.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	DatabaseCredentials {
		for (String password : new String[] { superuserPassword, ownerPassword, applicationPassword }) {
			if (password == null || password.isBlank()) {
				throw new IllegalArgumentException("every database password must be set");
			}
		}
	}

	static DatabaseCredentials configuredOrStoredIn(Path file, String superuser, String owner, String application) {
		boolean anyConfigured = !superuser.isBlank() || !owner.isBlank() || !application.isBlank();
		if (anyConfigured) {
			if (superuser.isBlank() || owner.isBlank() || application.isBlank()) {
				throw new IllegalStateException("Set all three zhengji.embedded-database.*-password, or none");
			}
			return new DatabaseCredentials(superuser, owner, application);
		}
		return loadOrGenerate(file);
	}

	static DatabaseCredentials loadOrGenerate(Path file) {
		try {
			if (Files.exists(file)) {
				Properties stored = new Properties();
				try (InputStream in = Files.newInputStream(file)) {
					stored.load(in);
				}
				return new DatabaseCredentials(stored.getProperty("superuser-password"),
						stored.getProperty("owner-password"), stored.getProperty("application-password"));
			}
			DatabaseCredentials generated = new DatabaseCredentials(randomPassword(), randomPassword(),
					randomPassword());
			Properties properties = new Properties();
			properties.setProperty("superuser-password", generated.superuserPassword());
			properties.setProperty("owner-password", generated.ownerPassword());
			properties.setProperty("application-password", generated.applicationPassword());
			Files.createDirectories(file.getParent(),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (OutputStream out = Files.newOutputStream(file)) {
				properties.store(out,
						"Passwords of the embedded PostgreSQL's roles postgres (superuser), " + OWNER
								+ " (schema owner, Flyway) and " + APPLICATION
								+ " (the platform). Keep with the privacy keys.");
			}
			log.warn("Generated the embedded database's passwords in {}", file);
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

	/**
	 * 32 characters from an alphabet without quotes or look-alikes: about 186 bits, and
	 * safe inside an SQL literal (ALTER ROLE takes no bind parameters).
	 */
	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	@Override
	public String toString() {
		return "DatabaseCredentials[***]";
	}

}
