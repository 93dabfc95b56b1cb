package cn.zhengji.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.account.Accounts;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Phase;
import cn.zhengji.campaign.PhaseKind;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.submission.CampaignEntryCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-APR-1 Reminds the admins of every organisation where entries wait (state SUBMITTED,
 * pending there) a configured number of days before the last day of a phase of their
 * campaign: an in-app notice, and a text message where they opted in. Days are counted in
 * the campaign's time zone from the injected clock. Each (phase, organisation, days
 * before) is reminded once: the row in {@code deadline_reminder} is inserted with "on
 * conflict do nothing", so a second run or a second node finds it taken and sends
 * nothing.
 * <p>
 * Before the last day of the SUBMISSION phase, the submitters whose entries of the
 * campaign are drafts or returned are reminded too ({@link CampaignEntryCounts}): the
 * participant who owns them, or every enabled admin of the organisation that owns them.
 * One notice per person and reminder however many entries, kept to once by a row in
 * {@code deadline_submitter_reminder} (phase, account, days before).
 */
@Component
class DeadlineReminders {

	private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

	private final Campaigns campaigns;

	private final Accounts accounts;

	private final Notices notices;

	private final Texts texts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ReminderProperties properties;

	private final Clock clock;

	private final CampaignEntryCounts entryCounts;

	DeadlineReminders(Campaigns campaigns, Accounts accounts, Notices notices, Texts texts, JdbcClient jdbc,
			TransactionTemplate transactions, ReminderProperties properties, Clock clock,
			CampaignEntryCounts entryCounts) {
		this.entryCounts = entryCounts;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.notices = notices;
		this.texts = texts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return how many organisations were reminded in this run
	 */
	int remind() {
		Instant now = clock.instant();
		int reminded = 0;
		for (Campaign campaign : campaigns.allVisible()) {
			LocalDate today = LocalDate.ofInstant(now, campaign.timeZone());
			for (Phase phase : campaign.phases()) {
				if (phase.endsOn() == null) {
					continue;
				}
				int daysBefore = (int) ChronoUnit.DAYS.between(today, phase.endsOn());
				if (properties.daysBefore().contains(daysBefore)) {
					// One transaction per phase: the reminder rows and their notices are
					// committed together.
					Integer count = transactions.execute(status -> remind(campaign, phase, daysBefore, now));
					reminded += count == null ? 0 : count;
				}
			}
		}
		if (reminded > 0) {
			log.info("Deadline reminders: {} units reminded", reminded);
		}
		return reminded;
	}

	private int remind(Campaign campaign, Phase phase, int daysBefore, Instant now) {
		List<CampaignEntryCounts.Waiting> waiting = entryCounts.waiting(campaign.id());
		int reminded = 0;
		List<NewNotice> stored = new ArrayList<>();
		for (CampaignEntryCounts.Waiting unit : waiting) {
			int claimed = jdbc.sql("""
					insert into deadline_reminder (phase_id, organisation_id, days_before, waiting, sent_at)
					values (?, ?, ?, ?, ?) on conflict do nothing
					""")
				.params(phase.id(), unit.organisationId(), daysBefore, unit.entries(), now.atOffset(ZoneOffset.UTC))
				.update();
			if (claimed == 0) {
				continue;
			}
			reminded++;
			String title = texts.text("notice.reminder.title", phase.name(), daysBefore, unit.entries());
			String body = texts.text("notice.reminder.body", campaign.title(), phase.name(),
					DateTimeFormatter.ofPattern(texts.text("notice.reminder.dayPattern")).format(phase.endsOn()),
					daysBefore, unit.entries());
			for (long admin : accounts.enabledAdminIds(unit.organisationId())) {
				stored.add(new NewNotice(admin, NoticeKind.REMINDER, title, body, "/admin/queue", null,
						texts.text("notice.sms", title)));
			}
		}
		if (phase.kind() == PhaseKind.SUBMISSION) {
			remindSubmitters(campaign, phase, daysBefore, now, stored);
		}
		notices.store(stored);
		return reminded;
	}

	/**
	 * How many unfinished entries a person is reminded of, and whether they are a
	 * union's.
	 */
	private record Unfinished(int entries, boolean organisations) {

		Unfinished plus(int more, boolean organisation) {
			return new Unfinished(entries + more, organisations || organisation);
		}
	}

	private void remindSubmitters(Campaign campaign, Phase phase, int daysBefore, Instant now, List<NewNotice> stored) {
		Map<Long, Unfinished> people = new LinkedHashMap<>();
		for (CampaignEntryCounts.Owner owner : entryCounts.unfinished(campaign.id())) {
			List<Long> recipients = owner.accountId() != null ? accounts.enabledAmong(List.of(owner.accountId()))
					: accounts.enabledAdminIds(owner.organisationId());
			for (long recipient : recipients) {
				people.merge(recipient, new Unfinished(owner.entries(), owner.accountId() == null),
						(a, b) -> a.plus(b.entries(), b.organisations()));
			}
		}
		String day = DateTimeFormatter.ofPattern(texts.text("notice.reminder.dayPattern")).format(phase.endsOn());
		for (Map.Entry<Long, Unfinished> person : people.entrySet()) {
			int claimed = jdbc.sql("""
					insert into deadline_submitter_reminder (phase_id, account_id, days_before, unfinished, sent_at)
					values (?, ?, ?, ?, ?) on conflict do nothing
					""")
				.params(phase.id(), person.getKey(), daysBefore, person.getValue().entries(),
						now.atOffset(ZoneOffset.UTC))
				.update();
			if (claimed == 0) {
				continue;
			}
			int entries = person.getValue().entries();
			String title = texts.text("notice.reminder.submitter.title", phase.name(), daysBefore, entries);
			String body = texts.text("notice.reminder.submitter.body", campaign.title(), phase.name(), day, daysBefore,
					texts.text(person.getValue().organisations() ? "notice.reminder.submitter.yourUnion"
							: "notice.reminder.submitter.you"),
					entries);
			stored.add(new NewNotice(person.getKey(), NoticeKind.REMINDER, title, body, "/works", null,
					texts.text("notice.sms", title)));
		}
	}

}
