package cn.zhengji.voting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 13 item 4, demonstration only: the song category of the finished demonstration
 * campaign ({@code demo-results}) is open for votes from yesterday for 30 days, one vote
 * per number, work and day, counts shown live. Whenever the demo starts outside that
 * window, the window moves to today. Nothing without demo data.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class DemoVoting implements ApplicationRunner {

	static final String CAMPAIGN = "demo-results";

	static final String CATEGORY = "song";

	private final Campaigns campaigns;

	private final JdbcClient jdbc;

	private final OpenWorks openWorks;

	private final Clock clock;

	DemoVoting(Campaigns campaigns, JdbcClient jdbc, OpenWorks openWorks, Clock clock) {
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.openWorks = openWorks;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Campaign> demo = campaigns.findByCode(CAMPAIGN).filter(Campaign::demo);
		if (!campaigns.demoEnabled() || demo.isEmpty()) {
			return;
		}
		Optional<Category> song = campaigns.category(demo.get(), CATEGORY);
		if (song.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Optional<VoteSetting> current = jdbc.sql(VotingSettings.SELECT + " where category_id = ?")
			.param(song.get().id())
			.query(VotingSettings::setting)
			.optional();
		if (current.isPresent() && current.get().isOpenAt(now)) {
			return;
		}
		LocalDate today = LocalDate.ofInstant(now, demo.get().timeZone());
		Instant opens = today.minusDays(1).atStartOfDay(demo.get().timeZone()).toInstant();
		Instant closes = today.plusDays(30).atStartOfDay(demo.get().timeZone()).toInstant();
		jdbc.sql("""
				insert into vote_setting (campaign_id, category_id, opens_at, closes_at, votes_per_day, weight,
				    counts_public, updated_at)
				values (?, ?, ?, ?, 1, 1, true, ?)
				on conflict on constraint vote_setting_category_uq do update set opens_at = excluded.opens_at,
				    closes_at = excluded.closes_at, updated_at = excluded.updated_at
				""")
			.params(demo.get().id(), song.get().id(), java.sql.Timestamp.from(opens), java.sql.Timestamp.from(closes),
					java.sql.Timestamp.from(now))
			.update();
		openWorks.forget();
	}

}
