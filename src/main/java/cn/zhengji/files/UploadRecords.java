package cn.zhengji.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code stored_file} rows: every statement on the table, the lease's conditional
 * updates included. The lease columns are only ever changed on a condition (the row free,
 * or still held with the caller's token), so that two nodes cannot both believe they hold
 * an upload.
 */
@Component
class UploadRecords {

	private final JdbcClient jdbc;

	UploadRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, long ownerAccountId, String organisationPath, String fileName, long length, String metadata,
			Instant now, Instant expires) {
		jdbc.sql("""
				insert into stored_file (id, owner_account_id, organisation_path, file_name, storage_key, upload_length,
				    upload_metadata, created_at, expires_at)
				values (:id, :owner, :path, :name, :key, :length, :metadata, :now, :expires)
				""")
			.param("id", id)
			.param("owner", ownerAccountId)
			.param("path", organisationPath)
			.param("name", fileName)
			.param("key", id.toString())
			.param("length", length)
			.param("metadata", metadata)
			.param("now", utc(now))
			.param("expires", utc(expires))
			.update();
	}

	/**
	 * A file the platform made (a derivative), complete from the start: its bytes are
	 * already in the storage under the key {@code id}.
	 */
	void insertCompleted(UUID id, long ownerAccountId, String organisationPath, String fileName, long length,
			String sha256, long crc32, Instant now) {
		jdbc.sql("""
				insert into stored_file (id, owner_account_id, organisation_path, file_name, storage_key, upload_length,
				    upload_offset, created_at, expires_at, completed_at, sha256, crc32, verified_at)
				values (:id, :owner, :path, :name, :key, :length, :length, :now, :now, :now, :sha256, :crc32, :now)
				""")
			.param("id", id)
			.param("owner", ownerAccountId)
			.param("path", organisationPath)
			.param("name", fileName)
			.param("key", id.toString())
			.param("length", length)
			.param("sha256", sha256)
			.param("crc32", crc32)
			.param("now", utc(now))
			.update();
	}

	Optional<Upload> load(UUID id) {
		return jdbc.sql("""
				select id, owner_account_id, file_name, upload_length, upload_offset, upload_metadata, created_at,
				    expires_at, completed_at, sha256
				from stored_file where id = :id
				""").param("id", id).query(UploadRecords::map).optional();
	}

	String organisationPath(UUID id) {
		return jdbc.sql("select organisation_path from stored_file where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	/**
	 * Marks the upload complete and gives the lease back; false if the lease was no
	 * longer this token's.
	 * @param crc32 null when this node did not see every byte (filled later by
	 * {@link StoredFiles#crc32})
	 */
	boolean complete(UUID id, UUID token, String sha256, Long crc32, Instant now) {
		return jdbc.sql("""
				update stored_file set completed_at = :now, sha256 = :sha256, crc32 = :crc32,
				    upload_offset = upload_length, lease_token = null, lease_until = null
				where id = :id and lease_token = :token
				""")
			.param("now", utc(now))
			.param("sha256", sha256)
			.param("crc32", crc32, Types.BIGINT)
			.param("id", id)
			.param("token", token)
			.update() == 1;
	}

	/** The CRC-32 stored with a completed file; empty when not known yet. */
	Optional<Long> crc32(UUID id) {
		return jdbc.sql("select coalesce(crc32, -1) from stored_file where id = :id and completed_at is not null")
			.param("id", id)
			.query(Long.class)
			.optional()
			.filter(crc -> crc >= 0);
	}

	/**
	 * Records the CRC-32 of a completed file that had none (a file stored before V144).
	 */
	void fillCrc32(UUID id, long crc32) {
		jdbc.sql("update stored_file set crc32 = :crc32 where id = :id and completed_at is not null and crc32 is null")
			.param("crc32", crc32)
			.param("id", id)
			.update();
	}

	void delete(UUID id) {
		jdbc.sql("delete from stored_file where id = :id").param("id", id).update();
	}

	/** Deletes the row if the lease is still this token's. */
	boolean deleteLeased(UUID id, UUID token) {
		return jdbc.sql("delete from stored_file where id = :id and lease_token = :token")
			.param("id", id)
			.param("token", token)
			.update() == 1;
	}

	/** Unfinished uploads whose time ran out and that no lease holds, oldest first. */
	List<UUID> expired(Instant now, int limit) {
		return jdbc.sql("""
				select id from stored_file
				where completed_at is null and expires_at <= :now and (lease_until is null or lease_until < :now)
				order by expires_at limit :limit
				""").param("now", utc(now)).param("limit", limit).query(UUID.class).list();
	}

	// --- The lease columns
	// ---------------------------------------------------------------------------

	/**
	 * Takes the lease of an unfinished, unexpired upload that nobody holds.
	 * @return the recorded offset, or empty if the upload is not free (or finished,
	 * expired, gone)
	 */
	Optional<Long> takeForWriting(UUID id, UUID token, int node, Instant until, Instant now) {
		return take(id, token, node, until, now, "completed_at is null and expires_at > :now");
	}

	/** Takes the lease of any upload, finished or not, that nobody holds. */
	Optional<Long> takeForRemoval(UUID id, UUID token, int node, Instant until, Instant now) {
		return take(id, token, node, until, now, "true");
	}

	/**
	 * A lease is free when it ran out, or when the node that took it is gone: that node's
	 * advisory lock ({@link NodeLiveness}) is no longer held.
	 */
	private Optional<Long> take(UUID id, UUID token, int node, Instant until, Instant now, String condition) {
		return jdbc.sql("""
				update stored_file set lease_token = :token, lease_until = :until, lease_node = :node
				where id = :id
				  and (lease_until is null or lease_until < :now
				       or lease_node is not null and not exists (
				           select 1 from pg_locks l
				           where l.locktype = 'advisory' and l.granted and l.objsubid = 2
				             and l.classid::int8 = :namespace and l.objid::int8 = lease_node))
				  and """ + " " + condition + " returning upload_offset")
			.param("token", token)
			.param("node", node)
			.param("until", utc(until))
			.param("id", id)
			.param("now", utc(now))
			.param("namespace", NodeLiveness.NAMESPACE)
			.query(Long.class)
			.optional();
	}

	/**
	 * @return false if the lease is no longer this token's
	 */
	boolean extendLease(UUID id, UUID token, Instant until) {
		return jdbc.sql("update stored_file set lease_until = :until where id = :id and lease_token = :token")
			.param("until", utc(until))
			.param("id", id)
			.param("token", token)
			.update() == 1;
	}

	/**
	 * Records the offset and extends lease and expiry; false if the lease is no longer
	 * this token's.
	 */
	boolean recordProgress(UUID id, UUID token, long offset, Instant until, Instant expires) {
		return jdbc.sql("""
				update stored_file set upload_offset = :offset, lease_until = :until, expires_at = :expires
				where id = :id and lease_token = :token
				""")
			.param("offset", offset)
			.param("until", utc(until))
			.param("expires", utc(expires))
			.param("id", id)
			.param("token", token)
			.update() == 1;
	}

	/** Gives the lease back, recording the offset and a new expiry. */
	void releaseLease(UUID id, UUID token, long offset, Instant expires) {
		jdbc.sql("""
				update stored_file set upload_offset = :offset, lease_token = null, lease_until = null,
				    expires_at = :expires
				where id = :id and lease_token = :token
				""")
			.param("offset", offset)
			.param("expires", utc(expires))
			.param("id", id)
			.param("token", token)
			.update();
	}

	/** Gives the lease back without recording anything. */
	void releaseLease(UUID id, UUID token) {
		jdbc.sql(
				"update stored_file set lease_token = null, lease_until = null where id = :id and lease_token = :token")
			.param("id", id)
			.param("token", token)
			.update();
	}

	static Upload map(ResultSet row, int number) throws SQLException {
		OffsetDateTime completed = row.getObject("completed_at", OffsetDateTime.class);
		return new Upload(row.getObject("id", UUID.class), row.getLong("owner_account_id"), row.getString("file_name"),
				row.getLong("upload_length"), row.getLong("upload_offset"), row.getString("upload_metadata"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("expires_at", OffsetDateTime.class).toInstant(),
				completed == null ? null : completed.toInstant(), row.getString("sha256"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
