package cn.zhengji.handoff;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of the national side's imports: handoff_import. */
@Repository
class ImportRecords {

	/** Where an import stands. */
	enum State {

		/** Waiting for the task. */
		QUEUED,
		/** Being checked and imported. */
		RUNNING,
		/** Imported: every check passed. */
		DONE,
		/** Refused: the package does not match its manifest (the problems say why). */
		REFUSED,
		/** Broke off with an error; retried by the task. */
		FAILED

	}

	/** An import as stored. */
	record Row(long id, long campaignId, UUID packageFileId, String packageName, long packageSize, State state,
			Long categoryId, Long organisationId, int works, int created, int alreadyImported, List<String> problems,
			int attempts, long requestedBy, String requestedByName, Instant requestedAt, Instant finishedAt) {
	}

	private static final String SELECT = """
			select id, campaign_id, package_file_id, package_name, package_size, state, category_id, organisation_id,
			       works, created, already_imported, problems, attempts, requested_by, requested_by_name, requested_at,
			       finished_at
			from handoff_import
			""";

	private final JdbcClient jdbc;

	ImportRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the new import's id, or empty when the package was submitted before
	 */
	Optional<Long> insert(long campaignId, UUID fileId, String name, long size, long by, String byName, Instant at) {
		return jdbc.sql("""
				insert into handoff_import (campaign_id, package_file_id, package_name, package_size, state,
				    requested_by, requested_by_name, requested_at)
				values (?, ?, ?, ?, 'QUEUED', ?, ?, ?)
				on conflict on constraint handoff_import_package_uq do nothing
				returning id
				""").params(campaignId, fileId, name, size, by, byName, utc(at)).query(Long.class).optional();
	}

	Optional<Row> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(ImportRecords::row).optional();
	}

	/** The campaign's imports, newest first. */
	List<Row> ofCampaign(long campaignId, int limit) {
		return jdbc.sql(SELECT + " where campaign_id = ? order by id desc limit ?")
			.params(campaignId, limit)
			.query(ImportRecords::row)
			.list();
	}

	/** Marks a waiting (or failed) import RUNNING. @return false if it is finished */
	boolean start(long id) {
		return jdbc.sql("""
				update handoff_import set state = 'RUNNING', attempts = attempts + 1, problems = '{}'
				where id = ? and state in ('QUEUED', 'RUNNING', 'FAILED')
				""").param(id).update() == 1;
	}

	void described(long id, Long categoryId, Long organisationId, String manifestSha256, int works) {
		jdbc.sql("""
				update handoff_import set category_id = ?, organisation_id = ?, manifest_sha256 = ?, works = ?
				where id = ?
				""").params(categoryId, organisationId, manifestSha256, works, id).update();
	}

	void finish(long id, State state, int created, int alreadyImported, List<String> problems, Instant at) {
		jdbc.sql("""
				update handoff_import set state = ?, created = ?, already_imported = ?, problems = ?, finished_at = ?
				where id = ?
				""")
			.params(state.name(), created, alreadyImported, problems.toArray(String[]::new), utc(at), id)
			.update();
	}

	private static java.time.OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Array problems = rs.getArray("problems");
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getObject("package_file_id", UUID.class),
				rs.getString("package_name"), rs.getLong("package_size"), State.valueOf(rs.getString("state")),
				(Long) rs.getObject("category_id"), (Long) rs.getObject("organisation_id"), rs.getInt("works"),
				rs.getInt("created"), rs.getInt("already_imported"),
				problems == null ? List.of() : Arrays.asList((String[]) problems.getArray()), rs.getInt("attempts"),
				rs.getLong("requested_by"), rs.getString("requested_by_name"),
				rs.getTimestamp("requested_at").toInstant(), finished == null ? null : finished.toInstant());
	}

}
