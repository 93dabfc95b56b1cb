package cn.zhengji.playback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every statement on {@code web_copy} (V136). Each is one short statement; state changes
 * are conditional on the state they leave, so a second run changes nothing.
 */
@Component
class WebCopyRecords {

	private static final String COLUMNS = """
			attachment_id, entry_id, campaign_id, source_file_id, source_type, state, attempts, progress,
			copy_file_id, copy_type, poster_file_id, reencoded, error_reason, error_detail, requested_at,
			started_at, finished_at""";

	private final JdbcClient jdbc;

	WebCopyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A QUEUED row unless the attachment has one; whether this call inserted it. */
	boolean request(long attachmentId, long entryId, long campaignId, UUID sourceFileId, String sourceType,
			Instant now) {
		return jdbc.sql("""
				insert into web_copy (attachment_id, entry_id, campaign_id, source_file_id, source_type, state,
				                      requested_at)
				values (:attachment, :entry, :campaign, :source, :type, 'QUEUED', :now)
				on conflict (attachment_id) do nothing
				""")
			.param("attachment", attachmentId)
			.param("entry", entryId)
			.param("campaign", campaignId)
			.param("source", sourceFileId)
			.param("type", sourceType)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<WebCopy> find(long attachmentId) {
		return jdbc.sql("select " + COLUMNS + " from web_copy where attachment_id = ?")
			.param(attachmentId)
			.query(WebCopyRecords::row)
			.optional();
	}

	List<WebCopy> ofCampaign(long campaignId) {
		return jdbc.sql("select " + COLUMNS + " from web_copy where campaign_id = ? order by entry_id, attachment_id")
			.param(campaignId)
			.query(WebCopyRecords::row)
			.list();
	}

	Map<Long, WebCopy> find(Collection<Long> attachmentIds) {
		Map<Long, WebCopy> copies = new HashMap<>();
		if (attachmentIds.isEmpty()) {
			return copies;
		}
		jdbc.sql("select " + COLUMNS + " from web_copy where attachment_id = any(cast(:ids as bigint[]))")
			.param("ids", attachmentIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query(WebCopyRecords::row)
			.list()
			.forEach((copy) -> copies.put(copy.attachmentId(), copy));
		return copies;
	}

	/**
	 * The attachments whose copy is still to be made (QUEUED or RUNNING), oldest first.
	 */
	List<Long> open(int limit) {
		return jdbc.sql(
				"select attachment_id from web_copy where state in ('QUEUED', 'RUNNING') order by requested_at limit ?")
			.param(limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Takes the row for a run: RUNNING, one attempt more, progress 0. A RUNNING row is
	 * taken too: db-scheduler runs a task once at a time, so a RUNNING row here was left
	 * by a node that died.
	 * @return the attempt this run is, or empty when the row is READY or FAILED
	 */
	Optional<Integer> start(long attachmentId, Instant now) {
		return jdbc.sql("""
				update web_copy set state = 'RUNNING', attempts = attempts + 1, progress = 0, started_at = :now
				where attachment_id = :attachment and state in ('QUEUED', 'RUNNING')
				returning attempts
				""")
			.param("attachment", attachmentId)
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.optional();
	}

	void progress(long attachmentId, int percent) {
		jdbc.sql("update web_copy set progress = :percent where attachment_id = :attachment and state = 'RUNNING'")
			.param("percent", percent)
			.param("attachment", attachmentId)
			.update();
	}

	boolean ready(long attachmentId, UUID copyFileId, String copyType, UUID posterFileId, boolean reencoded,
			Instant now) {
		return jdbc.sql("""
				update web_copy set state = 'READY', progress = 100, copy_file_id = :copy, copy_type = :type,
				       poster_file_id = :poster, reencoded = :reencoded, error_reason = null, error_detail = null,
				       finished_at = :now
				where attachment_id = :attachment and state = 'RUNNING'
				""")
			.param("copy", copyFileId)
			.param("type", copyType)
			.param("poster", posterFileId)
			.param("reencoded", reencoded)
			.param("now", Timestamp.from(now))
			.param("attachment", attachmentId)
			.update() == 1;
	}

	/** Back to QUEUED after a failed attempt that will be retried, with its reason. */
	void failedAttempt(long attachmentId, String reason, String detail) {
		jdbc.sql("""
				update web_copy set state = 'QUEUED', progress = 0, error_reason = :reason, error_detail = :detail
				where attachment_id = :attachment and state = 'RUNNING'
				""")
			.param("reason", reason)
			.param("detail", shorten(detail))
			.param("attachment", attachmentId)
			.update();
	}

	boolean failed(long attachmentId, String reason, String detail, Instant now) {
		return jdbc.sql("""
				update web_copy set state = 'FAILED', progress = 0, error_reason = :reason, error_detail = :detail,
				       finished_at = :now
				where attachment_id = :attachment and state in ('QUEUED', 'RUNNING')
				""")
			.param("reason", reason)
			.param("detail", shorten(detail))
			.param("now", Timestamp.from(now))
			.param("attachment", attachmentId)
			.update() == 1;
	}

	/** An admin's retry: a FAILED row QUEUED again with its attempts counted from 0. */
	boolean retry(long attachmentId, Instant now) {
		return jdbc.sql("""
				update web_copy set state = 'QUEUED', attempts = 0, progress = 0, error_reason = null,
				       error_detail = null, started_at = null, finished_at = null, requested_at = :now
				where attachment_id = :attachment and state = 'FAILED'
				""").param("now", Timestamp.from(now)).param("attachment", attachmentId).update() == 1;
	}

	private static String shorten(String detail) {
		if (detail == null) {
			return null;
		}
		return detail.length() > 2000 ? detail.substring(0, 2000) : detail;
	}

	private static WebCopy row(ResultSet rs, int n) throws SQLException {
		Timestamp started = rs.getTimestamp("started_at");
		Timestamp finished = rs.getTimestamp("finished_at");
		return new WebCopy(rs.getLong("attachment_id"), rs.getLong("entry_id"), rs.getLong("campaign_id"),
				rs.getObject("source_file_id", UUID.class), rs.getString("source_type"),
				WebCopy.State.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getInt("progress"),
				rs.getObject("copy_file_id", UUID.class), rs.getString("copy_type"),
				rs.getObject("poster_file_id", UUID.class), (Boolean) rs.getObject("reencoded"),
				rs.getString("error_reason"), rs.getString("error_detail"), rs.getTimestamp("requested_at").toInstant(),
				started == null ? null : started.toInstant(), finished == null ? null : finished.toInstant());
	}

}
