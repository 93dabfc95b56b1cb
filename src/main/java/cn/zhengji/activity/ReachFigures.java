package cn.zhengji.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.TargetMetric;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-ACT-3 The figures a union reports for itself (not for the units below it: those
 * report their own, and {@link RollUp} sums them): organisations mobilised, promoters,
 * workers reached directly other than at its offline events, and workers covered. The
 * fifth target, enterprises visited or events, is the event count; 直接触达职工 is the
 * participants of the events plus the entered WORKERS_REACHED (reached otherwise), so
 * that nobody enters a participant twice.
 */
@Service
public class ReachFigures {

	/** The metrics a union enters; limits agree with CHECK unit_reach_value_ck. */
	public static final List<TargetMetric> ENTERED = List.of(TargetMetric.ORGANISATIONS_MOBILISED,
			TargetMetric.PROMOTERS, TargetMetric.WORKERS_REACHED, TargetMetric.WORKERS_COVERED);

	static final long MAX_VALUE = 1_000_000_000L;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Texts texts;

	private final EventReports reports;

	ReachFigures(JdbcClient jdbc, AuditLog auditLog, Clock clock, Texts texts, EventReports reports) {
		this.texts = texts;
		this.reports = reports;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * The figures the actor's union has entered in the campaign (0 for those not entered
	 * yet).
	 */
	@Transactional(readOnly = true)
	public Map<TargetMetric, Long> own(SignedInUser actor, Campaign campaign) {
		requireReporter(actor, campaign);
		Map<TargetMetric, Long> figures = new EnumMap<>(TargetMetric.class);
		ENTERED.forEach(metric -> figures.put(metric, 0L));
		jdbc.sql("select metric, value from unit_reach where campaign_id = ? and organisation_id = ?")
			.params(campaign.id(), actor.organisationId())
			.query(rs -> {
				figures.put(TargetMetric.valueOf(rs.getString("metric")), rs.getLong("value"));
			});
		return figures;
	}

	/**
	 * Replaces the union's own figures. Writes one row per metric and an UPDATED audit
	 * event (target {@code unit_reach}, id {@code campaign:organisation}) with the
	 * figures before and after.
	 * @param input the typed text per metric; blank counts as 0
	 * @throws ActivityRejected naming every field that is not a whole number from 0 to 1
	 * 000 000 000
	 */
	@Transactional
	public Map<TargetMetric, Long> save(SignedInUser actor, Campaign campaign, Map<TargetMetric, String> input) {
		Map<TargetMetric, Long> before = own(actor, campaign);
		// Issue 11 item 8: figures are about the campaign's days; once it is over they
		// stand.
		LocalDate today = LocalDate.ofInstant(clock.instant(), campaign.timeZone());
		campaign.lastDay().filter(today::isAfter).ifPresent(last -> {
			throw new ActivityRejected(null, "activity.reach.campaignOver", campaign.title(), last.toString());
		});
		Map<TargetMetric, Long> after = new EnumMap<>(TargetMetric.class);
		List<ActivityRejected> problems = new ArrayList<>();
		for (TargetMetric metric : ENTERED) {
			String text = input.get(metric) == null ? "" : input.get(metric).strip().replace(",", "");
			if (text.isEmpty()) {
				after.put(metric, 0L);
			}
			else if (!text.matches("\\d{1,10}") || Long.parseLong(text) > MAX_VALUE) {
				problems.add(new ActivityRejected(metric.name(), "activity.reach.invalid", String.valueOf(MAX_VALUE)));
			}
			else {
				after.put(metric, Long.parseLong(text));
			}
		}
		if (!problems.isEmpty()) {
			throw ActivityRejected.all(problems);
		}
		for (TargetMetric metric : ENTERED) {
			jdbc.sql("""
					insert into unit_reach (campaign_id, organisation_id, organisation_path, metric, value, updated_by,
					    updated_at)
					values (:campaign, :organisation, :path, :metric, :value, :by, :at)
					on conflict on constraint unit_reach_pk
					do update set value = excluded.value, organisation_path = excluded.organisation_path,
					    updated_by = excluded.updated_by, updated_at = excluded.updated_at
					""")
				.param("campaign", campaign.id())
				.param("organisation", actor.organisationId())
				.param("path", actor.organisationPath())
				.param("metric", metric.name())
				.param("value", after.get(metric))
				.param("by", actor.accountId())
				.param("at", EventRecords.utc(clock.instant()))
				.update();
		}
		auditLog.recordChange(AuditAction.UPDATED, "unit_reach", campaign.id() + ":" + actor.organisationId(),
				actor.organisationPath(), texts.text("activity.audit.reach", campaign.title()), named(before),
				named(after));
		return after;
	}

	private static Map<String, Long> named(Map<TargetMetric, Long> figures) {
		Map<String, Long> named = new LinkedHashMap<>();
		figures.forEach((metric, value) -> named.put(metric.name(), value));
		return named;
	}

	private void requireReporter(SignedInUser actor, Campaign campaign) {
		reports.requireReporter(actor, campaign);
	}

}
