package cn.zhengji.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.zhengji.infrastructure.DisplayTimeZone;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.database.Subtree;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * R-X-3 Reading the audit log. An admin reads the events recorded against its own subtree
 * (by their {@code organisation_path}); the platform admin reads everything, including
 * events that belong to no organisation (e.g. a failed sign-in with an unknown name).
 * Nobody else reads any.
 */
@Service
@Transactional(readOnly = true)
public class AuditEvents {

	public static final int PAGE_SIZE = 50;

	private static final String COLUMNS = """
			id, occurred_at, actor_id, actor_name, remote_address, action, target_type, target_id, summary,
			organisation_path, before_state::text as before_state, after_state::text as after_state
			""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final RowMapper<AuditEntry> row;

	/** The log spans campaigns: its times are in the platform's display zone. */
	private final ZoneId zone;

	private final Texts texts;

	AuditEvents(JdbcClient jdbc, ObjectMapper json, DisplayTimeZone displayTimeZone, Texts texts) {
		this.texts = texts;
		this.jdbc = jdbc;
		this.json = json;
		this.zone = displayTimeZone.zone();
		this.row = (rs, n) -> new AuditEntry(rs.getLong("id"),
				rs.getObject("occurred_at", OffsetDateTime.class).atZoneSameInstant(zone),
				rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("remote_address"),
				AuditAction.valueOf(rs.getString("action")), rs.getString("target_type"),
				AuditTarget.label(texts, rs.getString("target_type")), rs.getString("target_id"),
				rs.getString("summary"), rs.getString("organisation_path"), pretty(rs.getString("before_state")),
				pretty(rs.getString("after_state")));
	}

	/**
	 * One page of the events the admin may read that match the filter, newest first.
	 * @param page 0-based
	 */
	public AuditPage page(SignedInUser admin, AuditFilter filter, int page) {
		int safePage = Math.max(page, 0);
		Query query = where(admin, filter);
		List<AuditEntry> entries = jdbc
			.sql("select " + COLUMNS + " from audit_event where " + query.condition()
					+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(query.parameters())
			.param("limit", PAGE_SIZE + 1)
			.param("offset", (long) safePage * PAGE_SIZE)
			.query(row)
			.list();
		boolean hasNext = entries.size() > PAGE_SIZE;
		return new AuditPage(hasNext ? entries.subList(0, PAGE_SIZE) : entries, safePage, hasNext);
	}

	/** The columns of {@link #export}, in order. */
	public static final List<String> EXPORT_COLUMNS = List.of("audit.export.column.time", "audit.export.column.actor",
			"audit.export.column.action", "audit.export.column.targetType", "audit.export.column.targetId",
			"audit.export.column.summary", "audit.export.column.remoteAddress");

	/**
	 * R-X-2 Streams every event the admin may read that matches the filter, newest first,
	 * from a cursor. The states before and after stay on the detail page: they can be
	 * large.
	 * @param actionLabel the Chinese name of an action
	 */
	@Transactional(readOnly = true)
	public void export(SignedInUser admin, AuditFilter filter, Function<AuditAction, String> actionLabel,
			SpreadsheetDownload.Rows sheet) {
		Query query = where(admin, filter);
		jdbc.sql("""
				select occurred_at, actor_name, action, target_type, target_id, summary, remote_address
				from audit_event where """ + " " + query.condition() + " order by occurred_at desc, id desc")
			.params(query.parameters())
			.withFetchSize(1000)
			.query((RowCallbackHandler) rs -> sheet.row(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getString("actor_name"), actionLabel.apply(AuditAction.valueOf(rs.getString("action"))),
					AuditTarget.label(texts, rs.getString("target_type")), rs.getString("target_id"),
					rs.getString("summary"), rs.getString("remote_address")));
	}

	/** One event, if the admin may read it. */
	public Optional<AuditEntry> find(SignedInUser admin, long id) {
		Query query = where(admin, AuditFilter.NONE);
		return jdbc.sql("select " + COLUMNS + " from audit_event where id = :id and " + query.condition())
			.params(query.parameters())
			.param("id", id)
			.query(row)
			.optional();
	}

	/**
	 * The target types that occur in the admin's events with their Chinese names, for the
	 * filter's choices.
	 */
	public List<TargetChoice> targetTypes(SignedInUser admin) {
		Query query = where(admin, AuditFilter.NONE);
		return jdbc
			.sql("select distinct target_type from audit_event where target_type is not null and " + query.condition()
					+ " order by target_type")
			.params(query.parameters())
			.query(String.class)
			.stream()
			.map(code -> new TargetChoice(code, AuditTarget.label(texts, code)))
			.toList();
	}

	/** A target type as stored and as shown. */
	public record TargetChoice(String code, String label) {
	}

	private Query where(SignedInUser admin, AuditFilter filter) {
		List<String> conditions = new ArrayList<>();
		java.util.Map<String, Object> parameters = new java.util.HashMap<>();
		// issue 11 item 5: the audit administrator reads all of it, an organisation admin
		// its subtree, nobody else any
		if (!admin.role().readsAuditLog()) {
			conditions.add("false");
		}
		else if (admin.role() != Role.AUDIT_ADMIN) {
			conditions.add(Subtree.sql("organisation_path", "scope"));
			parameters.put("scope", Subtree.administeredBy(admin).pattern());
		}
		if (filter.action() != null) {
			conditions.add("action = :action");
			parameters.put("action", filter.action().name());
		}
		if (filter.actor() != null) {
			conditions.add("actor_name ilike '%' || :actor || '%' escape '\\'");
			parameters.put("actor", filter.actor().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
		}
		if (filter.targetType() != null) {
			conditions.add("target_type = :targetType");
			parameters.put("targetType", filter.targetType());
		}
		if (filter.from() != null) {
			conditions.add("occurred_at >= :from");
			parameters.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
		}
		if (filter.to() != null) {
			conditions.add("occurred_at < :to");
			parameters.put("to", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		}
		return new Query(conditions.isEmpty() ? "true" : String.join(" and ", conditions), parameters);
	}

	private String pretty(String jsonText) {
		if (jsonText == null) {
			return null;
		}
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(jsonText));
	}

	private record Query(String condition, java.util.Map<String, Object> parameters) {
	}

	/**
	 * What to show of the log; null fields do not filter.
	 *
	 * @param actor part of the actor's name
	 * @param from first day (in the display time zone), inclusive
	 * @param to last day (in the display time zone), inclusive
	 */
	public record AuditFilter(AuditAction action, String actor, String targetType, LocalDate from, LocalDate to) {

		public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

		/** The fields that filter, for the record of an export. */
		public Map<String, Object> describe() {
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("action", action == null ? null : action.name());
			described.put("actor", actor);
			described.put("targetType", targetType);
			described.put("from", from == null ? null : from.toString());
			described.put("to", to == null ? null : to.toString());
			described.values().removeIf(java.util.Objects::isNull);
			return described;
		}
	}

	/** One event as read; times in the display time zone, states as indented JSON. */
	public record AuditEntry(long id, ZonedDateTime occurredAt, Long actorId, String actorName, String remoteAddress,
			AuditAction action, String targetType, String targetLabel, String targetId, String summary,
			String organisationPath, String beforeState, String afterState) {

		public boolean hasStates() {
			return beforeState != null || afterState != null;
		}
	}

	/** A page of events, newest first. */
	public record AuditPage(List<AuditEntry> entries, int page, boolean hasNext) {

		public boolean hasPrevious() {
			return page > 0;
		}
	}

}
