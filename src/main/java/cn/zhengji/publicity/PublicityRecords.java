package cn.zhengji.publicity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The publicity module's own tables. */
@Component
class PublicityRecords {

	/** A publicity row. */
	record Row(long id, long campaignId, long roundId, String title, LocalDate startsOn, LocalDate endsOn,
			String notice, long publishedBy, Instant publishedAt, Instant finalisedAt) {
	}

	/** An objection row with its evidence. */
	record ObjectionRow(long id, long publicityId, long entryId, String objectorName, String mobileMasked,
			String reason, Instant filedAt, ObjectionStatus status, String outcomeLevel, String outcomeReason,
			Instant handledAt) {
	}

	record EvidenceRow(long objectionId, int position, UUID storedFileId, String fileName, String contentType) {
	}

	private final JdbcClient jdbc;

	PublicityRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long campaignId, long roundId, PublicityInput input, long publishedBy, Instant at) {
		return jdbc
			.sql("""
					insert into publicity (campaign_id, round_id, title, starts_on, ends_on, notice, published_by, published_at)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id
					""")
			.params(campaignId, roundId, input.title(), input.startsOn(), input.endsOn(), input.notice(), publishedBy,
					Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	void insertEntry(long publicityId, PublicityView.Work work, String levelCode) {
		jdbc.sql("""
				insert into publicity_entry (publicity_id, entry_id, title, category_name, unit_name, level_code,
				    level_name, level_order)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(publicityId, work.entryId(), work.title(), work.categoryName(), work.unitName(), levelCode,
					work.levelName(), work.levelOrder())
			.update();
	}

	boolean publishedFor(long roundId) {
		return jdbc.sql("select count(*) from publicity where round_id = ?")
			.param(roundId)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select * from publicity where id = ?").param(id).query(PublicityRecords::row).optional();
	}

	Optional<Row> lock(long id) {
		return jdbc.sql("select * from publicity where id = ? for update")
			.param(id)
			.query(PublicityRecords::row)
			.optional();
	}

	List<Row> all() {
		return jdbc.sql("select * from publicity order by starts_on desc, id desc").query(PublicityRecords::row).list();
	}

	List<Row> ofCampaign(long campaignId) {
		return jdbc.sql("select * from publicity where campaign_id = ? order by starts_on desc, id desc")
			.param(campaignId)
			.query(PublicityRecords::row)
			.list();
	}

	/**
	 * Not finalised, the last day before {@code notAfter} (a candidate; the zone
	 * decides).
	 */
	List<Row> unfinalisedEndingBefore(LocalDate notAfter) {
		return jdbc.sql("select * from publicity where finalised_at is null and ends_on < ? order by id")
			.param(notAfter)
			.query(PublicityRecords::row)
			.list();
	}

	void markFinalised(long id, Instant at) {
		jdbc.sql("update publicity set finalised_at = ? where id = ?").params(Timestamp.from(at), id).update();
	}

	void setDates(long id, LocalDate startsOn, LocalDate endsOn) {
		jdbc.sql("update publicity set starts_on = ?, ends_on = ? where id = ?").params(startsOn, endsOn, id).update();
	}

	List<PublicityView.Work> works(long publicityId) {
		return jdbc.sql("""
				select entry_id, title, category_name, unit_name, level_name, level_order, status
				from publicity_entry where publicity_id = ? order by level_order, entry_id
				""")
			.param(publicityId)
			.query((rs, n) -> new PublicityView.Work(rs.getLong("entry_id"), rs.getString("title"),
					rs.getString("category_name"), rs.getString("unit_name"), rs.getString("level_name"),
					rs.getInt("level_order"), rs.getString("status")))
			.list();
	}

	void changeLevel(long publicityId, long entryId, String levelCode, String levelName, int levelOrder) {
		jdbc.sql("""
				update publicity_entry set level_code = ?, level_name = ?, level_order = ?
				where publicity_id = ? and entry_id = ?
				""").params(levelCode, levelName, levelOrder, publicityId, entryId).update();
	}

	void setStatus(long publicityId, long entryId, String status) {
		jdbc.sql("update publicity_entry set status = ? where publicity_id = ? and entry_id = ?")
			.params(status, publicityId, entryId)
			.update();
	}

	long insertObjection(long publicityId, long entryId, String name, byte[] mobileCipher, String mobileMasked,
			String reason, Instant at, String from) {
		return jdbc.sql("""
				insert into publicity_objection (publicity_id, entry_id, objector_name, mobile_cipher, mobile_masked,
				    reason, filed_at, filed_from)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(publicityId, entryId, name, mobileCipher, mobileMasked, reason, Timestamp.from(at), from)
			.query(Long.class)
			.single();
	}

	void insertEvidence(long objectionId, int position, UUID storedFileId, String fileName, String contentType) {
		jdbc.sql("""
				insert into publicity_objection_file (objection_id, position, stored_file_id, file_name, content_type)
				values (?, ?, ?, ?, ?)
				""").params(objectionId, position, storedFileId, fileName, contentType).update();
	}

	Optional<ObjectionRow> lockObjection(long id) {
		return jdbc.sql("select * from publicity_objection where id = ? for update")
			.param(id)
			.query(PublicityRecords::objection)
			.optional();
	}

	Optional<ObjectionRow> findObjection(long id) {
		return jdbc.sql("select * from publicity_objection where id = ?")
			.param(id)
			.query(PublicityRecords::objection)
			.optional();
	}

	void handle(long id, ObjectionStatus status, String outcomeLevel, String reason, long by, Instant at) {
		jdbc.sql("""
				update publicity_objection set status = ?, outcome_level = ?, outcome_reason = ?, handled_by = ?,
				    handled_at = ?
				where id = ?
				""").params(status.name(), outcomeLevel, reason, by, Timestamp.from(at), id).update();
	}

	List<ObjectionRow> objectionsOf(long publicityId) {
		return jdbc.sql("select * from publicity_objection where publicity_id = ? order by filed_at, id")
			.param(publicityId)
			.query(PublicityRecords::objection)
			.list();
	}

	List<ObjectionRow> objectionsAbout(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select * from publicity_objection where entry_id = any(cast(:ids as bigint[])) order by filed_at, id
				""")
			.param("ids", entryIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query(PublicityRecords::objection)
			.list();
	}

	List<EvidenceRow> evidence(Collection<Long> objectionIds) {
		if (objectionIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select * from publicity_objection_file where objection_id = any(cast(:ids as bigint[]))
				order by objection_id, position
				""")
			.param("ids", objectionIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs, n) -> new EvidenceRow(rs.getLong("objection_id"), rs.getInt("position"),
					rs.getObject("stored_file_id", UUID.class), rs.getString("file_name"),
					rs.getString("content_type")))
			.list();
	}

	/** Entries of the list with an objection not handled yet. */
	List<Long> entriesWithPendingObjections(long publicityId) {
		return jdbc.sql("""
				select distinct entry_id from publicity_objection where publicity_id = ? and status = 'PENDING'
				""").param(publicityId).query(Long.class).list();
	}

	/** The lists (by entry) the given entries are announced in, with their status. */
	List<EntryListing> listings(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select e.entry_id, e.publicity_id, e.title, e.level_name, e.status, p.title as publicity_title,
				    p.starts_on, p.ends_on
				from publicity_entry e join publicity p on p.id = e.publicity_id
				where e.entry_id = any(cast(:ids as bigint[])) order by p.starts_on desc, e.entry_id
				""")
			.param("ids", entryIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs, n) -> new EntryListing(rs.getLong("entry_id"), rs.getLong("publicity_id"),
					rs.getString("title"), rs.getString("level_name"), rs.getString("status"),
					rs.getString("publicity_title"), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("ends_on", LocalDate.class)))
			.list();
	}

	/** One of the participant's works as announced. */
	record EntryListing(long entryId, long publicityId, String title, String levelName, String status,
			String publicityTitle, LocalDate startsOn, LocalDate endsOn) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Timestamp finalised = rs.getTimestamp("finalised_at");
		return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("round_id"), rs.getString("title"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getString("notice"), rs.getLong("published_by"), rs.getTimestamp("published_at").toInstant(),
				finalised == null ? null : finalised.toInstant());
	}

	private static ObjectionRow objection(ResultSet rs, int n) throws SQLException {
		Timestamp handled = rs.getTimestamp("handled_at");
		return new ObjectionRow(rs.getLong("id"), rs.getLong("publicity_id"), rs.getLong("entry_id"),
				rs.getString("objector_name"), rs.getString("mobile_masked"), rs.getString("reason"),
				rs.getTimestamp("filed_at").toInstant(), ObjectionStatus.valueOf(rs.getString("status")),
				rs.getString("outcome_level"), rs.getString("outcome_reason"),
				handled == null ? null : handled.toInstant());
	}

}
