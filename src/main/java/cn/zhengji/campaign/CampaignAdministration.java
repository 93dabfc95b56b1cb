package cn.zhengji.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.Quota;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the platform admin makes to campaigns. Every change: is refused (as "not
 * found") for anyone but the platform admin; is validated first (a
 * {@link CampaignChangeRejected} changes nothing); checks the version the admin's form
 * was based on (a stale form raises {@link OptimisticLockingFailureException}); marks the
 * element {@code changed_by_admin} so that a newer definition file never overwrites it;
 * bumps the version; and writes an audit event with the state before and after, under the
 * host organisation's path.
 */
@Service
@Transactional
public class CampaignAdministration {

	private static final String CODE_FORMAT = "^[a-z0-9][a-z0-9-]{1,62}$";

	private final Campaigns campaigns;

	private final CampaignCopier copier;

	private final CampaignJson json;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Texts texts;

	CampaignAdministration(Campaigns campaigns, CampaignCopier copier, CampaignJson json, JdbcClient jdbc,
			AuditLog auditLog, Clock clock, Texts texts) {
		this.texts = texts;
		this.campaigns = campaigns;
		this.copier = copier;
		this.json = json;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Whether this user may administer campaigns at all (the policy of this module). */
	public static boolean mayAdminister(SignedInUser actor) {
		return actor != null && actor.isPlatformAdmin();
	}

	/** The campaign an admin works on; 404 for anyone else. */
	@Transactional(readOnly = true)
	public Campaign campaignFor(SignedInUser actor, String code) {
		requireAdmin(actor);
		return campaigns.getByCode(code);
	}

	/** Moves a phase. {@code endsOn} null = the phase does not end. */
	public Phase changePhaseDates(SignedInUser actor, String campaignCode, PhaseKind kind, LocalDate startsOn,
			LocalDate endsOn, int expectedVersion) {
		Campaign campaign = campaignFor(actor, campaignCode);
		Phase before = campaign.phase(kind).orElseThrow(() -> new NotFoundException("phase " + kind));
		if (startsOn == null) {
			throw new CampaignChangeRejected("startsOn", "campaign.phase.startsOn.required");
		}
		if (endsOn != null && endsOn.isBefore(startsOn)) {
			throw new CampaignChangeRejected("endsOn", "campaign.phase.endsBeforeStart");
		}
		int updated = jdbc.sql("""
				update campaign_phase set starts_on = ?, ends_on = ?, changed_by_admin = true, version = version + 1
				where id = ? and version = ?
				""").params(startsOn, endsOn, before.id(), expectedVersion).update();
		requireUpdated(updated, "campaign_phase");
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

	private static void requireAdmin(SignedInUser actor) {
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

}
