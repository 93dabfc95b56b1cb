package cn.zhengji.reporting;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.organisation.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scenery of {@link DashboardFixture}, made the campaign of its province (the host),
 * plus reviewed works, decisions of the approval chain, awards and public votes. The
 * expected figures are counted by hand in {@link SummariesIntegrationTest}.
 *
 * <pre>
 * added entries (besides DashboardFixture's 11):
 *   e1 countyA song         AWARD_FINAL   测试一等奖 (locked round); history: APPROVED by countyA,
 *                                         RECOMMENDED by city, APPROVED by the province; votes 1+1 (+1 voided)
 *   e2 g1 song              IN_PUBLICITY  测试二等奖 (locked round); history: APPROVED by countyA,
 *                                         RETURNED by city, APPROVED by countyA again, RECOMMENDED by city
 *   e3 otherCity song       AWARDED       测试二等奖 (locked round); votes 2 (weight 2)
 *   e4 otherCity song       NOT_AWARDED
 *   e5 countyB micro-video  AWARDED       an award of a round not locked (not in the awards table)
 *   DashboardFixture's rejected good-netizen of g2: REJECTED by city
 * </pre>
 */
public final class SummaryFixture {

	private static final SecureRandom RANDOM = new SecureRandom();

	public final DashboardFixture base;

	public final Campaign campaign;

	private final JdbcClient jdbc;

	private final long account;

	public SummaryFixture(DashboardFixture base, JdbcClient jdbc, Campaigns campaigns) {
		this.base = base;
		this.jdbc = jdbc;
		jdbc.sql("update campaign set host_organisation_id = ? where id = ?")
			.params(base.province.id(), base.campaign.id())
			.update();
		this.campaign = campaigns.getByCode(base.campaign.code());
		this.account = jdbc.sql("select id from account where organisation_id = ? and display_name = '看板测试管理员'")
			.param(base.city.id())
			.query(Long.class)
			.single();

		long e1 = entry(base.countyA, "song", "AWARD_FINAL");
		long e2 = entry(base.g1, "song", "IN_PUBLICITY");
		long e3 = entry(base.otherCity, "song", "AWARDED");
		entry(base.otherCity, "song", "NOT_AWARDED");
		long e5 = entry(base.countyB, "micro-video", "AWARDED");

		decision(e1, "APPROVED", base.countyA);
		decision(e1, "RECOMMENDED", base.city);
		decision(e1, "APPROVED", base.province);
		decision(e2, "APPROVED", base.countyA);
		decision(e2, "RETURNED", base.city);
		decision(e2, "APPROVED", base.countyA);
		decision(e2, "RECOMMENDED", base.city);
		long rejected = jdbc.sql("select id from entry where campaign_id = ? and state = 'REJECTED'")
			.param(campaign.id())
			.query(Long.class)
			.single();
		decision(rejected, "REJECTED", base.city);

		long locked = round("song", 9);
		award(locked, e1, "first");
		award(locked, e2, "second");
		award(locked, e3, "second");
		jdbc.sql("insert into review_round_lock (round_id, locked_by, locked_at) values (?, ?, now())")
			.params(locked, account)
			.update();
		long open = round("micro-video", 9);
		award(open, e5, "first");

		long setting = jdbc.sql("""
				insert into vote_setting (campaign_id, category_id, opens_at, closes_at, votes_per_day, weight,
				    counts_public, updated_at)
				values (?, ?, now() - interval '2 days', now() + interval '2 days', 3, 1, true, now()) returning id
				""").params(campaign.id(), base.category("song")).query(Long.class).single();
		long voter = voter();
		vote(setting, e1, voter, 1, 1, false);
		vote(setting, e1, voter, 2, 1, false);
		vote(setting, e1, voter, 3, 1, true);
		vote(setting, e3, voter, 1, 2, false);
	}

	private long entry(Organisation organisation, String category, String state) {
		return jdbc.sql("""
				insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
				    organisation_id, organisation_path, title, state, created_at, updated_at, submitted_at)
				values (?, ?, ?, 'UNION_ORGANISATION', ?, false, ?, ?, '总结测试作品', ?, now(), now(), now())
				returning id
				""")
			.params(campaign.id(), base.category(category), account, "organisation:" + organisation.id(),
					organisation.id(), organisation.path(), state)
			.query(Long.class)
			.single();
	}

	private void decision(long entry, String step, Organisation level) {
		jdbc.sql("""
				insert into entry_transition (entry_id, from_state, to_state, actor_id, actor_name, occurred_at,
				    level_organisation_id, step)
				values (?, 'SUBMITTED', 'SUBMITTED', ?, '看板测试管理员', now(), ?, ?)
				""").params(entry, account, level.id(), step).update();
	}

	private long round(String category, int order) {
		long round = jdbc.sql("""
				insert into review_round (category_id, code, name, round_order, entry_rule, entry_number,
				    experts_per_work, starts_on, ends_on)
				values (?, 'summary-test', '总结测试轮', ?, 'TOP_N', 10, 1, current_date, current_date) returning id
				""").params(base.category(category), order).query(Long.class).single();
		jdbc.sql("""
				insert into review_award_level (round_id, code, name, award_count, sort_order)
				values (?, 'first', '测试一等奖', 1, 1), (?, 'second', '测试二等奖', 2, 2)
				""").params(round, round).update();
		return round;
	}

	private void award(long round, long entry, String level) {
		jdbc.sql("""
				insert into review_award (round_id, entry_id, level_code, rank, decided_by, decided_at)
				values (?, ?, ?, 1, ?, now())
				""").params(round, entry, level, account).update();
	}

	private long voter() {
		byte[] index = new byte[16];
		RANDOM.nextBytes(index);
		return jdbc.sql("""
				insert into voter (mobile_index, mobile_cipher, mobile_masked, mobile_segment, created_at)
				values (?, ?, '138****0000', '1380000', now()) returning id
				""").params(index, index).query(Long.class).single();
	}

	private void vote(long setting, long entry, long voter, int slot, int weight, boolean voided) {
		jdbc.sql("""
				insert into vote (setting_id, entry_id, voter_id, vote_day, slot, weight, cast_at, address,
				    voided_at, voided_by, void_reason)
				values (?, ?, ?, current_date, ?, ?, now(), '127.0.0.1', ?, ?, ?)
				""")
			.params(setting, entry, voter, slot, weight, voided ? OffsetDateTime.now(ZoneOffset.UTC) : null,
					voided ? account : null, voided ? "测试作废" : null)
			.update();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
