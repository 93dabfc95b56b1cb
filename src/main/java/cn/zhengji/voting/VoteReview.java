package cn.zhengji.voting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.submission.Entries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13 item 4: what a campaign's admins see of its votes — counts per work, anomalous
 * groups (bursts per minute on a work, many voters from one address or device, many
 * numbers of one segment), the latest votes with masked numbers — and voiding votes, one
 * or a whole group, with a reason (audited). A voided vote stops counting everywhere. The
 * caller checks that the actor administers the campaign.
 */
@Service
public class VoteReview {

	static final String TARGET = "vote";

	private final JdbcClient jdbc;

	private final Entries entries;

	private final AuditLog audit;

	private final VotingLimits limits;

	private final Clock clock;

	VoteReview(JdbcClient jdbc, Entries entries, AuditLog audit, VotingLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.entries = entries;
		this.audit = audit;
		this.limits = limits;
		this.clock = clock;
	}

	/** A work's votes: counted (weighted) and voided (rows). */
	public record WorkCount(long entryId, String title, long counted, long voided) {
	}

	/** The kinds of anomalous groups. */
	public enum Kind {

		BURST, ADDRESS, DEVICE, SEGMENT

	}

	/**
	 * An anomalous group.
	 *
	 * @param key what names the group when voiding it (as {@link #voidGroup} takes it)
	 * @param label what the page shows of it (a device cut short, a segment's first 7
	 * digits, a work and minute)
	 */
	public record Anomaly(Kind kind, String key, String label, long voters, long votes, long counted) {
	}

	/** A vote as the admins' list shows it: the number masked. */
	public record VoteRow(long id, long entryId, String title, String maskedMobile, String address, String device,
			Instant castAt, String voidReason) {

		public boolean voided() {
			return voidReason != null;
		}

	}

	public List<WorkCount> counts(Campaign campaign) {
		List<long[]> rows = jdbc.sql("""
				select v.entry_id, coalesce(sum(v.weight) filter (where v.voided_at is null), 0) as counted,
				    count(*) filter (where v.voided_at is not null) as voided
				from vote v join vote_setting s on s.id = v.setting_id
				where s.campaign_id = ? group by v.entry_id order by counted desc, v.entry_id
				""")
			.param(campaign.id())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.list();
		Map<Long, String> titles = entries.titlesOf(rows.stream().map((row) -> row[0]).toList());
		return rows.stream().map((row) -> new WorkCount(row[0], titles.get(row[0]), row[1], row[2])).toList();
	}

	public List<Anomaly> anomalies(Campaign campaign) {
		List<Anomaly> anomalies = new ArrayList<>();
		anomalies.addAll(jdbc.sql("""
				select v.entry_id || '@' || extract(epoch from date_trunc('minute', v.cast_at))::bigint as key,
				    v.entry_id, date_trunc('minute', v.cast_at) as minute, count(distinct v.voter_id) as voters,
				    count(*) as votes, count(*) filter (where v.voided_at is null) as counted
				from vote v join vote_setting s on s.id = v.setting_id
				where s.campaign_id = ? group by v.entry_id, date_trunc('minute', v.cast_at)
				having count(*) > ? order by votes desc limit 100
				""").params(campaign.id(), limits.burstPerMinute()).query((rs, n) -> {
			String title = entries.titlesOf(List.of(rs.getLong("entry_id"))).get(rs.getLong("entry_id"));
			return new Anomaly(Kind.BURST, rs.getString("key"),
					title + " · "
							+ java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
								.withZone(campaign.timeZone())
								.format(rs.getTimestamp("minute").toInstant()),
					rs.getLong("voters"), rs.getLong("votes"), rs.getLong("counted"));
		}).list());
		anomalies.addAll(group(campaign, Kind.ADDRESS, "v.address", limits.votersPerAddress()));
		anomalies.addAll(group(campaign, Kind.DEVICE, "v.device", limits.votersPerDevice()));
		anomalies.addAll(group(campaign, Kind.SEGMENT, "r.mobile_segment", limits.votersPerSegment()));
		return anomalies;
	}

	private List<Anomaly> group(Campaign campaign, Kind kind, String column, int threshold) {
		return jdbc
			.sql("select " + column + " as key, count(distinct v.voter_id) as voters, count(*) as votes,"
					+ " count(*) filter (where v.voided_at is null) as counted"
					+ " from vote v join vote_setting s on s.id = v.setting_id join voter r on r.id = v.voter_id"
					+ " where s.campaign_id = ? and " + column + " is not null group by " + column
					+ " having count(distinct v.voter_id) > ? order by voters desc limit 100")
			.params(campaign.id(), threshold)
			.query((rs, n) -> new Anomaly(kind, rs.getString("key"),
					kind == Kind.DEVICE ? rs.getString("key").substring(0, Math.min(8, rs.getString("key").length()))
							: rs.getString("key"),
					rs.getLong("voters"), rs.getLong("votes"), rs.getLong("counted")))
			.list();
	}

	/** The latest votes of the campaign, newest first. */
	public List<VoteRow> latest(Campaign campaign, int limit) {
		List<VoteRow> rows = jdbc.sql("""
				select v.id, v.entry_id, r.mobile_masked, v.address, v.device, v.cast_at, v.void_reason
				from vote v join vote_setting s on s.id = v.setting_id join voter r on r.id = v.voter_id
				where s.campaign_id = ? order by v.id desc limit ?
				""")
			.params(campaign.id(), limit)
			.query((rs, n) -> new VoteRow(rs.getLong("id"), rs.getLong("entry_id"), null, rs.getString("mobile_masked"),
					rs.getString("address"), rs.getString("device"), rs.getTimestamp("cast_at").toInstant(),
					rs.getString("void_reason")))
			.list();
		Map<Long, String> titles = entries.titlesOf(rows.stream().map(VoteRow::entryId).distinct().toList());
		return rows.stream()
			.map((row) -> new VoteRow(row.id(), row.entryId(), titles.get(row.entryId()), row.maskedMobile(),
					row.address(), row.device(), row.castAt(), row.voidReason()))
			.toList();
	}

	/**
	 * Voids one vote of the campaign with a reason.
	 * @return whether a counted vote was voided (false: unknown, another campaign's, or
	 * voided already)
	 * @throws VoteSettingRejected without a reason
	 */
	@Transactional
	public boolean voidVote(SignedInUser actor, Campaign campaign, long voteId, String reason) {
		String why = reason(reason);
		int voided = jdbc.sql("""
				update vote v set voided_at = :now, voided_by = :actor, void_reason = :reason
				from vote_setting s where s.id = v.setting_id and s.campaign_id = :campaign and v.id = :vote
				    and v.voided_at is null
				""")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("actor", actor.accountId())
			.param("reason", why)
			.param("campaign", campaign.id())
			.param("vote", voteId)
			.update();
		if (voided == 1) {
			audit.recordChange(AuditAction.UPDATED, "vote", voteId, campaign.hostOrganisationPath(), why, null,
					Map.of("voided", 1));
		}
		return voided == 1;
	}

	/**
	 * Voids every counted vote of an anomalous group with a reason.
	 * @return how many votes were voided
	 * @throws VoteSettingRejected without a reason or for a key that names no group
	 */
	@Transactional
	public int voidGroup(SignedInUser actor, Campaign campaign, Kind kind, String key, String reason) {
		String why = reason(reason);
		if (key == null || key.isBlank()) {
			throw new VoteSettingRejected("key", "voting.void.key");
		}
		String condition;
		Object value = key;
		switch (kind) {
			case ADDRESS -> condition = "v.address = :key";
			case DEVICE -> condition = "v.device = :key";
			case SEGMENT -> condition = "v.voter_id in (select id from voter where mobile_segment = :key)";
			case BURST -> {
				String[] parts = key.split("@");
				if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{1,12}")) {
					throw new VoteSettingRejected("key", "voting.void.key");
				}
				condition = "v.entry_id = " + Long.parseLong(parts[0]) + " and date_trunc('minute', v.cast_at)"
						+ " = to_timestamp(" + Long.parseLong(parts[1]) + ")";
				value = null;
			}
			default -> throw new IllegalArgumentException(kind.name());
		}
		var statement = jdbc
			.sql("update vote v set voided_at = :now, voided_by = :actor, void_reason = :reason"
					+ " from vote_setting s where s.id = v.setting_id and s.campaign_id = :campaign"
					+ " and v.voided_at is null and " + condition)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("actor", actor.accountId())
			.param("reason", why)
			.param("campaign", campaign.id());
		if (value != null) {
			statement = statement.param("key", value);
		}
		int voided = statement.update();
		if (voided > 0) {
			audit.recordChange(AuditAction.UPDATED, "vote", kind.name() + ":" + key, campaign.hostOrganisationPath(),
					why, null, Map.of("voided", voided));
		}
		return voided;
	}

	private static String reason(String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new VoteSettingRejected("reason", "voting.void.reason.required");
		}
		if (why.length() > 500) {
			throw new VoteSettingRejected("reason", "voting.void.reason.long");
		}
		return why;
	}

}
