package cn.zhengji.submission;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.zhengji.campaign.CategoryRules.SubmitterKind;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 14 (R-APR-2): what the province's hand-off to the national campaign reads of its
 * entries: the works that may be recommended (approved by the host, or awarded), their
 * files with the SHA-256 stored when they were uploaded, and the nomination form as PDF.
 * Kept apart from {@link Entries} so that the hand-off's needs stay in one place.
 */
@Service
@Transactional(readOnly = true)
public class HandoffEntries {

	/** The states a work may be recommended to the national campaign in. */
	public static final List<EntryState> RECOMMENDABLE = List.of(EntryState.APPROVED, EntryState.AWARDED,
			EntryState.IN_PUBLICITY, EntryState.AWARD_FINAL);

	/**
	 * A work as the hand-off lists it.
	 *
	 * @param author the participant who submitted it, or the unit for a unit's entry
	 * @param organisationPath the submitting unit's path (its chain up to the province)
	 */
	public record Work(long id, long campaignId, long categoryId, String title, EntryState state, String author,
			long organisationId, String organisationPath, String organisationName) {
	}

	/** A file of a work: its stored file and the SHA-256 kept since its upload. */
	public record File(long attachmentId, long entryId, String slotKey, UUID fileId, String fileName, long size,
			String sha256) {
	}

	private final JdbcClient jdbc;

	private final NominationForms nominations;

	HandoffEntries(JdbcClient jdbc, NominationForms nominations) {
		this.jdbc = jdbc;
		this.nominations = nominations;
	}

	private static final String WORK_SELECT = """
			select e.id, e.campaign_id, e.category_id, e.title, e.state, e.submitter_kind, e.organisation_id,
			       e.organisation_path, o.name as organisation_name, a.display_name
			from entry e join organisation_unit o on o.id = e.organisation_id left join account_name a on e.owner_key = 'account:' || a.id
			""";

	/** The campaign's works that may be recommended, by id. */
	public List<Work> recommendable(long campaignId) {
		return jdbc
			.sql(WORK_SELECT + " where e.campaign_id = :campaign and e.state = any(cast(:states as text[]))"
					+ " order by e.id")
			.param("campaign", campaignId)
			.param("states", RECOMMENDABLE.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}")))
			.query(HandoffEntries::work)
			.list();
	}

	/** The given works, in id order. */
	public List<Work> works(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(WORK_SELECT + " where e.id = any(cast(:ids as bigint[])) order by e.id")
			.param("ids", ids(entryIds))
			.query(HandoffEntries::work)
			.list();
	}

	/**
	 * The files of the given works, the nomination photo left out (it is printed on the
	 * form), by work, slot and attachment.
	 */
	public List<File> files(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, entry_id, slot_key, file_id, file_name, size, sha256 from entry_attachment
				where entry_id = any(cast(:ids as bigint[])) and slot_key <> :photo
				order by entry_id, slot_key, id
				""")
			.param("ids", ids(entryIds))
			.param("photo", NominationForms.PHOTO_SLOT)
			.query((rs, n) -> new File(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("slot_key"),
					rs.getObject("file_id", UUID.class), rs.getString("file_name"), rs.getLong("size"),
					rs.getString("sha256")))
			.list();
	}

	/**
	 * The work's nomination form (附件4) as PDF, personal data masked, for a viewer who may
	 * read the work.
	 */
	public byte[] nominationPdf(SignedInUser actor, long entryId) {
		return nominations.document(actor, entryId, false, false).content();
	}

	private static String ids(Collection<Long> entryIds) {
		return entryIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static Work work(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		boolean unit = SubmitterKind.valueOf(rs.getString("submitter_kind")) == SubmitterKind.UNION_ORGANISATION;
		return new Work(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("category_id"), rs.getString("title"),
				EntryState.valueOf(rs.getString("state")),
				unit ? rs.getString("organisation_name") : rs.getString("display_name"), rs.getLong("organisation_id"),
				rs.getString("organisation_path"), rs.getString("organisation_name"));
	}

}
