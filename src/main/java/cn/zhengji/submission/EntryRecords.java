package cn.zhengji.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.zhengji.campaign.CategoryRules.SubmitterKind;
import cn.zhengji.media.Inspection;
import cn.zhengji.submission.EntryTransitioned.Step;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The tables of the submission module (V50). Callers scope and authorise; this class only
 * reads and writes.
 */
@Repository
class EntryRecords {

	private static final String ENTRY_SELECT = """
			select e.id, e.campaign_id, e.category_id, e.created_by, e.submitter_kind, e.owner_key, e.organisation_id,
			       e.organisation_path, o.name as organisation_name, e.title, e.state, e.texts::text as texts,
			       e.created_at, e.updated_at, e.submitted_at, e.version, e.pending_organisation_id, e.pending_since,
			       e.decided_by_organisation_id, e.recommended_by_organisation_id
			from entry e join organisation_unit o on o.id = e.organisation_id
			""";

	private static final String SUMMARY_SELECT = """
			select e.id, c.code as campaign_code, c.title as campaign_title, k.name as category_name, e.title, e.state,
			       o.name as organisation_name, a.display_name as submitter_name, e.updated_at,
			       p.name as pending_organisation_name, r.name as recommended_by_name, d.name as decided_by_name
			from entry e join campaign_title c on c.id = e.campaign_id join campaign_category_name k on k.id = e.category_id
			     join organisation_unit o on o.id = e.organisation_id join account_name a on a.id = e.created_by
			     left join organisation_unit p on p.id = e.pending_organisation_id
			     left join organisation_unit r on r.id = e.recommended_by_organisation_id
			     left join organisation_unit d on d.id = e.decided_by_organisation_id
			""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	EntryRecords(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(long campaignId, long categoryId, long createdBy, SubmitterKind kind, String ownerKey,
			boolean singlePerOwner, long organisationId, String organisationPath, String title, Instant now) {
		return jdbc.sql("""
				insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
				    organisation_id, organisation_path, title, state, created_at, updated_at)
				values (:campaign, :category, :createdBy, :kind, :owner, :single, :organisation, :path, :title, 'DRAFT',
				    :now, :now)
				returning id
				""")
			.param("campaign", campaignId)
			.param("category", categoryId)
			.param("createdBy", createdBy)
			.param("kind", kind.name())
			.param("owner", ownerKey)
			.param("single", singlePerOwner)
			.param("organisation", organisationId)
			.param("path", organisationPath)
			.param("title", title)
			.param("now", utc(now))
			.query(Long.class)
			.single();
	}

	Optional<Entry> find(long id) {
		return jdbc.sql(ENTRY_SELECT + " where e.id = ?").param(id).query(this::entry).optional();
	}

	/**
	 * The entry, its row locked until the end of the transaction (attaching files,
	 * transitions).
	 */
	Optional<Entry> lock(long id) {
		return jdbc.sql(ENTRY_SELECT + " where e.id = ? for update of e").param(id).query(this::entry).optional();
	}

	/**
	 * Writes title, texts, state and times if nobody changed the entry since
	 * {@code expectedVersion}.
	 * @return false when the version moved on (a concurrent change)
	 */
	boolean update(Entry entry, int expectedVersion) {
		return jdbc.sql("""
				update entry set title = :title, texts = cast(:texts as jsonb), state = :state, updated_at = :updated,
				    submitted_at = :submitted, pending_organisation_id = :pending, pending_since = :pendingSince,
				    decided_by_organisation_id = :decidedBy, recommended_by_organisation_id = :recommendedBy,
				    version = version + 1
				where id = :id and version = :version
				""")
			.param("pending", entry.pendingOrganisationId())
			.param("decidedBy", entry.decidedById())
			.param("recommendedBy", entry.recommendedById())
			.param("pendingSince", entry.pendingSince() == null ? null : utc(entry.pendingSince()))
			.param("title", entry.title())
			.param("texts", json.writeValueAsString(entry.texts().values()))
			.param("state", entry.state().name())
			.param("updated", utc(entry.updatedAt()))
			.param("submitted", entry.submittedAt() == null ? null : utc(entry.submittedAt()))
			.param("id", entry.id())
			.param("version", expectedVersion)
			.update() == 1;
	}

	List<EntrySummary> summariesOwnedBy(List<String> ownerKeys) {
		return jdbc.sql(SUMMARY_SELECT + " where e.owner_key in (:owners) order by e.updated_at desc, e.id desc")
			.param("owners", ownerKeys)
			.query(EntryRecords::summary)
			.list();
	}

	Map<Long, Integer> approvedCounts(Collection<Long> categoryIds) {
		Map<Long, Integer> counts = new HashMap<>();
		if (categoryIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				select category_id, count(*) from entry where category_id in (:ids) and state = 'APPROVED'
				group by category_id
				""").param("ids", categoryIds).query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
		return counts;
	}

	Map<Long, String> titles(Collection<Long> entryIds) {
		Map<Long, String> titles = new HashMap<>();
		if (entryIds.isEmpty()) {
			return titles;
		}
		jdbc.sql("select id, title from entry where id = any(cast(:ids as bigint[]))")
			.param("ids", entryIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs, n) -> titles.put(rs.getLong(1), rs.getString(2)))
			.list();
		return titles;
	}

	List<ReviewedWork> reviewedWorks(java.util.Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select e.id, e.title, o.name as organisation_name, e.submitted_at, e.state
				from entry e join organisation_unit o on o.id = e.organisation_id
				where e.id = any (?) order by e.id
				""")
			.param(entryIds.stream().mapToLong(Long::longValue).boxed().toArray(Long[]::new))
			.query((rs, n) -> new ReviewedWork(rs.getLong("id"), rs.getString("title"),
					rs.getString("organisation_name"),
					rs.getObject("submitted_at", java.time.OffsetDateTime.class) == null ? null
							: rs.getObject("submitted_at", java.time.OffsetDateTime.class).toInstant(),
					EntryState.valueOf(rs.getString("state"))))
			.list();
	}

	private static final String PUBLIC_WORK_SELECT = """
			select e.id, e.campaign_id, e.category_id, e.title, e.organisation_id, e.organisation_path,
			       o.name as organisation_name, e.state
			from entry e join organisation_unit o on o.id = e.organisation_id
			""";

	private static PublicWork publicWork(ResultSet rs, int n) throws SQLException {
		return new PublicWork(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("category_id"),
				rs.getString("title"), rs.getLong("organisation_id"), rs.getString("organisation_path"),
				rs.getString("organisation_name"), EntryState.valueOf(rs.getString("state")));
	}

	/**
	 * The campaign's entries in one of {@code states} or among {@code alsoIds} (when in
	 * one of {@code alsoStates}), whose title matches {@code query} when it is not empty:
	 * contains it (any length), or for three characters and more is similar to it
	 * (pg_trgm); best match first, then by id.
	 */
	List<PublicWork> publicWorks(long campaignId, Collection<EntryState> states, Collection<Long> alsoIds,
			Collection<EntryState> alsoStates, String query) {
		String q = query == null ? "" : query.strip();
		String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql(PUBLIC_WORK_SELECT + """
				where e.campaign_id = :campaign
				  and (e.state = any(cast(:states as text[]))
				       or (e.id = any(cast(:ids as bigint[])) and e.state = any(cast(:alsoStates as text[]))))
				  and (:q = '' or e.title ilike :like or (char_length(:q) >= 3 and e.title % :q))
				order by case when :q = '' then 0 else similarity(e.title, :q) end desc, e.id
				""")
			.param("campaign", campaignId)
			.param("states", textArray(states))
			.param("ids", alsoIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.param("alsoStates", textArray(alsoStates))
			.param("q", q)
			.param("like", like)
			.query(EntryRecords::publicWork)
			.list();
	}

	private static String textArray(Collection<EntryState> states) {
		return states.stream().map(EntryState::name).collect(Collectors.joining(",", "{", "}"));
	}

	Optional<PublicWork> publicWork(long entryId) {
		return jdbc.sql(PUBLIC_WORK_SELECT + " where e.id = ?")
			.param(entryId)
			.query(EntryRecords::publicWork)
			.optional();
	}

	/** The ids of the campaigns with an entry in one of {@code states}. */
	List<Long> campaignsWithEntriesIn(Collection<EntryState> states) {
		return jdbc.sql("select distinct campaign_id from entry where state = any(cast(:states as text[]))")
			.param("states", textArray(states))
			.query(Long.class)
			.list();
	}

	/**
	 * The attachments of the entries but the nomination photo, in entry, slot and id
	 * order.
	 */
	List<PublicFile> publicFiles(Collection<Long> entryIds, String excludedSlot) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, entry_id, slot_key, file_id, content_type from entry_attachment
				where entry_id = any(cast(:ids as bigint[])) and slot_key <> :excluded
				order by entry_id, slot_key, id
				""")
			.param("ids", entryIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.param("excluded", excludedSlot)
			.query((rs, n) -> new PublicFile(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("slot_key"),
					rs.getObject("file_id", UUID.class), rs.getString("content_type")))
			.list();
	}

	List<ApprovedEntry> approvedInCategory(long categoryId) {
		return jdbc
			.sql("select id, organisation_path from entry where category_id = ? and state = 'APPROVED' order by id")
			.param(categoryId)
			.query((rs, n) -> new ApprovedEntry(rs.getLong("id"), rs.getString("organisation_path")))
			.list();
	}

	/**
	 * Per entry, the rules of its files' findings a person must judge (NEEDS_REVIEW), in
	 * one query for a page of entries.
	 */
	Map<Long, java.util.Set<String>> reviewRules(java.util.Collection<Long> entryIds) {
		Map<Long, java.util.Set<String>> rules = new java.util.HashMap<>();
		if (entryIds.isEmpty()) {
			return rules;
		}
		jdbc.sql("""
				select distinct a.entry_id, f ->> 'rule' as rule
				from entry_attachment a cross join lateral jsonb_array_elements(a.inspection -> 'findings') f
				where a.entry_id in (:ids) and f ->> 'verdict' = 'NEEDS_REVIEW'
				order by a.entry_id, rule
				""")
			.param("ids", entryIds)
			.query((rs, n) -> rules.computeIfAbsent(rs.getLong("entry_id"), id -> new java.util.TreeSet<>())
				.add(rs.getString("rule")))
			.list();
		return rules;
	}

	List<Attachment> attachments(long entryId) {
		return jdbc.sql("""
				select id, entry_id, slot_key, section, file_id, file_name, size, sha256, content_type, inspection::text
				       as inspection, attached_at
				from entry_attachment where entry_id = ? order by slot_key, id
				""").param(entryId).query(this::attachment).list();
	}

	/** The attachments of several entries at once, in entry, slot and id order. */
	List<Attachment> attachments(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, entry_id, slot_key, section, file_id, file_name, size, sha256, content_type, inspection::text
				       as inspection, attached_at
				from entry_attachment where entry_id in (:ids) order by entry_id, slot_key, id
				""").param("ids", entryIds).query(this::attachment).list();
	}

	long insertAttachment(long entryId, String slotKey, String section, UUID fileId, String fileName, long size,
			String sha256, Inspection inspection, long attachedBy, Instant now) {
		return jdbc.sql("""
				insert into entry_attachment (entry_id, slot_key, section, file_id, file_name, size, sha256,
				    detected_kind, content_type, inspection, blocking, attached_by, attached_at)
				values (:entry, :slot, :section, :file, :name, :size, :sha, :kind, :type, cast(:inspection as jsonb),
				    :blocking, :by, :at)
				returning id
				""")
			.param("entry", entryId)
			.param("slot", slotKey)
			.param("section", section)
			.param("file", fileId)
			.param("name", fileName)
			.param("size", size)
			.param("sha", sha256)
			.param("kind", inspection.detectedKind() == null ? null : inspection.detectedKind().name())
			.param("type", inspection.contentType() == null ? "application/octet-stream" : inspection.contentType())
			.param("inspection", json.writeValueAsString(inspection))
			.param("blocking", inspection.blocksSubmission())
			.param("by", attachedBy)
			.param("at", utc(now))
			.query(Long.class)
			.single();
	}

	boolean deleteAttachment(long entryId, long attachmentId) {
		return jdbc.sql("delete from entry_attachment where id = ? and entry_id = ?")
			.params(attachmentId, entryId)
			.update() == 1;
	}

	/**
	 * A history row naming the step taken and who took it; a level's decision names the
	 * level (organisation).
	 */
	void insertTransition(long entryId, EntryState from, EntryState to, Step step, Long actorId, String actorName,
			Instant at, String remark, Long levelOrganisationId) {
		jdbc.sql("""
				insert into entry_transition (entry_id, from_state, to_state, step, actor_id, actor_name, occurred_at,
				    remark, level_organisation_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(entryId, from == null ? null : from.name(), to.name(), step.name(), actorId, actorName, utc(at),
					remark, levelOrganisationId)
			.update();
	}

	List<Transition> transitions(long entryId) {
		return jdbc.sql("""
				select t.from_state, t.to_state, t.actor_name, t.occurred_at, t.remark, t.step, o.name as level_name
				from entry_transition t left join organisation_unit o on o.id = t.level_organisation_id
				where t.entry_id = ? order by t.occurred_at, t.id
				""")
			.param(entryId)
			.query((rs, n) -> new Transition(
					rs.getString("from_state") == null ? null : EntryState.valueOf(rs.getString("from_state")),
					EntryState.valueOf(rs.getString("to_state")), rs.getString("actor_name"),
					instant(rs, "occurred_at"), rs.getString("remark"), rs.getString("level_name"),
					Step.valueOf(rs.getString("step"))))
			.list();
	}

	/** Writes one of the three opinions of a nomination form, if the entry has a form. */
	void saveOpinion(long entryId, NominationOpinion which, String opinion) {
		jdbc.sql("update entry_nomination set " + which.column() + " = ? where entry_id = ?")
			.params(opinion, entryId)
			.update();
	}

	/**
	 * Forgets the opinions of an earlier round (a returned or re-edited nomination is
	 * judged again).
	 */
	void clearOpinions(long entryId) {
		jdbc.sql("""
				update entry_nomination set work_unit_opinion = null, recommending_unit_opinion = null,
				    province_opinion = null where entry_id = ?
				""").param(entryId).update();
	}

	void insertAcceptance(long entryId, long declarationId, String code, int textVersion, long accountId, Instant at) {
		jdbc.sql("""
				insert into entry_declaration (entry_id, declaration_id, code, text_version, account_id, accepted_at)
				values (?, ?, ?, ?, ?, ?)
				""").params(entryId, declarationId, code, textVersion, accountId, utc(at)).update();
	}

	List<DeclarationAcceptance> acceptances(long entryId) {
		return jdbc.sql("""
				select d.code, d.text_version, cd.title, a.display_name, d.accepted_at
				from entry_declaration d join campaign_declaration_title cd on cd.id = d.declaration_id
				     join account_name a on a.id = d.account_id
				where d.entry_id = ? order by d.accepted_at, d.id
				""")
			.param(entryId)
			.query((rs, n) -> new DeclarationAcceptance(rs.getString("code"), rs.getInt("text_version"),
					rs.getString("title"), rs.getString("display_name"), instant(rs, "accepted_at")))
			.list();
	}

	/**
	 * The nomination row, with the ciphers of the personal data, if the form was ever
	 * saved.
	 */
	Optional<NominationRow> nomination(long entryId) {
		return jdbc.sql("select * from entry_nomination where entry_id = ?").param(entryId).query((rs, n) -> {
			java.sql.Date birth = rs.getDate("birth_month");
			Nomination shown = new Nomination(rs.getString("name"), rs.getString("sex"),
					birth == null ? null : YearMonth.from(birth.toLocalDate()), rs.getString("political_status"),
					rs.getString("account_name"), rs.getString("platform"), rs.getString("followers"),
					rs.getString("unit_and_position"), rs.getString("mobile_masked"), rs.getString("id_number_masked"),
					rs.getString("profile"), rs.getString("reasons"), rs.getString("work_unit_opinion"),
					rs.getString("recommending_unit_opinion"), rs.getString("province_opinion"));
			return new NominationRow(shown, rs.getBytes("mobile_cipher"), rs.getBytes("id_number_cipher"));
		}).optional();
	}

	/**
	 * Writes the fields a nominator fills in; the three opinions are left as they are.
	 */
	void saveNomination(long entryId, Nomination form, byte[] mobileCipher, byte[] idNumberCipher) {
		jdbc.sql(
				"""
						insert into entry_nomination (entry_id, name, sex, birth_month, political_status, account_name, platform,
						    followers, unit_and_position, mobile_cipher, mobile_masked, id_number_cipher, id_number_masked,
						    profile, reasons)
						values (:entry, :name, :sex, :birth, :political, :account, :platform, :followers, :unit, :mobileCipher,
						    :mobileMasked, :idCipher, :idMasked, :profile, :reasons)
						on conflict (entry_id) do update set name = excluded.name, sex = excluded.sex,
						    birth_month = excluded.birth_month, political_status = excluded.political_status,
						    account_name = excluded.account_name, platform = excluded.platform, followers = excluded.followers,
						    unit_and_position = excluded.unit_and_position, mobile_cipher = excluded.mobile_cipher,
						    mobile_masked = excluded.mobile_masked, id_number_cipher = excluded.id_number_cipher,
						    id_number_masked = excluded.id_number_masked, profile = excluded.profile, reasons = excluded.reasons
						""")
			.param("entry", entryId)
			.param("name", form.name())
			.param("sex", form.sex())
			.param("birth", form.birthMonth() == null ? null : form.birthMonth().atDay(1))
			.param("political", form.politicalStatus())
			.param("account", form.accountName())
			.param("platform", form.platform())
			.param("followers", form.followers())
			.param("unit", form.unitAndPosition())
			.param("mobileCipher", mobileCipher)
			.param("mobileMasked", form.mobileMasked())
			.param("idCipher", idNumberCipher)
			.param("idMasked", form.idNumberMasked())
			.param("profile", form.profile())
			.param("reasons", form.reasons())
			.update();
	}

	record NominationRow(Nomination shown, byte[] mobileCipher, byte[] idNumberCipher) {
	}

	private Entry entry(ResultSet rs, int n) throws SQLException {
		Map<String, String> texts = json.readValue(rs.getString("texts"), new TypeReference<Map<String, String>>() {
		});
		return new Entry(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("category_id"),
				rs.getLong("created_by"), SubmitterKind.valueOf(rs.getString("submitter_kind")),
				rs.getString("owner_key"), rs.getLong("organisation_id"), rs.getString("organisation_path"),
				rs.getString("organisation_name"), rs.getString("title"), EntryState.valueOf(rs.getString("state")),
				new EntryTexts(texts), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "submitted_at"), rs.getInt("version"), nullableLong(rs, "pending_organisation_id"),
				instant(rs, "pending_since"), nullableLong(rs, "decided_by_organisation_id"),
				nullableLong(rs, "recommended_by_organisation_id"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private Attachment attachment(ResultSet rs, int n) throws SQLException {
		return new Attachment(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("slot_key"),
				rs.getString("section"), rs.getObject("file_id", UUID.class), rs.getString("file_name"),
				rs.getLong("size"), rs.getString("sha256"), rs.getString("content_type"),
				json.readValue(rs.getString("inspection"), Inspection.class), instant(rs, "attached_at"));
	}

	private static EntrySummary summary(ResultSet rs, int n) throws SQLException {
		return new EntrySummary(rs.getLong("id"), rs.getString("campaign_code"), rs.getString("campaign_title"),
				rs.getString("category_name"), rs.getString("title"), EntryState.valueOf(rs.getString("state")),
				rs.getString("organisation_name"), rs.getString("submitter_name"), instant(rs, "updated_at"),
				new EntryStatus(EntryState.valueOf(rs.getString("state")), rs.getString("pending_organisation_name"),
						rs.getString("recommended_by_name"), rs.getString("decided_by_name")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
