package cn.zhengji.activity;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 11 item 8: how many offline events one union may record in one campaign within an
 * hour and within a day ({@code zhengji.activity.events-per-hour}, default 20, and
 * {@code zhengji.activity.events-per-day}, default 60; the largest allocation of a city
 * is 13 for the whole campaign). The count is of the stored events, so it holds on every
 * node; a transaction-scoped advisory lock on the union serialises two reports of the
 * same union, so that two nodes cannot both take the last place.
 */
@Component
class EventRateLimit {

	/** First key of the advisory lock: the namespace of this limit. */
	private static final int LOCK_NAMESPACE = 0x0e7e_0711;

	private final JdbcClient jdbc;

	private final int perHour;

	private final int perDay;

	EventRateLimit(JdbcClient jdbc, @Value("${zhengji.activity.events-per-hour:20}") int perHour,
			@Value("${zhengji.activity.events-per-day:60}") int perDay) {
		this.jdbc = jdbc;
		this.perHour = perHour;
		this.perDay = perDay;
	}

	/**
	 * Must run in the transaction that inserts the event (the lock is held until it
	 * ends).
	 * @throws ActivityRejected when the union reached a limit in this campaign
	 */
	void check(long organisationId, long campaignId, Instant now) {
		jdbc.sql("select pg_advisory_xact_lock(?, ?)")
			.params(LOCK_NAMESPACE, (int) organisationId)
			.query((rs, n) -> 1)
			.list();
		Instant hourAgo = now.minus(Duration.ofHours(1));
		Instant dayAgo = now.minus(Duration.ofDays(1));
		int[] counts = jdbc.sql("""
				select count(*) filter (where reported_at > :hourAgo) as last_hour, count(*) as last_day
				from offline_event
				where organisation_id = :organisation and campaign_id = :campaign and reported_at > :dayAgo
				""")
			.param("hourAgo", EventRecords.utc(hourAgo))
			.param("dayAgo", EventRecords.utc(dayAgo))
			.param("organisation", organisationId)
			.param("campaign", campaignId)
			.query((rs, n) -> new int[] { rs.getInt("last_hour"), rs.getInt("last_day") })
			.single();
		if (counts[0] >= perHour) {
			throw new ActivityRejected(null, "activity.event.tooMany.hour", String.valueOf(perHour));
		}
		if (counts[1] >= perDay) {
			throw new ActivityRejected(null, "activity.event.tooMany.day", String.valueOf(perDay));
		}
	}

}
