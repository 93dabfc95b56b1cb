package cn.zhengji.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 11 item 9: whether the stored bytes of a file are still those uploaded (their
 * SHA-256). A mismatch is flagged on the file once: then it is audited as
 * {@link AuditAction#FILE_CORRUPTED}, {@link StoredFileCorrupted} is published (the
 * security administrators get a notice) and the file is never served again. Hashing runs
 * without a database connection; only the flag's update takes one.
 */
@Component
class FileIntegrity {

	private static final Logger log = LoggerFactory.getLogger(FileIntegrity.class);

	private final FileStorage storage;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Texts texts;

	private final Clock clock;

	FileIntegrity(FileStorage storage, JdbcClient jdbc, PlatformTransactionManager transactionManager, AuditLog audit,
			ApplicationEventPublisher events, Texts texts, Clock clock) {
		this.storage = storage;
		this.jdbc = jdbc;
		// Its own transaction: a download may run inside a caller's read-only one.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.audit = audit;
		this.events = events;
		this.texts = texts;
		this.clock = clock;
	}

	/** Whether the file was found corrupted before (by a download or the scrub). */
	boolean flagged(UUID id) {
		return jdbc.sql("select corrupted_at is not null from stored_file where id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Hashes the stored bytes; on a mismatch flags the file, and reports it if nobody did
	 * before. A file that cannot be read at all counts as corrupted.
	 * @return true if the bytes still match
	 */
	boolean verify(StoredFile file) {
		String actual;
		try {
			actual = sha256(file.id());
		}
		catch (IOException ex) {
			log.error("Stored file {} cannot be read", file.id(), ex);
			actual = "unreadable";
		}
		if (actual.equals(file.sha256())) {
			transactions.executeWithoutResult(status -> jdbc.sql("update stored_file set verified_at = ? where id = ?")
				.params(now(), file.id())
				.update());
			return true;
		}
		reportOnce(file, actual);
		return false;
	}

	private void reportOnce(StoredFile file, String actual) {
		transactions.executeWithoutResult(status -> {
			List<String> flagged = jdbc.sql("""
					update stored_file set corrupted_at = ?, verified_at = ?
					where id = ? and corrupted_at is null returning organisation_path
					""").params(now(), now(), file.id()).query(String.class).list();
			if (flagged.isEmpty()) {
				return;
			}
			log.error("Stored file {} ({}) no longer matches its SHA-256 {}: now {}", file.id(), file.fileName(),
					file.sha256(), actual);
			audit.recordFor(null, texts.text("audit.system"), AuditAction.FILE_CORRUPTED, Uploads.AUDIT_TARGET,
					file.id(), flagged.getFirst(),
					texts.text("files.audit.corrupted", file.fileName(), file.sha256(), actual));
			events.publishEvent(new StoredFileCorrupted(file.id(), file.fileName(), file.ownerAccountId()));
		});
	}

	private String sha256(UUID id) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = storage.read(id.toString())) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
