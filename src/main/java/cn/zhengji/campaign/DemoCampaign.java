package cn.zhengji.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demonstration campaign (only with {@code zhengji.demo.enabled=true}): the 2024
 * Fujian campaign with every date moved by the same number of days so that submission
 * opened {@value #DAYS_OPEN} days ago, in the campaign's time zone. On a later start it
 * is moved again when its submission phase has closed, unless an admin changed it: then
 * the admin's dates stand.
 */
@Component
class DemoCampaign {

	static final String CODE = "demo-fujian";

	static final String SOURCE = "fujian-2024";

	static final int DAYS_OPEN = 30;

	private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

	private final Campaigns campaigns;

	private final CampaignCopier copier;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Texts texts;

	DemoCampaign(Campaigns campaigns, CampaignCopier copier, JdbcClient jdbc, AuditLog auditLog, Clock clock,
			Texts texts) {
		this.texts = texts;
		this.campaigns = campaigns;
		this.copier = copier;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Creates the demonstration campaign, or moves its dates so that it accepts works
	 * today.
	 */
	@Transactional
	void ensure() {
		Instant now = clock.instant();
		Optional<Campaign> demo = campaigns.findByCode(CODE);
		if (demo.isEmpty()) {
			Campaign source = campaigns.getByCode(SOURCE);
			long days = daysToOpen(source, now);
			long id = copier.copy(source, CODE, texts.text("campaign.demo.title", source.title()),
					LocalDate.ofInstant(now, source.timeZone()).getYear(), true, day -> day.plusDays(days));
			auditLog.recordChange(AuditAction.CREATED, "campaign", id, source.hostOrganisationPath(),
					texts.plain("campaign.audit.demoCreated", CODE, days), null,
					Map.of("code", CODE, "shiftedDays", days));
			log.info("Demonstration campaign {} created, dates moved by {} days", CODE, days);
			return;
		}
		Campaign campaign = demo.get();
		if (campaign.acceptsSubmissions(now) || campaign.phase(PhaseKind.SUBMISSION).isEmpty()) {
			return;
		}
		if (campaign.hasAdminChanges()) {
			log.info("Demonstration campaign {} no longer accepts works but an admin changed it; its dates stay", CODE);
			return;
		}
		long days = daysToOpen(campaign, now);
		for (Phase phase : campaign.phases()) {
			jdbc.sql("update campaign_phase set starts_on = ?, ends_on = ?, version = version + 1 where id = ?")
				.params(phase.startsOn().plusDays(days), phase.endsOn() == null ? null : phase.endsOn().plusDays(days),
						phase.id())
				.update();
		}
		int year = LocalDate.ofInstant(now, campaign.timeZone()).getYear();
		jdbc.sql("update campaign set year = ?, version = version + 1 where id = ?")
			.params(year, campaign.id())
			.update();
		auditLog.recordChange(AuditAction.UPDATED, "campaign", campaign.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.demoShifted", days), Map.of("phases", campaign.phases()),
				Map.of("shiftedDays", days));
		log.info("Demonstration campaign {} moved by {} days so that it accepts works", CODE, days);
	}

	private static long daysToOpen(Campaign campaign, Instant now) {
		LocalDate opens = LocalDate.ofInstant(now, campaign.timeZone()).minusDays(DAYS_OPEN);
		LocalDate submissionStart = campaign.phase(PhaseKind.SUBMISSION)
			.orElseThrow(() -> new IllegalStateException(campaign.code() + " has no submission phase"))
			.startsOn();
		return ChronoUnit.DAYS.between(submissionStart, opens);
	}

}
