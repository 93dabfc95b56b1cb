package cn.zhengji.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the demonstration works of this module share: a demonstration entry exists once
 * per campaign and title, and its files come from {@code resources/demo/} into the file
 * storage as any stored file (hashed, with its CRC-32).
 */
final class DemoFiles {

	private DemoFiles() {
	}

	static boolean entryExists(JdbcClient jdbc, long campaignId, String title) {
		return jdbc.sql("select exists (select 1 from entry where campaign_id = ? and title = ?)")
			.params(campaignId, title)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Stores a copy of {@code demo/<resource>} owned by {@code owner}; call it outside
	 * any transaction (the bytes are copied and hashed).
	 */
	static StoredFile store(StoredFiles storedFiles, String resource, AccountProfile owner) {
		try (InputStream in = new ClassPathResource("demo/" + resource).getInputStream()) {
			Path copy = Files.createTempFile("zhengji-demo-", "-" + resource);
			try {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
				return storedFiles.storeImported(copy, resource, owner.id(), owner.organisationPath());
			}
			finally {
				Files.deleteIfExists(copy);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
