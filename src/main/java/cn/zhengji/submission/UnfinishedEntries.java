package cn.zhengji.submission;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who still has to hand in entries of a campaign: the owners of its drafts and of its
 * entries returned to be changed, for the deadline reminder (notification module).
 */
@Service
@Transactional(readOnly = true)
public class UnfinishedEntries {

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

	UnfinishedEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The owners of the campaign's entries in state DRAFT or RETURNED. */
	public List<Owner> owners(long campaignId) {
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
