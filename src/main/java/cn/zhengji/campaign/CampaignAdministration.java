package cn.zhengji.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.text.ReadableText;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.Quota;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes admins make to campaigns: the platform admin to every campaign, a provincial
 * union's admins to the campaigns their union hosts (the province runs its own campaigns;
 * a city's admins run none). Every change: is refused (as "not found") for anyone else;
 * is refused when it would invalidate works already handed in ({@link CampaignEntries}),
 * naming them; is validated first (a {@link CampaignChangeRejected} changes nothing);
 * checks the version the admin's form was based on (a stale form raises
 * {@link OptimisticLockingFailureException}); marks the element {@code changed_by_admin}
 * so that a newer definition file never overwrites it; bumps the version; and writes an
 * audit event with the state before and after, under the host organisation's path.
 */
@Service
@Transactional
public class CampaignAdministration {

	private static final String CODE_FORMAT = "^[a-z0-9][a-z0-9-]{1,62}$";

	private static final int MAX_TITLE = 200;

	private final Campaigns campaigns;

	private final CampaignCopier copier;

	private final CampaignJson json;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Texts texts;

	private final Organisations organisations;

	private final CampaignEntries entries;

	CampaignAdministration(Campaigns campaigns, CampaignCopier copier, CampaignJson json, JdbcClient jdbc,
			AuditLog auditLog, Clock clock, Texts texts, Organisations organisations, CampaignEntries entries) {
		this.texts = texts;
		this.organisations = organisations;
		this.entries = entries;
		this.campaigns = campaigns;
		this.copier = copier;
		this.json = json;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Whether this user administers campaigns at all (the policy of this module): the
	 * platform admin, and the admins of a provincial union or of the all-China union (the
	 * host of the national campaign, issue 14 item 3).
	 */
	@Transactional(readOnly = true)
	public boolean mayAdminister(SignedInUser actor) {
		if (actor == null) {
			return false;
		}
		return actor.isPlatformAdmin() || (actor.role() == Role.ORG_ADMIN && organisations
			.findById(actor.organisationId())
			.map(unit -> unit.kind() == OrganisationKind.PROVINCIAL || unit.kind() == OrganisationKind.ALL_CHINA)
			.orElse(false));
	}

	/**
	 * Whether this user administers this campaign: the platform admin every one, a
	 * provincial union's admins those their union hosts.
	 */
	@Transactional(readOnly = true)
	public boolean administers(SignedInUser actor, Campaign campaign) {
		return mayAdminister(actor)
				&& (actor.isPlatformAdmin() || campaign.hostOrganisationId() == actor.organisationId());
	}

	/** The campaigns this admin administers; 404 for anyone else. */
	@Transactional(readOnly = true)
	public List<Campaign> campaignsOf(SignedInUser actor) {
		requireAdmin(actor);
		return campaigns.allVisible()
			.stream()
			.filter(campaign -> actor.isPlatformAdmin() || campaign.hostOrganisationId() == actor.organisationId())
			.toList();
	}

	/** The campaign an admin works on; 404 for anyone else. */
	@Transactional(readOnly = true)
	public Campaign campaignFor(SignedInUser actor, String code) {
		Campaign campaign = campaigns.getByCode(code);
		if (!administers(actor, campaign)) {
			throw new NotFoundException("campaign administration of " + code);
		}
		return campaign;
	}

	/**
	 * The organisations this admin may make a campaign's host: any for the platform
	 * admin; its own union for a province (the province's campaigns stay its own).
	 */
	@Transactional(readOnly = true)
	public List<Organisation> possibleHosts(SignedInUser actor, Campaign campaign) {
		requireAdmin(actor);
		if (actor.isPlatformAdmin()) {
			return organisations.subtree(organisations.root().path())
				.stream()
				.filter(unit -> unit.kind() == OrganisationKind.ALL_CHINA || unit.kind() == OrganisationKind.PROVINCIAL
						|| unit.id() == campaign.hostOrganisationId())
				.toList();
		}
		return organisations.findById(actor.organisationId()).stream().toList();
	}

	/**
	 * Changes what a campaign says about itself: title, short title, 文号, host and
	 * organisers, summary and platform note. A new host is refused while works are handed
	 * in (their approval chain ends at the host).
	 */
	public Campaign changeSettings(SignedInUser actor, String campaignCode, CampaignSettings settings,
			int expectedVersion) {
		Campaign before = campaignFor(actor, campaignCode);
		String title = trimmed(settings.title());
		if (title == null) {
			throw new CampaignChangeRejected("title", "campaign.copy.titleRequired");
		}
		if (title.codePointCount(0, title.length()) > MAX_TITLE) {
			throw new CampaignChangeRejected("title", "campaign.settings.tooLong", MAX_TITLE);
		}
		readableTitle(title);
		String organisers = trimmed(settings.organisers());
		if (organisers == null) {
			throw new CampaignChangeRejected("organisers", "campaign.settings.organisersRequired");
		}
		Organisation host = settings.hostCode() == null ? null
				: possibleHosts(actor, before).stream()
					.filter(unit -> settings.hostCode().equals(unit.code()))
					.findFirst()
					.orElse(null);
		if (host == null) {
			throw new CampaignChangeRejected("hostCode", "campaign.settings.hostUnknown");
		}
		if (host.id() != before.hostOrganisationId()) {
			long handedIn = entries.inCampaign(before.id()).handedIn();
			if (handedIn > 0) {
				throw new CampaignChangeRejected("hostCode", "campaign.settings.hostHasEntries", handedIn,
						before.hostOrganisationName());
			}
		}
		int updated = jdbc.sql("""
				update campaign set title = :title, short_title = :shortTitle, document_number = :documentNumber,
				    host_organisation_id = :host, organisers = :organisers, summary = :summary,
				    platform_note = :platformNote, changed_by_admin = true, updated_at = :at, version = version + 1
				where id = :id and version = :version
				""")
			.param("title", title)
			.param("shortTitle", trimmed(settings.shortTitle()))
			.param("documentNumber", trimmed(settings.documentNumber()))
			.param("host", host.id())
			.param("organisers", organisers)
			.param("summary", trimmed(settings.summary()))
			.param("platformNote", trimmed(settings.platformNote()))
			.param("at", now())
			.param("id", before.id())
			.param("version", expectedVersion)
			.update();
		requireUpdated(updated, "campaign");
		Campaign after = campaigns.findById(before.id()).orElseThrow();
		auditLog.recordChange(AuditAction.UPDATED, "campaign", before.id(), before.hostOrganisationPath(),
				texts.plain("campaign.audit.settings", before.code()), CampaignSettings.of(before),
				CampaignSettings.of(after));
		return after;
	}

	/**
	 * Changes a declaration's words: a new text version, so that every acceptance already
	 * recorded keeps the exact words accepted. Unchanged words change nothing.
	 */
	public Declaration changeDeclaration(SignedInUser actor, String campaignCode, String declarationCode, String title,
			String body, int expectedTextVersion) {
		Campaign campaign = campaignFor(actor, campaignCode);
		Declaration before = campaigns.declarations(campaign)
			.stream()
			.filter(declaration -> declaration.code().equals(declarationCode))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("declaration " + declarationCode));
		if (before.textVersion() != expectedTextVersion) {
			throw new OptimisticLockingFailureException("declaration " + declarationCode + " was changed");
		}
		String newTitle = trimmed(title);
		String newBody = trimmed(body);
		if (newTitle == null) {
			throw new CampaignChangeRejected("title", "campaign.declaration.titleRequired");
		}
		if (newBody == null) {
			throw new CampaignChangeRejected("body", "campaign.declaration.bodyRequired");
		}
		if (newTitle.equals(before.title()) && newBody.equals(before.body())) {
			return before;
		}
		jdbc.sql("""
				insert into campaign_declaration (campaign_id, code, text_version, title, body, sort_order, created_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(campaign.id(), before.code(), before.textVersion() + 1, newTitle, newBody, before.sortOrder(),
					now())
			.update();
		Declaration after = campaigns.declarations(campaign)
			.stream()
			.filter(declaration -> declaration.code().equals(declarationCode))
			.findFirst()
			.orElseThrow();
		auditLog.recordChange(AuditAction.UPDATED, "campaign_declaration", after.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.declaration", campaign.code(), before.title(), after.textVersion()), before,
				after);
		return after;
	}

	/** Adds a phase of a kind the campaign does not have yet. */
	public Phase addPhase(SignedInUser actor, String campaignCode, PhaseKind kind, String name, String description,
			LocalDate startsOn, LocalDate endsOn) {
		Campaign campaign = campaignFor(actor, campaignCode);
		if (kind == null) {
			throw new CampaignChangeRejected("kind", "campaign.phase.kindRequired");
		}
		if (campaign.phase(kind).isPresent()) {
			throw new CampaignChangeRejected("kind", "campaign.phase.kindTaken");
		}
		String phaseName = trimmed(name);
		if (phaseName == null) {
			throw new CampaignChangeRejected("name", "campaign.phase.nameRequired");
		}
		requireDates(startsOn, endsOn);
		jdbc.sql("""
				insert into campaign_phase (campaign_id, kind, name, description, starts_on, ends_on, sort_order,
				    changed_by_admin)
				values (?, ?, ?, ?, ?, ?, ?, true)
				""")
			.params(campaign.id(), kind.name(), phaseName, trimmed(description), startsOn, endsOn,
					campaign.phases().size())
			.update();
		renumberPhases(campaign.id());
		Phase after = campaigns.getByCode(campaignCode).phase(kind).orElseThrow();
		auditLog.recordChange(AuditAction.CREATED, "campaign_phase", after.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.phaseAdded", campaign.code(), phaseName), null, after);
		return after;
	}

	/**
	 * Removes a phase. The submission phase is kept while works are handed in: its dates
	 * are their deadline.
	 */
	public void removePhase(SignedInUser actor, String campaignCode, PhaseKind kind, int expectedVersion) {
		Campaign campaign = campaignFor(actor, campaignCode);
		Phase before = campaign.phase(kind).orElseThrow(() -> new NotFoundException("phase " + kind));
		if (kind == PhaseKind.SUBMISSION) {
			long handedIn = entries.inCampaign(campaign.id()).handedIn();
			if (handedIn > 0) {
				throw new CampaignChangeRejected(null, "campaign.phase.submissionHasEntries", before.name(), handedIn);
			}
		}
		int deleted = jdbc.sql("delete from campaign_phase where id = ? and version = ?")
			.params(before.id(), expectedVersion)
			.update();
		requireUpdated(deleted, "campaign_phase");
		auditLog.recordChange(AuditAction.DELETED, "campaign_phase", before.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.phaseRemoved", campaign.code(), before.name()), before, null);
	}

	private void renumberPhases(long campaignId) {
		jdbc.sql("""
				update campaign_phase p set sort_order = o.n
				from (select id, row_number() over (order by starts_on, sort_order, id) - 1 as n
				      from campaign_phase where campaign_id = ?) o
				where p.id = o.id and p.sort_order <> o.n
				""").param(campaignId).update();
	}

	/**
	 * Adds a category (征集项目) with the rules and description of an existing one, to be
	 * renamed and adjusted.
	 */
	public Category addCategory(SignedInUser actor, String campaignCode, String code, String name, String shortName,
			String basedOn) {
		Campaign campaign = campaignFor(actor, campaignCode);
		if (code == null || !code.matches(CODE_FORMAT)) {
			throw new CampaignChangeRejected("code", "campaign.category.codeFormat");
		}
		String categoryName = trimmed(name);
		if (categoryName == null) {
			throw new CampaignChangeRejected("name", "campaign.category.nameRequired");
		}
		Category template = campaigns.category(campaign, basedOn == null ? "" : basedOn)
			.orElseThrow(() -> new CampaignChangeRejected("basedOn", "campaign.category.basedOnRequired"));
		if (campaigns.category(campaign, code).isPresent()) {
			throw new CampaignChangeRejected("code", "campaign.category.codeTaken");
		}
		int sortOrder = campaigns.categories(campaign).stream().mapToInt(Category::sortOrder).max().orElse(0) + 1;
		jdbc.sql("""
				insert into campaign_category (campaign_id, code, name, short_name, host_units, description, rules,
				    sort_order, changed_by_admin)
				select campaign_id, ?, ?, ?, host_units, description, rules, ?, true from campaign_category where id = ?
				""").params(code, categoryName, trimmed(shortName), sortOrder, template.id()).update();
		Category after = campaigns.category(campaign, code).orElseThrow();
		auditLog.recordChange(AuditAction.CREATED, "campaign_category", after.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.categoryAdded", campaign.code(), categoryName, template.name()), null,
				after);
		return after;
	}

	/** Renames a category and changes its description. */
	public Category renameCategory(SignedInUser actor, String campaignCode, String categoryCode, String name,
			String shortName, String description, int expectedVersion) {
		Campaign campaign = campaignFor(actor, campaignCode);
		Category before = campaigns.category(campaign, categoryCode)
			.orElseThrow(() -> new NotFoundException("category " + categoryCode));
		String categoryName = trimmed(name);
		if (categoryName == null) {
			throw new CampaignChangeRejected("name", "campaign.category.nameRequired");
		}
		int updated = jdbc.sql("""
				update campaign_category set name = ?, short_name = ?, description = ?, changed_by_admin = true,
				    version = version + 1
				where id = ? and version = ?
				""")
			.params(categoryName, trimmed(shortName), trimmed(description), before.id(), expectedVersion)
			.update();
		requireUpdated(updated, "campaign_category");
		Category after = campaigns.category(campaign, categoryCode).orElseThrow();
		auditLog.recordChange(AuditAction.UPDATED, "campaign_category", before.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.categoryRenamed", campaign.code(), before.name(), after.name()), before,
				after);
		return after;
	}

	/**
	 * Removes a category without works. One with works is kept, and the refusal says how
	 * many: handed in ("类别『微视频』已有 3 件已提交作品，不能删除"), or drafts and withdrawn ones whose
	 * owners would lose them.
	 */
	public void removeCategory(SignedInUser actor, String campaignCode, String categoryCode, int expectedVersion) {
		Campaign campaign = campaignFor(actor, campaignCode);
		Category before = campaigns.category(campaign, categoryCode)
			.orElseThrow(() -> new NotFoundException("category " + categoryCode));
		CampaignEntries.Count count = entries.inCategory(before.id());
		if (count.handedIn() > 0) {
			throw new CampaignChangeRejected(null, "campaign.category.hasEntries", categoryLabel(before),
					count.handedIn());
		}
		if (count.total() > 0) {
			throw new CampaignChangeRejected(null, "campaign.category.hasDrafts", categoryLabel(before), count.total());
		}
		int deleted = jdbc.sql("delete from campaign_category where id = ? and version = ?")
			.params(before.id(), expectedVersion)
			.update();
		requireUpdated(deleted, "campaign_category");
		auditLog.recordChange(AuditAction.DELETED, "campaign_category", before.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.categoryRemoved", campaign.code(), before.name()), before, null);
	}

	private static String categoryLabel(Category category) {
		return category.shortName() == null ? category.name() : category.shortName();
	}

	private static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static void requireDates(LocalDate startsOn, LocalDate endsOn) {
		if (startsOn == null) {
			throw new CampaignChangeRejected("startsOn", "campaign.phase.startsOn.required");
		}
		if (endsOn != null && endsOn.isBefore(startsOn)) {
			throw new CampaignChangeRejected("endsOn", "campaign.phase.endsBeforeStart");
		}
	}

	/** Moves a phase. {@code endsOn} null = the phase does not end. */
	public Phase changePhaseDates(SignedInUser actor, String campaignCode, PhaseKind kind, LocalDate startsOn,
			LocalDate endsOn, int expectedVersion) {
		Campaign campaign = campaignFor(actor, campaignCode);
		Phase before = campaign.phase(kind).orElseThrow(() -> new NotFoundException("phase " + kind));
		requireDates(startsOn, endsOn);
		if (kind == PhaseKind.SUBMISSION) {
			requireHandedInWithin(campaign, startsOn, endsOn);
		}
		int updated = jdbc.sql("""
				update campaign_phase set starts_on = ?, ends_on = ?, changed_by_admin = true, version = version + 1
				where id = ? and version = ?
				""").params(startsOn, endsOn, before.id(), expectedVersion).update();
		requireUpdated(updated, "campaign_phase");
		renumberPhases(campaign.id());
		Phase after = campaigns.getByCode(campaignCode).phase(kind).orElseThrow();
		auditLog.recordChange(AuditAction.UPDATED, "campaign_phase", before.id(), campaign.hostOrganisationPath(),
				texts.text("campaign.audit.phaseDates", campaign.code(), before.name(),
						CampaignDefinitionLoader.dates(texts, before.startsOn(), before.endsOn()),
						CampaignDefinitionLoader.dates(texts, startsOn, endsOn)),
				before, after);
		return after;
	}

	/**
	 * Changes the main rule values of a category; rules the category does not have are
	 * left alone.
	 */
	public Category changeCategoryRules(SignedInUser actor, String campaignCode, String categoryCode,
			CategoryRuleValues values, int expectedVersion) {
		Campaign campaign = campaignFor(actor, campaignCode);
		Category before = campaigns.category(campaign, categoryCode)
			.orElseThrow(() -> new NotFoundException("category " + categoryCode));
		CategoryRules rules = applyValues(before.rules(), values);
		String stricter = stricterField(CategoryRuleValues.of(before.rules()), CategoryRuleValues.of(rules));
		if (stricter != null) {
			long handedIn = entries.inCategory(before.id()).handedIn();
			if (handedIn > 0) {
				throw new CampaignChangeRejected(stricter, "campaign.rules.stricterWithEntries", categoryLabel(before),
						handedIn);
			}
		}
		int updated = jdbc.sql("""
				update campaign_category set rules = cast(? as jsonb), changed_by_admin = true, version = version + 1
				where id = ? and version = ?
				""").params(json.write(rules), before.id(), expectedVersion).update();
		requireUpdated(updated, "campaign_category");
		Category after = campaigns.category(campaign, categoryCode).orElseThrow();
		auditLog.recordChange(AuditAction.UPDATED, "campaign_category", before.id(), campaign.hostOrganisationPath(),
				texts.text("campaign.audit.rules", campaign.code(), before.name()), before, after);
		return after;
	}

	private static CategoryRules applyValues(CategoryRules rules, CategoryRuleValues values) {
		CategoryRules result = rules;
		var mediaSlot = rules.primaryMediaSlot();
		if (mediaSlot.isPresent()) {
			Integer min = values.minDurationSeconds();
			Integer max = values.maxDurationSeconds();
			if (min != null && min < 1) {
				throw new CampaignChangeRejected("minDurationSeconds", "campaign.rules.positive");
			}
			if (max != null && max < 1) {
				throw new CampaignChangeRejected("maxDurationSeconds", "campaign.rules.positive");
			}
			if (min != null && max != null && min > max) {
				throw new CampaignChangeRejected("maxDurationSeconds", "campaign.rules.durationOrder");
			}
			if (values.maxFileSizeMb() != null && values.maxFileSizeMb() < 1) {
				throw new CampaignChangeRejected("maxFileSizeMb", "campaign.rules.positive");
			}
			AttachmentSlot slot = mediaSlot.get();
			result = result.withAttachments(replace(result.attachments(), slot,
					slot.with(slot.minCount(), values.maxFileSizeMb(), slot.media().withDurations(min, max))));
		}
		var textField = rules.limitedTextField();
		if (textField.isPresent()) {
			if (values.maxCharacters() == null || values.maxCharacters() < 1) {
				throw new CampaignChangeRejected("maxCharacters", "campaign.rules.positive");
			}
			result = result.withTextFields(replace(result.textFields(), textField.get(),
					textField.get().withMaxCharacters(values.maxCharacters())));
		}
		var imageSlot = result.imageSlot();
		if (imageSlot.isPresent()) {
			Integer minImages = values.minImages();
			if (minImages == null || minImages < 0) {
				throw new CampaignChangeRejected("minImages", "campaign.rules.notNegative");
			}
			AttachmentSlot slot = imageSlot.get();
			if (slot.maxCount() != null && minImages > slot.maxCount()) {
				throw new CampaignChangeRejected("minImages", "campaign.rules.minImagesAboveMax", slot.maxCount());
			}
			result = result.withAttachments(
					replace(result.attachments(), slot, slot.with(minImages, slot.maxFileSizeMb(), slot.media())));
		}
		if (!rules.quotas().isEmpty()) {
			Quota quota = rules.quotas().getFirst();
			Integer max = values.quotaMax();
			if (max != null && max < 1) {
				throw new CampaignChangeRejected("quotaMax", "campaign.rules.positive");
			}
			if (max != null && quota.min() != null && max < quota.min()) {
				throw new CampaignChangeRejected("quotaMax", "campaign.rules.quotaBelowMin", quota.min());
			}
			result = result.withQuotas(replace(result.quotas(), quota, quota.withMax(max)));
		}
		return result;
	}

	/**
	 * The first rule value a change makes stricter (a work that passed may no longer
	 * pass), or null. A quota is not a rule of the works: places already taken stay.
	 */
	static String stricterField(CategoryRuleValues before, CategoryRuleValues after) {
		if (greater(after.minDurationSeconds(), before.minDurationSeconds())) {
			return "minDurationSeconds";
		}
		if (smaller(after.maxDurationSeconds(), before.maxDurationSeconds())) {
			return "maxDurationSeconds";
		}
		if (smaller(after.maxFileSizeMb(), before.maxFileSizeMb())) {
			return "maxFileSizeMb";
		}
		if (smaller(after.maxCharacters(), before.maxCharacters())) {
			return "maxCharacters";
		}
		if (greater(after.minImages(), before.minImages())) {
			return "minImages";
		}
		return null;
	}

	/** A new minimum above the old one (no minimum before: any minimum is stricter). */
	private static boolean greater(Integer after, Integer before) {
		return after != null && (before == null || after > before);
	}

	/** A new maximum below the old one (no limit before: any limit is stricter). */
	private static boolean smaller(Integer after, Integer before) {
		return after != null && (before == null || after < before);
	}

	/**
	 * The submission phase must still hold every work handed in: it may not start after
	 * the first was submitted nor end before the last, in the campaign's time zone.
	 */
	private void requireHandedInWithin(Campaign campaign, LocalDate startsOn, LocalDate endsOn) {
		entries.handedInBetween(campaign.id()).ifPresent(span -> {
			LocalDate first = LocalDate.ofInstant(span.first(), campaign.timeZone());
			LocalDate last = LocalDate.ofInstant(span.last(), campaign.timeZone());
			long handedIn = entries.inCampaign(campaign.id()).handedIn();
			if (startsOn.isAfter(first)) {
				throw new CampaignChangeRejected("startsOn", "campaign.phase.startsAfterEntries", handedIn,
						first.toString());
			}
			if (endsOn != null && endsOn.isBefore(last)) {
				throw new CampaignChangeRejected("endsOn", "campaign.phase.endsBeforeEntries", handedIn,
						last.toString());
			}
		});
	}

	private static <T> List<T> replace(List<T> list, T old, T replacement) {
		List<T> copy = new ArrayList<>(list);
		copy.set(copy.indexOf(old), replacement);
		return copy;
	}

	/**
	 * Sets the number of offline events per unit. Units not in the map keep their number.
	 * @param expectedCampaignVersion the campaign version the form showed; allocations
	 * are one table
	 */
	public List<Allocation> changeAllocations(SignedInUser actor, String campaignCode,
			Map<String, Integer> eventsByUnitCode, int expectedCampaignVersion) {
		Campaign campaign = campaignFor(actor, campaignCode);
		List<Allocation> before = campaigns.allocations(campaign);
		Map<String, Allocation> byCode = new LinkedHashMap<>();
		before.forEach(allocation -> byCode.put(allocation.organisationCode(), allocation));
		for (Map.Entry<String, Integer> entry : eventsByUnitCode.entrySet()) {
			if (!byCode.containsKey(entry.getKey())) {
				throw new NotFoundException("allocation " + entry.getKey());
			}
			if (entry.getValue() == null || entry.getValue() < 0) {
				throw new CampaignChangeRejected(entry.getKey(), "campaign.allocation.notNegative",
						byCode.get(entry.getKey()).organisationName());
			}
		}
		int updated = jdbc.sql("update campaign set version = version + 1, updated_at = ? where id = ? and version = ?")
			.params(now(), campaign.id(), expectedCampaignVersion)
			.update();
		requireUpdated(updated, "campaign");
		for (Map.Entry<String, Integer> entry : eventsByUnitCode.entrySet()) {
			Allocation allocation = byCode.get(entry.getKey());
			if (allocation.events() != entry.getValue()) {
				jdbc.sql("""
						update event_allocation set events = ?, changed_by_admin = true
						where campaign_id = ? and organisation_id = ?
						""").params(entry.getValue(), campaign.id(), allocation.organisationId()).update();
			}
		}
		List<Allocation> after = campaigns.allocations(campaign);
		auditLog.recordChange(AuditAction.UPDATED, "event_allocation", campaign.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.allocations", campaign.code(), sum(before), sum(after)), before, after);
		return after;
	}

	private static int sum(List<Allocation> allocations) {
		return allocations.stream().mapToInt(Allocation::events).sum();
	}

	/**
	 * Copies a campaign into a new one for another year: phases move by whole years
	 * (2024-05-01 → 2026-05-01), categories, rules, declarations, allocations and targets
	 * are copied.
	 * @throws org.springframework.dao.DuplicateKeyException if the code is taken
	 * (campaign_code_uq)
	 */
	public Campaign copy(SignedInUser actor, String sourceCode, String code, String title, Integer year) {
		Campaign source = campaignFor(actor, sourceCode);
		if (code == null || !code.matches(CODE_FORMAT)) {
			throw new CampaignChangeRejected("code", "campaign.copy.codeFormat");
		}
		if (title == null || title.isBlank()) {
			throw new CampaignChangeRejected("title", "campaign.copy.titleRequired");
		}
		readableTitle(title);
		if (year == null || year < 2000 || year > 2100) {
			throw new CampaignChangeRejected("year", "campaign.copy.yearRange");
		}
		int years = year - source.year();
		long id = copier.copy(source, code, title, year, source.demo(), day -> day.plusYears(years));
		Campaign copy = campaigns.findById(id).orElseThrow();
		auditLog.recordChange(AuditAction.CREATED, "campaign", id, source.hostOrganisationPath(),
				texts.plain("campaign.audit.copied", source.code(), code, year), null,
				Map.of("code", code, "title", title, "year", year, "copiedFrom", source.code()));
		return copy;
	}

	private void requireAdmin(SignedInUser actor) {
		if (!mayAdminister(actor)) {
			throw new NotFoundException("campaign administration");
		}
	}

	private static void requireUpdated(int updated, String what) {
		if (updated == 0) {
			throw new OptimisticLockingFailureException(what + " was changed by someone else");
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	/** Issue 11 item 10: the platform's one rule for the characters of a title. */
	private static void readableTitle(String title) {
		ReadableText.problem(title).ifPresent(problem -> {
			throw new CampaignChangeRejected("title", problem.messageKey());
		});
	}

}
