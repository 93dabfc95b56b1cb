package cn.zhengji.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 9: what earlier versions stored with the umask's permissions is narrowed
 * at start, and running that again changes nothing.
 */
class LocalFileStoragePermissionsTest {

	@TempDir
	Path dataDir;

	@Test
	void existingFilesAndFoldersAreNarrowedAtStartIdempotently() throws Exception {
		Path root = dataDir.resolve("files");
		Path folder = root.resolve("ab").resolve("cd");
		Files.createDirectories(folder);
		Path file = Files.writeString(folder.resolve("abcd0000-0000-0000-0000-000000000000"), "身份证");
		for (Path path : new Path[] { root, root.resolve("ab"), folder }) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		LocalFileStorage storage = new LocalFileStorage(root);

		storage.restrictPermissions();
		storage.restrictPermissions();

		for (Path path : new Path[] { root, root.resolve("ab"), folder }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rwx------");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file)).isEqualTo("身份证");
	}

}
