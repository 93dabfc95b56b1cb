package cn.zhengji.review;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every statement on review_blind_copy and review_blind_page (V127). The state changes
 * are conditional on the row still being PENDING, so a second run of the task (a revived
 * execution, a test) never overwrites a finished copy.
 */
@Component
class BlindCopyRecords {

	/** The copy of one source file as stored. */
	record BlindCopyRow(long id, UUID sourceFileId, String contentType, BlindFile.Status status, String failureReason,
			UUID derivedFileId, int pageCount, int attempts) {
	}

	/** A rendered page. */
	record PageRow(long blindCopyId, int pageNumber, UUID fileId, int width, int height) {
	}

	private final JdbcClient jdbc;

	BlindCopyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A PENDING row for the source file unless it has one.
	 * @return true if this call inserted it (only then must its task be scheduled)
	 */
	boolean request(UUID sourceFileId, String contentType, Instant now) {
		return jdbc.sql("""
				insert into review_blind_copy (source_file_id, content_type, status, requested_at)
				values (:source, :type, 'PENDING', :now)
				on conflict on constraint review_blind_copy_source_uq do nothing
				""")
			.param("source", sourceFileId)
			.param("type", contentType)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	Optional<BlindCopyRow> find(UUID sourceFileId) {
		return jdbc.sql("""
				select id, source_file_id, content_type, status, failure_reason, derived_file_id, page_count, attempts
				from review_blind_copy where source_file_id = ?
				""").param(sourceFileId).query(BlindCopyRecords::row).optional();
	}

	Map<UUID, BlindCopyRow> find(Collection<UUID> sourceFileIds) {
		if (sourceFileIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select id, source_file_id, content_type, status, failure_reason, derived_file_id, page_count, attempts
				from review_blind_copy where source_file_id in (:ids)
				""")
			.param("ids", sourceFileIds)
			.query(BlindCopyRecords::row)
			.list()
			.stream()
			.collect(Collectors.toMap(BlindCopyRow::sourceFileId, (row) -> row));
	}

	/** Counts an attempt before the work starts; returns the count. */
	int countAttempt(long id) {
		return jdbc.sql("update review_blind_copy set attempts = attempts + 1 where id = ? returning attempts")
			.param(id)
			.query(Integer.class)
			.single();
	}

	/**
	 * @return false if the row was no longer PENDING
	 */
	boolean ready(long id, UUID derivedFileId, List<PageRow> pages, Instant now) {
		boolean changed = jdbc.sql("""
				update review_blind_copy set status = 'READY', derived_file_id = :derived, page_count = :pages,
				    finished_at = :now
				where id = :id and status = 'PENDING'
				""")
			.param("derived", derivedFileId)
			.param("pages", pages.size())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update() == 1;
		if (changed) {
			for (PageRow page : pages) {
				jdbc.sql("""
						insert into review_blind_page (blind_copy_id, page_number, file_id, width, height)
						values (?, ?, ?, ?, ?)
						""").params(id, page.pageNumber(), page.fileId(), page.width(), page.height()).update();
			}
		}
		return changed;
	}

	/**
	 * @return false if the row was no longer PENDING
	 */
	boolean failed(long id, String reason, String detail, Instant now) {
		return jdbc.sql("""
				update review_blind_copy set status = 'FAILED', failure_reason = :reason, failure_detail = :detail,
				    finished_at = :now
				where id = :id and status = 'PENDING'
				""")
			.param("reason", reason)
			.param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update() == 1;
	}

	Optional<PageRow> page(long blindCopyId, int pageNumber) {
		return jdbc.sql("""
				select blind_copy_id, page_number, file_id, width, height from review_blind_page
				where blind_copy_id = ? and page_number = ?
				""")
			.params(blindCopyId, pageNumber)
			.query((rs, n) -> new PageRow(rs.getLong(1), rs.getInt(2), rs.getObject(3, UUID.class), rs.getInt(4),
					rs.getInt(5)))
			.optional();
	}

	/**
	 * Source files still PENDING, oldest request first: what the sweep schedules again.
	 */
	List<UUID> pending(int limit) {
		return jdbc.sql("""
				select source_file_id from review_blind_copy where status = 'PENDING'
				order by requested_at limit ?
				""").param(limit).query(UUID.class).list();
	}

	/** Every work that has an expert in some round, for the sweep. */
	List<Long> assignedWorks() {
		return jdbc.sql("select distinct entry_id from review_assignment order by entry_id").query(Long.class).list();
	}

	private static BlindCopyRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new BlindCopyRow(rs.getLong("id"), rs.getObject("source_file_id", UUID.class),
				rs.getString("content_type"), BlindFile.Status.valueOf(rs.getString("status")),
				rs.getString("failure_reason"), rs.getObject("derived_file_id", UUID.class), rs.getInt("page_count"),
				rs.getInt("attempts"));
	}

}
