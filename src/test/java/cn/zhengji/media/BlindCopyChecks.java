package cn.zhengji.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every blind copy test checks: the identifying texts are nowhere in the copy (in
 * UTF-8 or UTF-16 of either byte order, and inside every zip entry for Office files), and
 * the original is byte for byte what it was.
 */
final class BlindCopyChecks {

	static final String NAME = "张三";

	static final String COMPANY = "某某公司";

	private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
			StandardCharsets.UTF_16BE);

	private BlindCopyChecks() {
	}

	/** Makes the copy and checks that the original did not change. */
	static Path blindCopy(Path original, Path directory) {
		String before = sha256(original);
		try {
			Path copy = new BlindCopies().makeBlindCopy(original,
					directory.resolve("blind").resolve(original.getFileName()));
			assertThat(sha256(original)).as("original untouched").isEqualTo(before);
			return copy;
		}
		catch (BlindCopyException ex) {
			throw new AssertionError(ex);
		}
	}

	static void assertNowhereIn(Path copy, String... texts) {
		byte[] bytes = read(copy);
		for (String text : texts) {
			assertAbsent(bytes, text, copy.toString());
		}
	}

	/**
	 * For zips (OOXML), whose parts are deflated: every entry inflated, then searched.
	 */
	static void assertNowhereInEntries(Path copy, String... texts) {
		try (ZipFile zip = new ZipFile(copy.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				byte[] content;
				try (InputStream in = zip.getInputStream(entry)) {
					content = in.readAllBytes();
				}
				for (String text : texts) {
					assertAbsent(content, text, copy + "!" + entry.getName());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void assertAbsent(byte[] bytes, String text, String where) {
		for (Charset encoding : ENCODINGS) {
			assertThat(indexOf(bytes, text.getBytes(encoding))).as("\"%s\" in %s of %s", text, encoding, where)
				.isEqualTo(-1);
		}
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	static String sha256(Path path) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(read(path)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] read(Path path) {
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path write(Path path, byte[] bytes) {
		try {
			Files.createDirectories(path.getParent());
			return Files.write(path, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** Runs a command (ffmpeg) and returns its output; fails the test if it fails. */
	static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException(command + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
