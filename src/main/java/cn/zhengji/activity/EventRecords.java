package cn.zhengji.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code offline_event} and {@code offline_event_photo}. Callers decide who may
 * see or change them.
 */
@Repository
class EventRecords {

	private static final String SELECT = """
			select e.id, e.campaign_id, e.organisation_id, e.organisation_path, o.name as organisation_name, e.held_on,
			       e.place, e.enterprise, e.participants, e.description, e.reported_by, a.display_name as reporter_name,
			       e.reported_at, e.updated_at, e.version
			from offline_event e join organisation_unit o on o.id = e.organisation_id join account_name a on a.id = e.reported_by
			""";

	private final JdbcClient jdbc;

	EventRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<OfflineEvent> find(long id) {
		return jdbc.sql(SELECT + " where e.id = ?").param(id).query(this::event).optional();
	}

	/**
	 * The event, its row locked until the transaction ends: photo counts and versions are
	 * checked under the lock.
	 */
	Optional<OfflineEvent> lock(long id) {
		return jdbc.sql("select id from offline_event where id = ? for update")
			.param(id)
			.query(Long.class)
			.optional()
			.flatMap(this::find);
	}

	long insert(long campaignId, long organisationId, String organisationPath, EventDetails details, long reportedBy,
			Instant at) {
		return jdbc.sql("""
				insert into offline_event (campaign_id, organisation_id, organisation_path, held_on, place, enterprise,
				    participants, description, reported_by, reported_at, updated_at)
				values (:campaign, :organisation, :path, :heldOn, :place, :enterprise, :participants, :description,
				    :reportedBy, :at, :at)
				returning id
				""")
			.param("campaign", campaignId)
			.param("organisation", organisationId)
			.param("path", organisationPath)
			.param("heldOn", details.heldOn())
			.param("place", details.place())
			.param("enterprise", details.enterprise())
			.param("participants", details.participants())
			.param("description", details.description())
			.param("reportedBy", reportedBy)
			.param("at", utc(at))
			.query(Long.class)
			.single();
	}

	void update(OfflineEvent event) {
		EventDetails details = event.details();
		jdbc.sql("""
				update offline_event set held_on = :heldOn, place = :place, enterprise = :enterprise,
				    participants = :participants, description = :description, updated_at = :at, version = :version
				where id = :id
				""")
			.param("heldOn", details.heldOn())
			.param("place", details.place())
			.param("enterprise", details.enterprise())
			.param("participants", details.participants())
			.param("description", details.description())
			.param("at", utc(event.updatedAt()))
			.param("version", event.version())
			.param("id", event.id())
			.update();
	}

	void delete(long id) {
		jdbc.sql("delete from offline_event where id = ?").param(id).update();
	}

	void insertPhoto(long eventId, UUID fileId, String fileName, String contentType, Instant at) {
		jdbc.sql("""
				insert into offline_event_photo (event_id, file_id, file_name, content_type, attached_at)
				values (?, ?, ?, ?, ?)
				""").params(eventId, fileId, fileName, contentType, utc(at)).update();
	}

	void deletePhoto(long photoId) {
		jdbc.sql("delete from offline_event_photo where id = ?").param(photoId).update();
	}

	private List<EventPhoto> photos(long eventId) {
		return jdbc.sql("""
				select id, file_id, file_name, content_type, attached_at from offline_event_photo
				where event_id = ? order by attached_at, id
				""")
			.param(eventId)
			.query((rs, n) -> new EventPhoto(rs.getLong("id"), rs.getObject("file_id", UUID.class),
					rs.getString("file_name"), rs.getString("content_type"),
					rs.getObject("attached_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	private OfflineEvent event(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		return new OfflineEvent(id, rs.getLong("campaign_id"), rs.getLong("organisation_id"),
				rs.getString("organisation_path"), rs.getString("organisation_name"),
				new EventDetails(rs.getObject("held_on", LocalDate.class), rs.getString("place"),
						rs.getString("enterprise"), rs.getInt("participants"), rs.getString("description")),
				rs.getLong("reported_by"), rs.getString("reporter_name"),
				rs.getObject("reported_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"), photos(id));
	}

	static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
