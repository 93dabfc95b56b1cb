package cn.zhengji.support;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.organisation.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Entries (作品) as scenery, written directly: a draft in a category of a campaign, and an
 * entry put in an organisation's queue as the approval chain would. Tests of the entry
 * lifecycle itself go through {@code submission}'s API instead.
 */
public final class TestEntries {

	private final JdbcClient jdbc;

	public TestEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A draft in the category of the campaign, owned by the account
	 * {@code ownerAccountId} (a worker's entry) or, when it is null, by the organisation.
	 */
	public long draft(Campaign campaign, long categoryId, Organisation organisation, Long ownerAccountId,
			long createdBy, String title) {
		return jdbc.sql("""
				insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
				    organisation_id, organisation_path, title, state, created_at, updated_at)
				values (?, ?, ?, ?, ?, false, ?, ?, ?, 'DRAFT', now(), now()) returning id
				""")
			.params(campaign.id(), categoryId, createdBy, ownerAccountId == null ? "UNION_ORGANISATION" : "WORKER",
					ownerAccountId == null ? "organisation:" + organisation.id() : "account:" + ownerAccountId,
					organisation.id(), organisation.path(), title)
			.query(Long.class)
			.single();
	}

	/** Puts an entry in the queue of an organisation, as the approval chain does. */
	public void waitAt(long entryId, Organisation pending) {
		jdbc.sql("""
				update entry set state = 'SUBMITTED', submitted_at = now(), pending_organisation_id = ?,
				    pending_since = now() where id = ?
				""").params(pending.id(), entryId).update();
	}

	/**
	 * Marks an entry approved at the top of its chain by the host, as the approval chain
	 * does.
	 */
	public void approvedBy(long entryId, Organisation host) {
		jdbc.sql("""
				update entry set state = 'APPROVED', submitted_at = now(), pending_organisation_id = null,
				    pending_since = null, decided_by_organisation_id = ? where id = ?
				""").params(host.id(), entryId).update();
	}

	/**
	 * Issue 13: makes an AWARDED entry's award final (AWARD_FINAL), as the end of its
	 * publicity period (公示) will. Stands in for the publicity module until it lands: then
	 * it becomes that module's real path (publish the results, let the period end). Only
	 * for entries the real review lock made AWARDED.
	 */
	public void publicityEnded(long entryId) {
		int changed = jdbc.sql("update entry set state = 'AWARD_FINAL' where id = ? and state = 'AWARDED'")
			.param(entryId)
			.update();
		if (changed != 1) {
			throw new IllegalStateException("entry " + entryId + " is not AWARDED");
		}
	}

}
