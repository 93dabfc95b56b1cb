package cn.zhengji.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * opened {@value #DAYS_OPEN} days ago, in the campaign's time zone, and its texts saying
 * so (no year it is not, the days it names moved with its phases). On a later start it is
 * moved again when its submission phase has closed, unless an admin changed it: then the
 * admin's dates and texts stand.
 */
@Component
class DemoCampaign {

	static final String CODE = "demo-fujian";

	static final String SOURCE = "fujian-2024";

	static final int DAYS_OPEN = 30;

	/** The category whose first review round is open in the demonstration. */
	static final String REVIEW_CATEGORY = "application-system";

	static final int REVIEW_DAYS = 30;

	/**
	 * Issue 13: the demonstration of a finished campaign (往届), whose results are in
	 * publicity and in the showcase.
	 */
	static final String RESULTS_CODE = "demo-results";

	/** How many days before the first start the finished campaign's 总结表彰 phase began. */
	static final int RESULTS_SUMMARY_DAYS_AGO = 20;

	/** "2024年" in a title (年 = U+5E74). */
	private static final Pattern YEAR = Pattern.compile("\\d{4}\\x{5E74}");

	/** A day without a year, "8月30日" (月 = U+6708, 日 = U+65E5). */
	private static final Pattern DAY = Pattern.compile("(?<![\\d\\x{5E74}])(\\d{1,2})\\x{6708}(\\d{1,2})\\x{65E5}");

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
			long id = copier.copy(source, CODE, source.title(), LocalDate.ofInstant(now, source.timeZone()).getYear(),
					true, day -> day.plusDays(days));
			retext(campaigns.findById(id).orElseThrow(), source);
			auditLog.recordChange(AuditAction.CREATED, "campaign", id, source.hostOrganisationPath(),
					texts.plain("campaign.audit.demoCreated", CODE, days), null,
					Map.of("code", CODE, "shiftedDays", days));
			log.info("Demonstration campaign {} created, dates moved by {} days", CODE, days);
			openReviewRound(campaigns.findById(id).orElseThrow(), now);
			return;
		}
		Campaign campaign = demo.get();
		if (campaign.phase(PhaseKind.SUBMISSION).isEmpty()) {
			return;
		}
		if (campaign.hasAdminChanges()) {
			if (!campaign.acceptsSubmissions(now)) {
				log.info("Demonstration campaign {} no longer accepts works but an admin changed it; its dates stay",
						CODE);
			}
			return;
		}
		if (!campaign.acceptsSubmissions(now)) {
			shift(campaign, now);
		}
		retext(campaigns.getByCode(CODE), campaigns.getByCode(SOURCE));
		openReviewRound(campaigns.getByCode(CODE), now);
	}

	/**
	 * Issue 13: creates once the demonstration of a finished campaign, the 2024 Fujian
	 * campaign with every date moved so that its 总结表彰 phase began
	 * {@value #RESULTS_SUMMARY_DAYS_AGO} days ago: its submission and review lie behind
	 * it, its review rounds with them. The other modules' demonstration runners give it
	 * works, awards, a publicity period and a showcase. Not moved on later starts: a
	 * finished campaign stays where it was, as its results age like real ones.
	 */
	@Transactional
	void ensureResults() {
		if (campaigns.findByCode(RESULTS_CODE).isPresent()) {
			return;
		}
		Instant now = clock.instant();
		Campaign source = campaigns.getByCode(SOURCE);
		LocalDate summaryStart = source.phase(PhaseKind.SUMMARY)
			.orElseThrow(() -> new IllegalStateException(SOURCE + " has no summary phase"))
			.startsOn();
		long days = ChronoUnit.DAYS.between(summaryStart,
				LocalDate.ofInstant(now, source.timeZone()).minusDays(RESULTS_SUMMARY_DAYS_AGO));
		String title = texts.text("campaign.demo.results.title", YEAR.matcher(source.title()).replaceAll("").strip());
		long id = copier.copy(source, RESULTS_CODE, title,
				source.phase(PhaseKind.SUBMISSION).orElseThrow().startsOn().plusDays(days).getYear(), true,
				day -> day.plusDays(days));
		if (source.shortTitle() != null) {
			jdbc.sql("update campaign set short_title = ? where id = ?")
				.params(texts.text("campaign.demo.results.title", source.shortTitle().replaceAll("\\d{4}", "").strip()),
						id)
				.update();
		}
		auditLog.recordChange(AuditAction.CREATED, "campaign", id, source.hostOrganisationPath(),
				texts.plain("campaign.audit.demoCreated", RESULTS_CODE, days), null,
				Map.of("code", RESULTS_CODE, "shiftedDays", days));
		log.info("Demonstration campaign {} (finished) created, dates moved by {} days", RESULTS_CODE, days);
	}

	/**
	 * Issue 12: the first review round of {@value #REVIEW_CATEGORY} runs from yesterday
	 * for {@value #REVIEW_DAYS} days, in the campaign's time zone, so that the
	 * demonstration expert can score its works today although the campaign's REVIEW phase
	 * lies months ahead. Moved only when today is outside it, and never once an admin
	 * changed the category's rounds. Dates only, like {@link #retext}: no version is
	 * bumped.
	 */
	private void openReviewRound(Campaign demo, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, demo.timeZone());
		campaigns.category(demo, REVIEW_CATEGORY)
			.filter(category -> !category.reviewRoundsChangedByAdmin())
			.flatMap(category -> campaigns.reviewRounds(category.id()).stream().findFirst())
			.filter(round -> today.isBefore(round.startsOn()) || today.isAfter(round.endsOn()))
			.ifPresent(round -> {
				jdbc.sql("update review_round set starts_on = ?, ends_on = ? where id = ?")
					.params(today.minusDays(1), today.plusDays(REVIEW_DAYS - 1), round.id())
					.update();
				log.info("Demonstration review round {} of {} opened today", round.name(), REVIEW_CATEGORY);
			});
	}

	private void shift(Campaign campaign, Instant now) {
		long days = daysToOpen(campaign, now);
		for (Phase phase : campaign.phases()) {
			jdbc.sql("update campaign_phase set starts_on = ?, ends_on = ?, version = version + 1 where id = ?")
				.params(phase.startsOn().plusDays(days), phase.endsOn() == null ? null : phase.endsOn().plusDays(days),
						phase.id())
				.update();
		}
		// The review rounds lie in the REVIEW phase and move with it.
		jdbc.sql(
				"""
						update review_round r set starts_on = r.starts_on + cast(? as integer), ends_on = r.ends_on + cast(? as integer)
						from campaign_category k where k.id = r.category_id and k.campaign_id = ?
						""")
			.params(days, days, campaign.id())
			.update();
		int year = LocalDate.ofInstant(now, campaign.timeZone()).getYear();
		jdbc.sql("update campaign set year = ?, version = version + 1 where id = ?")
			.params(year, campaign.id())
			.update();
		auditLog.recordChange(AuditAction.UPDATED, "campaign", campaign.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.demoShifted", days), Map.of("phases", campaign.phases()),
				Map.of("shiftedDays", days));
		log.info("Demonstration campaign {} moved by {} days so that it accepts works", CODE, days);
	}

	/**
	 * Makes the demonstration's texts say what its dates are: its title and short title
	 * without the source's year (it runs in another), and every day named in the source's
	 * platform note, summary and phase descriptions ("8月30日前") moved as its phases were.
	 * Texts only: no version is bumped, nothing counts as an admin's change.
	 */
	private void retext(Campaign demo, Campaign source) {
		long days = ChronoUnit.DAYS.between(submissionStart(source), submissionStart(demo));
		String title = texts.text("campaign.demo.title", YEAR.matcher(source.title()).replaceAll("").strip());
		String shortTitle = source.shortTitle() == null ? null
				: texts.text("campaign.demo.title", source.shortTitle().replaceAll("\\d{4}", "").strip());
		jdbc.sql("""
				update campaign set title = ?, short_title = ?, platform_note = ?, summary = ?
				where id = ? and (title, short_title, platform_note, summary)
				    is distinct from (?, ?, ?, ?)
				""")
			.params(title, shortTitle, moveDays(source.platformNote(), source.year(), days, demo.year()),
					moveDays(source.summary(), source.year(), days, demo.year()), demo.id(), title, shortTitle,
					moveDays(source.platformNote(), source.year(), days, demo.year()),
					moveDays(source.summary(), source.year(), days, demo.year()))
			.update();
		for (Phase phase : demo.phases()) {
			source.phase(phase.kind()).ifPresent(original -> {
				String description = moveDays(original.description(), source.year(), days, demo.year());
				jdbc.sql("update campaign_phase set description = ? where id = ? and description is distinct from ?")
					.params(description, phase.id(), description)
					.update();
			});
		}
	}

	/**
	 * The text with every "M月d日" (a day of {@code year}) moved by {@code days}; a day
	 * that falls outside {@code shownYear} is named with its year.
	 */
	String moveDays(String text, int year, long days, int shownYear) {
		if (text == null) {
			return null;
		}
		Matcher matcher = DAY.matcher(text);
		StringBuilder moved = new StringBuilder();
		while (matcher.find()) {
			String replacement = matcher.group();
			try {
				LocalDate day = LocalDate
					.of(year, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
					.plusDays(days);
				replacement = day.getYear() == shownYear
						? texts.plain("campaign.demo.day", day.getMonthValue(), day.getDayOfMonth())
						: texts.plain("campaign.demo.yearDay", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
			}
			catch (java.time.DateTimeException notADay) {
				// Not a calendar day: left as written.
			}
			matcher.appendReplacement(moved, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(moved);
		return moved.toString();
	}

	private static LocalDate submissionStart(Campaign campaign) {
		return campaign.phase(PhaseKind.SUBMISSION)
			.orElseThrow(() -> new IllegalStateException(campaign.code() + " has no submission phase"))
			.startsOn();
	}

	private static long daysToOpen(Campaign campaign, Instant now) {
		LocalDate opens = LocalDate.ofInstant(now, campaign.timeZone()).minusDays(DAYS_OPEN);
		LocalDate submissionStart = campaign.phase(PhaseKind.SUBMISSION)
			.orElseThrow(() -> new IllegalStateException(campaign.code() + " has no submission phase"))
			.startsOn();
		return ChronoUnit.DAYS.between(submissionStart, opens);
	}

}
