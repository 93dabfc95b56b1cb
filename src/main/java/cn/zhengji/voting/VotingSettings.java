package cn.zhengji.voting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13 item 4: the vote settings of a campaign's categories, as data (one row per
 * category). The caller checks that the actor administers the campaign
 * ({@code CampaignAdministration#campaignFor}); every change is audited.
 */
@Service
public class VotingSettings {

	static final String TARGET = "vote_setting";

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final AuditLog audit;

	private final Clock clock;

	private final OpenWorks openWorks;

	VotingSettings(JdbcClient jdbc, Campaigns campaigns, AuditLog audit, Clock clock, OpenWorks openWorks) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.audit = audit;
		this.clock = clock;
		this.openWorks = openWorks;
	}

	/** What an admin types: local times in the campaign's time zone. */
	public record Change(String categoryCode, Long roundId, LocalDateTime opensAt, LocalDateTime closesAt,
			Integer votesPerDay, Integer weight, boolean countsPublic) {
	}

	/** The settings of the campaign by category id, in category order. */
	public Map<Long, VoteSetting> of(Campaign campaign) {
		Map<Long, VoteSetting> settings = new LinkedHashMap<>();
		List<VoteSetting> rows = jdbc.sql(SELECT + " where campaign_id = ? order by category_id")
			.param(campaign.id())
			.query(VotingSettings::setting)
			.list();
		rows.forEach((setting) -> settings.put(setting.categoryId(), setting));
		return settings;
	}

	static final String SELECT = """
			select id, campaign_id, category_id, round_id, opens_at, closes_at, votes_per_day, weight, counts_public
			from vote_setting""";

	static VoteSetting setting(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long round = rs.getLong("round_id");
		return new VoteSetting(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("category_id"),
				rs.wasNull() ? null : round, rs.getTimestamp("opens_at").toInstant(),
				rs.getTimestamp("closes_at").toInstant(), rs.getInt("votes_per_day"), rs.getInt("weight"),
				rs.getBoolean("counts_public"));
	}

	public Optional<VoteSetting> find(long settingId) {
		return jdbc.sql(SELECT + " where id = ?").param(settingId).query(VotingSettings::setting).optional();
	}

	/**
	 * Opens or changes the vote of a category.
	 * @throws VoteSettingRejected for an unknown category or round, a window that ends
	 * before it starts, numbers out of range
	 */
	@Transactional
	public VoteSetting save(SignedInUser actor, Campaign campaign, Change change) {
		Category category = campaigns.category(campaign, change.categoryCode() == null ? "" : change.categoryCode())
			.orElseThrow(() -> new VoteSettingRejected("categoryCode", "voting.settings.category.unknown"));
		if (change.roundId() != null && campaigns.reviewRounds(category.id())
			.stream()
			.map(ReviewRound::id)
			.noneMatch(change.roundId()::equals)) {
			throw new VoteSettingRejected("roundId", "voting.settings.round.unknown");
		}
		if (change.opensAt() == null) {
			throw new VoteSettingRejected("opensAt", "voting.settings.time.required");
		}
		if (change.closesAt() == null) {
			throw new VoteSettingRejected("closesAt", "voting.settings.time.required");
		}
		Instant opens = change.opensAt().atZone(campaign.timeZone()).toInstant();
		Instant closes = change.closesAt().atZone(campaign.timeZone()).toInstant();
		if (!opens.isBefore(closes)) {
			throw new VoteSettingRejected("closesAt", "voting.settings.window.order");
		}
		int perDay = change.votesPerDay() == null ? 1 : change.votesPerDay();
		if (perDay < 1 || perDay > 100) {
			throw new VoteSettingRejected("votesPerDay", "voting.settings.votesPerDay.range");
		}
		int weight = change.weight() == null ? 1 : change.weight();
		if (weight < 1 || weight > 1000) {
			throw new VoteSettingRejected("weight", "voting.settings.weight.range");
		}
		Optional<VoteSetting> before = jdbc.sql(SELECT + " where category_id = ? for update")
			.param(category.id())
			.query(VotingSettings::setting)
			.optional();
		long id = jdbc
			.sql("""
					insert into vote_setting (campaign_id, category_id, round_id, opens_at, closes_at, votes_per_day, weight,
					    counts_public, updated_by, updated_at)
					values (:campaign, :category, :round, :opens, :closes, :perDay, :weight, :public, :actor, :now)
					on conflict on constraint vote_setting_category_uq do update set round_id = excluded.round_id,
					    opens_at = excluded.opens_at, closes_at = excluded.closes_at,
					    votes_per_day = excluded.votes_per_day, weight = excluded.weight,
					    counts_public = excluded.counts_public, updated_by = excluded.updated_by,
					    updated_at = excluded.updated_at
					returning id
					""")
			.param("campaign", campaign.id())
			.param("category", category.id())
			.param("round", change.roundId())
			.param("opens", java.sql.Timestamp.from(opens))
			.param("closes", java.sql.Timestamp.from(closes))
			.param("perDay", perDay)
			.param("weight", weight)
			.param("public", change.countsPublic())
			.param("actor", actor.accountId())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		VoteSetting after = find(id).orElseThrow();
		audit.recordChange(before.isEmpty() ? AuditAction.CREATED : AuditAction.UPDATED, "vote_setting", id,
				campaign.hostOrganisationPath(), category.name(), before.orElse(null), after);
		openWorks.forget();
		return after;
	}

}
