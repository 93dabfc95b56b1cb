package cn.zhengji.submission;

import java.time.OffsetDateTime;
import java.util.Optional;

import cn.zhengji.campaign.CampaignEntries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The entries campaign administration must not invalidate, counted where entries live.
 * Handed in: every state but DRAFT and WITHDRAWN.
 */
@Component
class EntriesUnderCampaignAdministration implements CampaignEntries {

	private static final String COUNT = """
			select count(*) filter (where state not in ('DRAFT', 'WITHDRAWN')) as handed_in, count(*) as total
			from entry where\s""";

	private final JdbcClient jdbc;

	EntriesUnderCampaignAdministration(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Count inCategory(long categoryId) {
		return jdbc.sql(COUNT + "category_id = ?")
			.param(categoryId)
			.query((rs, n) -> new Count(rs.getLong("handed_in"), rs.getLong("total")))
			.single();
	}

	@Override
	public Count inCampaign(long campaignId) {
		return jdbc.sql(COUNT + "campaign_id = ?")
			.param(campaignId)
			.query((rs, n) -> new Count(rs.getLong("handed_in"), rs.getLong("total")))
			.single();
	}

	@Override
	public Optional<Span> handedInBetween(long campaignId) {
		return jdbc.sql("""
				select min(submitted_at) as first, max(submitted_at) as last from entry
				where campaign_id = ? and state not in ('DRAFT', 'WITHDRAWN') and submitted_at is not null
				""").param(campaignId).query((rs, n) -> {
			OffsetDateTime first = rs.getObject("first", OffsetDateTime.class);
			OffsetDateTime last = rs.getObject("last", OffsetDateTime.class);
			return first == null ? null : new Span(first.toInstant(), last.toInstant());
		}).list().stream().filter(java.util.Objects::nonNull).findFirst();
	}

}
