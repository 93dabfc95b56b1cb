package cn.zhengji.submission;

import java.time.Instant;
import java.time.ZoneOffset;

import cn.zhengji.campaign.CategoryRules.SubmitterKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issue 14 item 3: the rows of an entry imported from a province's package — the entry
 * (SUBMITTED, waiting at the national host, decided and recommended by the province) and
 * its {@code entry_import} row. Used by {@link EntryLifecycle#importFromProvince} only.
 */
@Repository
class EntryImportRecords {

	private final JdbcClient jdbc;

	EntryImportRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The entry, handed in and waiting at the national host. @return its id */
	long insertEntry(long campaignId, long categoryId, long createdBy, long provinceId, String provincePath,
			long hostId, String title, Instant now) {
		return jdbc.sql("""
				insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
				    organisation_id, organisation_path, title, state, created_at, updated_at, submitted_at,
				    pending_organisation_id, pending_since, decided_by_organisation_id, recommended_by_organisation_id)
				values (:campaign, :category, :createdBy, :kind, :owner, false, :province, :path, :title, 'SUBMITTED',
				    :now, :now, :now, :host, :now, :province, :province)
				returning id
				""")
			.param("campaign", campaignId)
			.param("category", categoryId)
			.param("createdBy", createdBy)
			.param("kind", SubmitterKind.UNION_ORGANISATION.name())
			.param("owner", Entry.organisationOwner(provinceId))
			.param("province", provinceId)
			.param("path", provincePath)
			.param("title", title)
			.param("host", hostId)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/**
	 * The import row of a new entry; a work imported before (same campaign and source
	 * key) violates {@code entry_import_source_uq}.
	 */
	void insertImport(long entryId, long campaignId, ImportedEntries.ImportedWork work, Instant now) {
		jdbc.sql("""
				insert into entry_import (entry_id, campaign_id, source_key, package_name, author, unit_chain,
				    province_category, award, note, imported_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(entryId, campaignId, work.sourceKey(), work.packageName(), work.author(), work.unitChain(),
					work.provinceCategory(), work.award(), work.note(), now.atOffset(ZoneOffset.UTC))
			.update();
	}

}
