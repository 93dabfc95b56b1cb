package cn.zhengji.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.zhengji.infrastructure.text.ReadableText;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 通知公告: admins publish, edit and withdraw their own organisation's announcements (the
 * platform admin any); everyone reads the published ones. An announcement of another
 * organisation is not found (404) for an organisation admin. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class Announcements {

	public static final int PAGE_SIZE = 10;

	public static final int HOME_COUNT = 5;

	private static final String SELECT = """
			select a.id, a.organisation_id, o.name as organisation_name, o.path as organisation_path, a.campaign_id,
			       c.title as campaign_title, a.title, a.body, a.state, a.published_at, a.updated_at, a.version
			from announcement a
			join organisation_unit o on o.id = a.organisation_id
			left join campaign_title c on c.id = a.campaign_id
			""";

	private static final RowMapper<Announcement> ANNOUNCEMENT = (rs, n) -> new Announcement(rs.getLong("id"),
			rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("organisation_path"),
			rs.getObject("campaign_id", Long.class), rs.getString("campaign_title"), rs.getString("title"),
			rs.getString("body"), Announcement.State.valueOf(rs.getString("state")),
			rs.getObject("published_at", OffsetDateTime.class).toInstant(),
			rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final Campaigns campaigns;

	private final AuditLog audit;

	private final Clock clock;

	private final Texts texts;

	Announcements(JdbcClient jdbc, Organisations organisations, Campaigns campaigns, AuditLog audit, Clock clock,
			Texts texts) {
		this.texts = texts;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.campaigns = campaigns;
		this.audit = audit;
		this.clock = clock;
	}

	/** A page of a list, newest first. */
	public record AnnouncementPage(List<Announcement> announcements, int page, boolean hasNext) {

		public boolean hasPrevious() {
			return page > 0;
		}
	}

	// --- Public reading ---

	/** The newest published announcements, for the home page. */
	public List<Announcement> latestPublished() {
		return jdbc.sql(SELECT + " where a.state = 'PUBLISHED' order by a.published_at desc, a.id desc limit ?")
			.param(HOME_COUNT)
			.query(ANNOUNCEMENT)
			.list();
	}

	public AnnouncementPage published(int page) {
		int number = Math.max(0, page);
		List<Announcement> rows = jdbc
			.sql(SELECT + " where a.state = 'PUBLISHED' order by a.published_at desc, a.id desc limit ? offset ?")
			.params(PAGE_SIZE + 1, (long) number * PAGE_SIZE)
			.query(ANNOUNCEMENT)
			.list();
		return page(rows, number);
	}

	/**
	 * @throws NotFoundException if there is none or it was withdrawn
	 */
	public Announcement getPublished(long id) {
		return jdbc.sql(SELECT + " where a.id = ? and a.state = 'PUBLISHED'")
			.param(id)
			.query(ANNOUNCEMENT)
			.optional()
			.orElseThrow(() -> new NotFoundException("announcement " + id));
	}

	// --- Administration ---

	/**
	 * The announcements the admin manages: its organisation's (the platform admin: all),
	 * newest first.
	 */
	public AnnouncementPage managedBy(SignedInUser admin, int page) {
		int number = Math.max(0, page);
		List<Announcement> rows = jdbc.sql(SELECT + """
				where (:all or a.organisation_id = :organisation)
				order by a.state = 'WITHDRAWN', a.published_at desc, a.id desc limit :limit offset :offset
				""")
			.param("all", admin.isPlatformAdmin())
			.param("organisation", admin.organisationId())
			.param("limit", PAGE_SIZE + 1)
			.param("offset", (long) number * PAGE_SIZE)
			.query(ANNOUNCEMENT)
			.list();
		return page(rows, number);
	}

	/**
	 * @throws NotFoundException if it does not exist or the admin does not manage it
	 */
	public Announcement getManaged(SignedInUser admin, long id) {
		return jdbc.sql(SELECT + " where a.id = :id and (:all or a.organisation_id = :organisation)")
			.param("id", id)
			.param("all", admin.isPlatformAdmin())
			.param("organisation", admin.organisationId())
			.query(ANNOUNCEMENT)
			.optional()
			.orElseThrow(() -> new NotFoundException("announcement " + id));
	}

	/**
	 * Publishes an announcement of the admin's organisation at once. Writes the
	 * announcement and an audit event (CREATED).
	 * @return its id
	 * @throws NotificationChangeRejected for a missing or too long title or body, or an
	 * unknown campaign
	 */
	@Transactional
	public long publish(SignedInUser admin, AnnouncementDraft draft) {
		requireAdmin(admin);
		AnnouncementDraft clean = check(admin, draft, null);
		Organisation organisation = organisations.findById(admin.organisationId())
			.orElseThrow(() -> new NotFoundException("organisation " + admin.organisationId()));
		OffsetDateTime now = now();
		long id = jdbc.sql("""
				insert into announcement (organisation_id, campaign_id, title, body, state, published_by, published_at,
				    updated_at)
				values (?, ?, ?, ?, 'PUBLISHED', ?, ?, ?) returning id
				""")
			.params(organisation.id(), clean.campaignId(), clean.title(), clean.body(), admin.accountId(), now, now)
			.query(Long.class)
			.single();
		audit.recordChange(AuditAction.CREATED, "announcement", id, organisation.path(),
				texts.text("announcement.audit.published", clean.title()), null,
				state(clean, Announcement.State.PUBLISHED));
		return id;
	}

	/**
	 * Changes the text of an announcement the admin manages; a withdrawn one stays
	 * withdrawn. Writes the announcement and an audit event (UPDATED with before and
	 * after).
	 * @throws NotificationChangeRejected for bad input, or if someone else changed it
	 * meanwhile
	 */
	@Transactional
	public void update(SignedInUser admin, long id, int version, AnnouncementDraft draft) {
		Announcement before = getManaged(admin, id);
		AnnouncementDraft clean = check(admin, draft, before.campaignId());
		int changed = jdbc.sql("""
				update announcement set title = ?, body = ?, campaign_id = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?
				""").params(clean.title(), clean.body(), clean.campaignId(), now(), id, version).update();
		if (changed == 0) {
			throw new NotificationChangeRejected(null, "announcement.stale");
		}
		audit.recordChange(AuditAction.UPDATED, "announcement", id, before.organisationPath(),
				texts.text("announcement.audit.updated", clean.title()), state(before), state(clean, before.state()));
	}

	/**
	 * Takes a published announcement off the public pages; it stays in the admin's list.
	 * Writes the state and an audit event (UPDATED).
	 */
	@Transactional
	public void withdraw(SignedInUser admin, long id, int version) {
		Announcement before = getManaged(admin, id);
		if (!before.isPublished()) {
			throw new NotificationChangeRejected(null, "announcement.alreadyWithdrawn");
		}
		int changed = jdbc.sql("""
				update announcement set state = 'WITHDRAWN', withdrawn_at = ?, updated_at = ?, version = version + 1
				where id = ? and version = ? and state = 'PUBLISHED'
				""").params(now(), now(), id, version).update();
		if (changed == 0) {
			throw new NotificationChangeRejected(null, "announcement.stale");
		}
		audit.recordChange(AuditAction.UPDATED, "announcement", id, before.organisationPath(),
				texts.text("announcement.audit.withdrawn", before.title()), state(before),
				Map.of("state", "WITHDRAWN"));
	}

	/**
	 * The campaigns an admin may link an announcement to: those its union takes part in
	 * and that are not over (the platform admin: every campaign not over), plus the one
	 * the announcement already names.
	 */
	public List<Campaign> linkableCampaigns(SignedInUser admin, Long current) {
		return campaigns.allVisible()
			.stream()
			.filter(campaign -> Objects.equals(campaign.id(), current) || mayLink(admin, campaign))
			.toList();
	}

	/**
	 * Issue 11 item 8: an announcement names only a campaign the admin's union takes part
	 * in ({@code Campaigns.takesPart}; the platform admin: any), and only while the
	 * campaign has not ended. An announcement that keeps its campaign keeps it.
	 */
	private boolean mayLink(SignedInUser admin, Campaign campaign) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), campaign.timeZone());
		boolean over = campaign.lastDay().map(today::isAfter).orElse(false);
		return !over && (admin.isPlatformAdmin() || campaigns.takesPart(campaign, admin.organisationPath()));
	}

	private AnnouncementDraft check(SignedInUser admin, AnnouncementDraft draft, Long currentCampaignId) {
		AnnouncementDraft clean = check(draft);
		if (clean.campaignId() != null && !clean.campaignId().equals(currentCampaignId)) {
			Campaign campaign = campaigns.findById(clean.campaignId()).orElseThrow();
			LocalDate today = LocalDate.ofInstant(clock.instant(), campaign.timeZone());
			if (campaign.lastDay().filter(today::isAfter).isPresent()) {
				throw new NotificationChangeRejected("campaignId", "announcement.campaign.over", campaign.title(),
						campaign.lastDay().orElseThrow().toString());
			}
			if (!mayLink(admin, campaign)) {
				throw new NotificationChangeRejected("campaignId", "announcement.campaign.notTakingPart",
						campaign.title());
			}
		}
		return clean;
	}

	private AnnouncementDraft check(AnnouncementDraft draft) {
		String title = draft.title() == null ? "" : draft.title().strip();
		// Line breaks are kept as typed (normalised to \n); only the ends are trimmed.
		String body = draft.body() == null ? "" : draft.body().replace("\r\n", "\n").replace('\r', '\n').strip();
		if (title.isEmpty()) {
			throw new NotificationChangeRejected("title", "announcement.title.required");
		}
		if (title.length() > Announcement.MAX_TITLE) {
			throw new NotificationChangeRejected("title", "announcement.title.tooLong", Announcement.MAX_TITLE);
		}
		ReadableText.problem(title).ifPresent(problem -> {
			throw new NotificationChangeRejected("title", problem.messageKey());
		});
		if (body.isEmpty()) {
			throw new NotificationChangeRejected("body", "announcement.body.required");
		}
		if (body.length() > Announcement.MAX_BODY) {
			throw new NotificationChangeRejected("body", "announcement.body.tooLong", Announcement.MAX_BODY);
		}
		if (draft.campaignId() != null && campaigns.findById(draft.campaignId()).isEmpty()) {
			throw new NotificationChangeRejected("campaignId", "announcement.campaign.unknown");
		}
		return new AnnouncementDraft(title, body, draft.campaignId());
	}

	private static void requireAdmin(SignedInUser admin) {
		if (!admin.isAdmin()) {
			throw new NotFoundException("announcements of " + admin.accountId());
		}
	}

	private static Map<String, Object> state(Announcement announcement) {
		return state(new AnnouncementDraft(announcement.title(), announcement.body(), announcement.campaignId()),
				announcement.state());
	}

	private static Map<String, Object> state(AnnouncementDraft draft, Announcement.State state) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("title", draft.title());
		values.put("body", draft.body());
		values.put("campaignId", draft.campaignId());
		values.put("state", state.name());
		return values;
	}

	private static AnnouncementPage page(List<Announcement> rows, int number) {
		boolean hasNext = rows.size() > PAGE_SIZE;
		return new AnnouncementPage(hasNext ? rows.subList(0, PAGE_SIZE) : rows, number, hasNext);
	}

	private OffsetDateTime now() {
		return Instant.now(clock).atOffset(ZoneOffset.UTC);
	}

}
