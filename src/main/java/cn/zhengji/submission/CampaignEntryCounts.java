package cn.zhengji.submission;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many entries of a campaign wait where, and who still has to hand some in: the
 * figures of the deadline reminders (notification module), so that no other module reads
 * the entry table.
 */
@Service
@Transactional(readOnly = true)
public class CampaignEntryCounts {

	/** An organisation where entries of the campaign wait (SUBMITTED, pending there). */
	public record Waiting(long organisationId, int entries) {
	}

	/**
	 * One owner and how many of its entries are unfinished.
	 *
	 * @param accountId the participant who owns them, or null for an organisation's
	 * @param organisationId the organisation that owns them (every admin of it works on
	 * them), or null for a participant's
	 */
	public record Owner(Long accountId, Long organisationId, int entries) {
	}

	private final JdbcClient jdbc;

	CampaignEntryCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The organisations where the campaign's submitted entries wait, by id. */
	public List<Waiting> waiting(long campaignId) {
		return jdbc.sql("""
				select pending_organisation_id, count(*) as entries from entry
				where campaign_id = ? and state = 'SUBMITTED'
				group by pending_organisation_id order by pending_organisation_id
				""")
			.param(campaignId)
			.query((rs, n) -> new Waiting(rs.getLong("pending_organisation_id"), rs.getInt("entries")))
			.list();
	}

	/** The owners of the campaign's entries in state DRAFT or RETURNED. */
	public List<Owner> unfinished(long campaignId) {
		return jdbc.sql("""
				select owner_key, count(*) as entries from entry
				where campaign_id = ? and state in ('DRAFT', 'RETURNED')
				group by owner_key order by owner_key
				""").param(campaignId).query((rs, n) -> {
			String[] owner = rs.getString("owner_key").split(":");
			long id = Long.parseLong(owner[1]);
			boolean account = "account".equals(owner[0]);
			return new Owner(account ? id : null, account ? null : id, rs.getInt("entries"));
		}).list();
	}

}
