package cn.zhengji.infrastructure.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.util.FileSystemUtils;

/**
 * A backup of the platform's data, the database and the stored files, in one folder; and
 * its restore.
 *
 * <p>
 * The database part is written with PostgreSQL's own {@code COPY} (binary) through JDBC,
 * as the schema owner, in one repeatable-read transaction, so that it is consistent while
 * the platform runs and needs no {@code pg_dump} of the server's version (the embedded
 * binaries have none). The schema is Flyway's: a backup records its schema version and is
 * restored only into a database of that version. Every file of the backup is listed with
 * its SHA-256 in {@code SHA256SUMS} ({@code sha256sum -c} reads it); a restore checks
 * them before it changes anything, and checks the restored files again afterwards.
 *
 * <p>
 * Restore replaces everything: in one transaction it empties every table, loads the
 * tables in foreign-key order with user triggers off (the rows already hold what the
 * triggers computed) and sets every sequence back; then the files folder is replaced. The
 * platform must be stopped while it runs.
 */
public final class Backup {

	static final String SUMS = "SHA256SUMS";

	private static final String HISTORY = "flyway_schema_history";

	private final DataSource owner;

	private final Path filesDirectory;

	/**
	 * @param owner connections as the schema owner (the role Flyway migrates as)
	 * @param filesDirectory the stored files ({@code <data-dir>/files})
	 */
	public Backup(DataSource owner, Path filesDirectory) {
		this.owner = owner;
		this.filesDirectory = filesDirectory;
	}

	/** Writes a backup into {@code target}, which must not exist or be empty. */
	public void backupTo(Path target) {
		try {
			Files.createDirectories(target);
			try (Stream<Path> existing = Files.list(target)) {
				if (existing.findAny().isPresent()) {
					throw new IllegalStateException("The backup folder is not empty: " + target);
				}
			}
			Path database = Files.createDirectories(target.resolve("database"));
			try (Connection connection = owner.getConnection()) {
				connection.setAutoCommit(false);
				connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
				connection.setReadOnly(true);
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				List<String> lines = new ArrayList<>();
				lines.add("schema-version=" + schemaVersion(connection));
				for (String table : tablesInLoadOrder(connection)) {
					try (OutputStream out = new BufferedOutputStream(
							Files.newOutputStream(database.resolve(table + ".copy")))) {
						copy.copyOut("copy public." + quote(table) + " to stdout (format binary)", out);
					}
					lines.add("table=" + table);
				}
				for (Map.Entry<String, String> sequence : sequenceValues(connection).entrySet()) {
					lines.add("sequence=" + sequence.getKey() + " " + sequence.getValue());
				}
				connection.commit();
				Files.write(database.resolve("contents.txt"), lines, StandardCharsets.UTF_8);
			}
			Path files = Files.createDirectories(target.resolve("files"));
			if (Files.isDirectory(filesDirectory)) {
				FileSystemUtils.copyRecursively(filesDirectory, files);
			}
			writeSums(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Backup to " + target + " failed", ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Backup to " + target + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Replaces the database's rows and the stored files by those of the backup in
	 * {@code source}, after checking every checksum of the backup.
	 */
	public void restoreFrom(Path source) {
		try {
			Map<String, String> expected = readSums(source);
			Map<String, String> actual = sums(source);
			if (!expected.equals(actual)) {
				throw new IllegalStateException("The backup in " + source
						+ " does not match its SHA256SUMS (damaged or incomplete); nothing was restored");
			}
			List<String> contents = Files.readAllLines(source.resolve("database").resolve("contents.txt"));
			restoreDatabase(source.resolve("database"), contents);
			restoreFiles(source.resolve("files"));
			Map<String, String> restored = sums(filesDirectory);
			Map<String, String> backedUp = new TreeMap<>();
			expected.forEach((path, sum) -> {
				if (path.startsWith("files/")) {
					backedUp.put(path.substring("files/".length()), sum);
				}
			});
			if (!restored.equals(backedUp)) {
				throw new IllegalStateException("The restored files differ from the backup's checksums");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Restore from " + source + " failed", ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Restore from " + source + " failed: " + ex.getMessage(), ex);
		}
	}

	private void restoreDatabase(Path database, List<String> contents) throws SQLException, IOException {
		String version = value(contents, "schema-version=").getFirst();
		try (Connection connection = owner.getConnection()) {
			connection.setAutoCommit(false);
			if (!version.equals(schemaVersion(connection))) {
				throw new IllegalStateException("The backup is of schema version " + version + ", the database of "
						+ schemaVersion(connection) + ": restore with the platform version that made the backup");
			}
			List<String> tables = value(contents, "table=");
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (Statement sql = connection.createStatement()) {
				List<String> all = tablesInLoadOrder(connection);
				if (!all.isEmpty()) {
					sql.execute("truncate " + String.join(", ", all.stream().map(t -> "public." + quote(t)).toList())
							+ " restart identity");
				}
				for (String table : tables) {
					sql.execute("alter table public." + quote(table) + " disable trigger user");
					try (InputStream in = new BufferedInputStream(
							Files.newInputStream(database.resolve(table + ".copy")))) {
						copy.copyIn("copy public." + quote(table) + " from stdin (format binary)", in);
					}
					sql.execute("alter table public." + quote(table) + " enable trigger user");
				}
			}
			for (String sequence : value(contents, "sequence=")) {
				String[] parts = sequence.split(" ");
				try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
					setval.setString(1, "public." + quote(parts[0]));
					setval.setLong(2, Long.parseLong(parts[1]));
					setval.setBoolean(3, Boolean.parseBoolean(parts[2]));
					setval.execute();
				}
			}
			connection.commit();
		}
	}

	private void restoreFiles(Path backedUpFiles) throws IOException {
		Path staging = filesDirectory.resolveSibling(filesDirectory.getFileName() + ".restoring");
		FileSystemUtils.deleteRecursively(staging);
		Files.createDirectories(staging);
		FileSystemUtils.copyRecursively(backedUpFiles, staging);
		Path previous = filesDirectory.resolveSibling(filesDirectory.getFileName() + ".before-restore");
		FileSystemUtils.deleteRecursively(previous);
		if (Files.exists(filesDirectory)) {
			Files.move(filesDirectory, previous, StandardCopyOption.ATOMIC_MOVE);
		}
		Files.move(staging, filesDirectory, StandardCopyOption.ATOMIC_MOVE);
		FileSystemUtils.deleteRecursively(previous);
	}

	/**
	 * The tables of the schema, parents before the tables that reference them (a table
	 * referencing itself is loaded in one COPY, checked at its end).
	 */
	private static List<String> tablesInLoadOrder(Connection connection) throws SQLException {
		Map<String, Set<String>> parents = new TreeMap<>();
		try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> '%s'
				  and not c.relispartition
				""".formatted(HISTORY))) {
			while (rows.next()) {
				parents.put(rows.getString(1), new LinkedHashSet<>());
			}
		}
		try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("""
				select child.relname, parent.relname from pg_constraint k
				join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
				join pg_namespace n on n.oid = child.relnamespace
				where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid
				""")) {
			while (rows.next()) {
				if (parents.containsKey(rows.getString(1)) && parents.containsKey(rows.getString(2))) {
					parents.get(rows.getString(1)).add(rows.getString(2));
				}
			}
		}
		List<String> order = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		while (placed.size() < parents.size()) {
			boolean progress = false;
			for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
				if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
					placed.add(table.getKey());
					order.add(table.getKey());
					progress = true;
				}
			}
			if (!progress) {
				throw new IllegalStateException("Foreign keys form a cycle between tables; cannot order a restore");
			}
		}
		return order;
	}

	private static Map<String, String> sequenceValues(Connection connection) throws SQLException {
		Map<String, String> values = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		try (Statement sql = connection.createStatement();
				ResultSet rows = sql
					.executeQuery("select sequencename from pg_sequences where schemaname = 'public'")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		for (String name : names) {
			try (Statement sql = connection.createStatement();
					ResultSet rows = sql.executeQuery("select last_value, is_called from public." + quote(name))) {
				rows.next();
				values.put(name, rows.getLong(1) + " " + rows.getBoolean(2));
			}
		}
		return values;
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (Statement sql = connection.createStatement();
				ResultSet rows = sql.executeQuery("select version from " + HISTORY
						+ " where success and version is not null order by installed_rank desc limit 1")) {
			return rows.next() ? rows.getString(1) : "none";
		}
	}

	private static void writeSums(Path target) throws IOException {
		StringBuilder lines = new StringBuilder();
		sums(target).forEach((path, sum) -> lines.append(sum).append("  ").append(path).append('\n'));
		Files.writeString(target.resolve(SUMS), lines, StandardCharsets.UTF_8);
	}

	private static Map<String, String> readSums(Path source) throws IOException {
		Map<String, String> sums = new TreeMap<>();
		for (String line : Files.readAllLines(source.resolve(SUMS), StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				sums.put(line.substring(66), line.substring(0, 64));
			}
		}
		return sums;
	}

	/** SHA-256 of every regular file below {@code root} but the sums file, by path. */
	static Map<String, String> sums(Path root) throws IOException {
		Map<String, String> sums = new TreeMap<>();
		if (!Files.isDirectory(root)) {
			return sums;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String relative = root.relativize(file).toString().replace('\\', '/');
				if (!relative.equals(SUMS)) {
					sums.put(relative, sha256(file));
				}
			}
		}
		return sums;
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> value(List<String> contents, String prefix) {
		return contents.stream()
			.filter(line -> line.startsWith(prefix))
			.map(line -> line.substring(prefix.length()))
			.toList();
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
