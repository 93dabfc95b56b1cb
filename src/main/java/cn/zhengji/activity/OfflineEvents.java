package cn.zhengji.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.database.Subtree;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.infrastructure.web.NotVisibleException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-ACT-2 Reading offline events: the campaigns an admin reports in, lists, one event
 * with its photos, and the Excel export. Every query is limited to the viewer's subtree;
 * anything outside it is "not found".
 */
@Service
public class OfflineEvents {

	private final JdbcClient jdbc;

	private final EventRecords records;

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final StoredFiles files;

	private final Texts texts;

	private final Clock clock;

	private final TransactionTemplate reading;

	OfflineEvents(JdbcClient jdbc, EventRecords records, Campaigns campaigns, Organisations organisations,
			StoredFiles files, Texts texts, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.records = records;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.files = files;
		this.texts = texts;
		this.clock = clock;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	/** The campaigns whose events the admin reads or reports, newest first. */
	public List<Campaign> campaignsFor(SignedInUser actor) {
		requireReader(actor);
		return campaigns.allVisible().stream().filter(campaign -> ActivityPolicy.concerns(actor, campaign)).toList();
	}

	/**
	 * The campaign named by code if it concerns the admin (else 404); without a code the
	 * home page's campaign when it concerns the admin, else the newest that does.
	 */
	public Campaign campaignFor(SignedInUser actor, String code) {
		List<Campaign> own = campaignsFor(actor);
		if (code != null && !code.isBlank()) {
			return own.stream()
				.filter(campaign -> campaign.code().equals(code))
				.findFirst()
				.orElseThrow(() -> new NotFoundException("campaign " + code));
		}
		Optional<Campaign> home = campaigns.homeCampaign(clock.instant());
		return home.filter(own::contains)
			.or(() -> own.stream().findFirst())
			.orElseThrow(() -> new NotFoundException("campaign for " + actor));
	}

	/** The campaign an event was reported in. */
	public Campaign campaignOf(OfflineEvent event) {
		return campaigns.findById(event.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + event.campaignId()));
	}

	/**
	 * Today in the campaign's time zone: the latest day an event can have been held on.
	 */
	public LocalDate today(Campaign campaign) {
		return LocalDate.now(clock.withZone(campaign.timeZone()));
	}

	/**
	 * The units an admin may filter by: its own union and the non-grassroots units of its
	 * subtree.
	 */
	public List<Organisation> filterUnits(SignedInUser actor, Campaign campaign) {
		requireReader(actor);
		String scope = narrower(actor.adminScope(), campaign.hostOrganisationPath());
		return organisations.subtree(scope)
			.stream()
			.filter(unit -> unit.kind() != OrganisationKind.GRASSROOTS || unit.id() == actor.organisationId())
			.toList();
	}

	/** A unit to filter by, if it is inside the admin's subtree; otherwise 404. */
	public Organisation filterUnit(SignedInUser actor, long organisationId) {
		requireReader(actor);
		return organisations.findById(organisationId)
			.filter(unit -> actor.administers(unit.path()))
			.orElseThrow(() -> new NotFoundException("organisation " + organisationId));
	}

	public EventPage page(SignedInUser actor, Campaign campaign, EventFilter filter) {
		Query query = query(actor, campaign, filter);
		long total = jdbc.sql("select count(*) " + query.from()).params(query.params()).query(Long.class).single();
		List<EventSummary> events = jdbc
			.sql("""
					select e.id, e.held_on, o.name as organisation_name, e.place, e.enterprise, e.participants, e.description,
					       (select count(*) from offline_event_photo p where p.event_id = e.id) as photos,
					       a.display_name as reporter_name
					"""
					+ query.from() + " order by e.held_on desc, e.id desc limit :limit offset :offset")
			.params(query.params())
			.param("limit", EventFilter.PAGE_SIZE)
			.param("offset", (filter.page() - 1L) * EventFilter.PAGE_SIZE)
			.query((rs, n) -> new EventSummary(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
					rs.getString("organisation_name"), rs.getString("place"), rs.getString("enterprise"),
					rs.getInt("participants"), rs.getString("description"), rs.getInt("photos"),
					rs.getString("reporter_name")))
			.list();
		return new EventPage(events, total, filter.page(), EventFilter.PAGE_SIZE);
	}

	/** One event if the viewer's subtree holds it; otherwise 404. */
	public OfflineEvent visible(SignedInUser actor, long id) {
		requireReader(actor);
		return NotVisibleException.visible(records.find(id), event -> actor.administers(event.organisationPath()),
				"offline_event", id);
	}

	/**
	 * One event the viewer may change (an admin of the reporting union); otherwise 404.
	 */
	public OfflineEvent changeable(SignedInUser actor, long id) {
		OfflineEvent event = visible(actor, id);
		if (!event.changeableBy(actor)) {
			throw new NotFoundException("offline event " + id);
		}
		return event;
	}

	/**
	 * A photo of a visible event, shown inline with the type found in its content when
	 * attached.
	 */
	public ResponseEntity<Resource> photo(SignedInUser actor, long eventId, long photoId) {
		OfflineEvent event = visible(actor, eventId);
		EventPhoto photo = event.photos()
			.stream()
			.filter(candidate -> candidate.id() == photoId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("photo " + photoId));
		return files.response(
				files.findCompleted(photo.fileId()).orElseThrow(() -> new NotFoundException("file " + photo.fileId())),
				MediaType.parseMediaType(photo.contentType()), true);
	}

	/**
	 * R-X-2 What an export of the filtered events is: its title, columns and the subtree
	 * it is drawn from (for the platform admin, the campaign's host: the audit event is
	 * then read where the campaign is run).
	 */
	public ExcelExports.Export exportOf(SignedInUser actor, Campaign campaign, EventFilter filter) {
		requireReader(actor);
		List<String> headers = List
			.of("organisation", "heldOn", "place", "enterprise", "participants", "description", "photos", "reporter",
					"reportedAt")
			.stream()
			.map(column -> texts.plain("activity.export.event." + column))
			.toList();
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("campaign", campaign.code());
		described.put("organisation", filter.organisationId());
		described.put("from", filter.from() == null ? null : filter.from().toString());
		described.put("to", filter.to() == null ? null : filter.to().toString());
		described.put("text", filter.text());
		described.values().removeIf(Objects::isNull);
		return new ExcelExports.Export(ExportedList.OFFLINE_EVENTS,
				texts.plain("activity.export.event.title", campaign.code()), texts.plain("activity.export.event.sheet"),
				headers, exportScope(actor, campaign), described);
	}

	/**
	 * Where an export of a campaign's activity is recorded: the platform admin's in the
	 * campaign's host.
	 */
	static String exportScope(SignedInUser actor, Campaign campaign) {
		return actor.isPlatformAdmin() ? campaign.hostOrganisationPath() : actor.adminScope();
	}

	/**
	 * R-X-2 Streams the filtered events (every page) from a database cursor into the
	 * sheet.
	 */
	public void export(SignedInUser actor, Campaign campaign, EventFilter filter, SpreadsheetDownload.Rows sheet) {
		Query query = query(actor, campaign, filter);
		reading.executeWithoutResult(status -> jdbc.sql("""
				select o.name as organisation_name, e.held_on, e.place, e.enterprise, e.participants, e.description,
				       (select count(*) from offline_event_photo p where p.event_id = e.id) as photos,
				       a.display_name as reporter_name, e.reported_at
				""" + query.from() + " order by e.held_on desc, e.id desc")
			.params(query.params())
			.withFetchSize(1000)
			.query((RowCallbackHandler) rs -> sheet.row(rs.getString("organisation_name"),
					rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getString("enterprise"),
					rs.getInt("participants"), rs.getString("description"), rs.getInt("photos"),
					rs.getString("reporter_name"), rs.getObject("reported_at", OffsetDateTime.class).toInstant())));
	}

	private Query query(SignedInUser actor, Campaign campaign, EventFilter filter) {
		requireReader(actor);
		StringBuilder from = new StringBuilder(
				"""
						from offline_event e join organisation_unit o on o.id = e.organisation_id join account_name a on a.id = e.reported_by
						where e.campaign_id in (:campaigns) and\s"""
						+ Subtree.sql("e.organisation_path", "scope") + "\n");
		Map<String, Object> params = new HashMap<>();
		params.put("campaigns", campaigns.rollUpIds(campaign));
		params.put("scope", Subtree.administeredBy(actor).pattern());
		if (filter.organisationId() != null) {
			from.append(" and ").append(Subtree.sql("e.organisation_path", "unit"));
			params.put("unit", new Subtree(filterUnit(actor, filter.organisationId()).path()).pattern());
		}
		if (filter.from() != null) {
			from.append(" and e.held_on >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			from.append(" and e.held_on <= :to");
			params.put("to", filter.to());
		}
		if (filter.text() != null) {
			from.append("""
					 and (e.place ilike :text escape '\\' or e.enterprise ilike :text escape '\\'
					      or e.description ilike :text escape '\\' or o.name ilike :text escape '\\')
					""");
			params.put("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return new Query(from.toString(), params);
	}

	private static void requireReader(SignedInUser actor) {
		if (!ActivityPolicy.reads(actor)) {
			throw new NotFoundException("offline events for " + actor);
		}
	}

	/** The longer (deeper) of two nested path prefixes. */
	static String narrower(String scope, String hostPath) {
		return hostPath.startsWith(scope) ? hostPath : scope;
	}

	/**
	 * The FROM and WHERE of a filtered event query, shared by the page, its count and the
	 * export.
	 */
	private record Query(String from, Map<String, Object> params) {
	}

}
