package cn.zhengji.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.DisplayTimeZone;
import cn.zhengji.infrastructure.database.Subtree;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload.Rows;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.EntryPolicy;
import cn.zhengji.submission.EntryState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-X-2 The admins' lists and queues of entries (作品管理, 待我审核): filtered, paged for the
 * page, streamed from a cursor for the Excel export. Always scoped to the actor's subtree
 * ({@link SignedInUser#adminScope()}); a filter on a unit outside it matches nothing.
 *
 * <p>
 * The worklists are the approval chain's: they read the entries through the view
 * {@code entry_listing} that the submission module publishes (V85), and the open
 * judgement items through this module's own view {@code entry_open_judgement} (V87), the
 * one place of that rule.
 */
@Service
@Transactional(readOnly = true)
public class Worklists {

	public static final int PAGE_SIZE = 50;

	private static final String FROM = """
			from entry_listing e join entry_open_judgement j on j.entry_id = e.id
			""";

	// Judgement items without an answer: the same view as the batch approval's check, so
	// a box the
	// queue offers is one the batch does not refuse for that reason.
	private static final String COLUMNS = """
			select e.id, e.campaign_title, e.category_name, e.title, e.state, e.organisation_name, e.submitter_name,
			       e.waiting_at_name, e.recommended_by_name, e.decided_by_name, e.submitted_at, e.pending_since,
			       e.updated_at, e.version, e.organisation_id, e.organisation_path, j.open_judgements
			""";

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final PersonalDataCipher cipher;

	private final Texts texts;

	private final DisplayTimeZone displayTimeZone;

	private final Entries entries;

	Worklists(JdbcClient jdbc, Organisations organisations, PersonalDataCipher cipher, Texts texts,
			DisplayTimeZone displayTimeZone, Entries entries) {
		this.entries = entries;
		this.texts = texts;
		this.displayTimeZone = displayTimeZone;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.cipher = cipher;
	}

	/**
	 * @param reviewFlags per entry of the page, what its files' checks leave to a person
	 * ("音质", "时长"); entries without any are absent
	 */
	public record Page(List<WorklistRow> rows, long total, int page, Map<Long, List<String>> reviewFlags) {

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

		/** What the files of the entry leave to a person, empty if nothing. */
		public List<String> flagsOf(long entryId) {
			return reviewFlags.getOrDefault(entryId, List.of());
		}
	}

	/**
	 * One page (0-based) of the entries the filter selects; the queue oldest first, lists
	 * newest first.
	 */
	public Page search(SignedInUser actor, WorklistFilter filter, int page) {
		Where where = where(actor, filter);
		long total = jdbc.sql("select count(*) " + FROM + where.sql).params(where.params).query(Long.class).single();
		int safePage = (int) Math.max(0, Math.min(page, (total - 1) / PAGE_SIZE));
		List<WorklistRow> rows = jdbc.sql(COLUMNS + FROM + where.sql + order(filter) + " limit :limit offset :offset")
			.params(where.params)
			.param("limit", PAGE_SIZE)
			.param("offset", safePage * PAGE_SIZE)
			.query(Worklists::row)
			.list();
		return new Page(rows, total, safePage, entries.reviewFlags(rows.stream().map(WorklistRow::id).toList()));
	}

	/** The message keys of the columns of {@link #export}, in order. */
	public static final List<String> EXPORT_COLUMNS = List
		.of("id", "campaign", "category", "title", "state", "organisation", "submitter", "waitingAt", "submittedAt",
				"waitingSince", "updatedAt", "openJudgements", "nomineeName", "nomineeMobile", "nomineeIdNumber")
		.stream()
		.map(column -> "approval.export.column." + column)
		.toList();

	/**
	 * Streams every entry the filter selects into the sheet, row by row from a cursor,
	 * the nominee's mobile and ID number masked (the default export).
	 */
	public void export(SignedInUser actor, WorklistFilter filter, Rows sheet) {
		write(actor, filter, false, sheet, () -> {
		});
	}

	/**
	 * R-NOM-2 As {@link #export}, with the nominee's mobile and ID number in full on each
	 * row whose personal data {@link EntryPolicy#maySeePersonalData} lets the actor see —
	 * the same rule as the entry page's "查看完整信息" — and masked on the others.
	 * @param personShownInFull told once for each row written with personal data in full
	 */
	public void exportWithPersonalData(SignedInUser actor, WorklistFilter filter, Rows sheet,
			Runnable personShownInFull) {
		write(actor, filter, true, sheet, personShownInFull);
	}

	private void write(SignedInUser actor, WorklistFilter filter, boolean inFull, Rows sheet,
			Runnable personShownInFull) {
		Organisation own = organisations.findById(actor.organisationId()).orElseThrow();
		Where where = where(actor, filter);
		jdbc.sql(COLUMNS + """
				, e.nominee_name, e.mobile_cipher, e.mobile_masked, e.id_number_cipher, e.id_number_masked
				""" + FROM + where.sql + order(filter)).params(where.params).withFetchSize(1000).query(rs -> {
			WorklistRow row = row(rs, 0);
			boolean unmask = inFull && EntryPolicy.maySeePersonalData(actor, own, rs.getLong("organisation_id"),
					rs.getString("organisation_path"));
			String mobile = personal(rs, "mobile", unmask);
			String idNumber = personal(rs, "id_number", unmask);
			if (unmask && (mobile != null || idNumber != null)) {
				personShownInFull.run();
			}
			sheet.row(row.id(), row.campaignTitle(), row.categoryName(), row.title(),
					texts.text("submission.state." + row.state().name()), row.organisationName(), row.submitterName(),
					row.waitingAtName(), row.submittedAt(), row.waitingSince(), row.updatedAt(),
					row.hasOpenJudgements() ? row.openJudgements() : null, rs.getString("nominee_name"), mobile,
					idNumber);
		});
	}

	private String personal(ResultSet rs, String column, boolean mayUnmask) throws SQLException {
		byte[] stored = rs.getBytes(column + "_cipher");
		if (stored == null) {
			return null;
		}
		return mayUnmask ? cipher.decrypt(stored) : rs.getString(column + "_masked");
	}

	/** A human summary of a filter for the audit log. */
	public static Map<String, Object> describe(WorklistFilter filter) {
		Map<String, Object> described = new LinkedHashMap<>();
		if (filter.campaignId() != null) {
			described.put("campaign", filter.campaignId());
		}
		if (filter.categoryId() != null) {
			described.put("category", filter.categoryId());
		}
		if (filter.state() != null) {
			described.put("state", filter.state().name());
		}
		if (filter.organisationId() != null) {
			described.put("organisation", filter.organisationId());
		}
		if (filter.submittedFrom() != null) {
			described.put("from", filter.submittedFrom().toString());
		}
		if (filter.submittedTo() != null) {
			described.put("to", filter.submittedTo().toString());
		}
		if (filter.text() != null) {
			described.put("text", filter.text());
		}
		if (filter.waitingAt() != null) {
			described.put("waitingAt", filter.waitingAt());
		}
		return described;
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private Where where(SignedInUser actor, WorklistFilter filter) {
		StringBuilder sql = new StringBuilder(" where " + Subtree.sql("e.organisation_path", "scope"));
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", Subtree.administeredBy(actor).pattern());
		if (filter.organisationId() != null) {
			// A unit outside the actor's subtree matches nothing.
			Optional<Subtree> unit = organisations.findById(filter.organisationId())
				.map(Organisation::path)
				.filter(actor::administers)
				.map(Subtree::new);
			sql.append(unit.isPresent() ? " and " + Subtree.sql("e.organisation_path", "unit") : " and false");
			unit.ifPresent(subtree -> params.put("unit", subtree.pattern()));
		}
		if (filter.campaignId() != null) {
			sql.append(" and e.campaign_id = :campaign");
			params.put("campaign", filter.campaignId());
		}
		if (filter.categoryId() != null) {
			sql.append(" and e.category_id = :category");
			params.put("category", filter.categoryId());
		}
		if (filter.state() != null) {
			sql.append(" and e.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.waitingAt() != null) {
			sql.append(" and e.state = 'SUBMITTED' and e.pending_organisation_id = :waitingAt");
			params.put("waitingAt", filter.waitingAt());
		}
		if (filter.submittedFrom() != null) {
			sql.append(" and e.submitted_at >= :from");
			params.put("from",
					filter.submittedFrom()
						.atStartOfDay(displayTimeZone.zone())
						.toOffsetDateTime()
						.withOffsetSameInstant(ZoneOffset.UTC));
		}
		if (filter.submittedTo() != null) {
			sql.append(" and e.submitted_at < :to");
			params.put("to",
					filter.submittedTo()
						.plusDays(1)
						.atStartOfDay(displayTimeZone.zone())
						.toOffsetDateTime()
						.withOffsetSameInstant(ZoneOffset.UTC));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			sql.append(" and (strpos(e.title, :text) > 0 or strpos(e.organisation_name, :text) > 0)");
			params.put("text", filter.text().strip());
		}
		return new Where(sql.toString(), params);
	}

	private static String order(WorklistFilter filter) {
		return filter.waitingAt() != null ? " order by e.pending_since, e.id"
				: " order by e.updated_at desc, e.id desc";
	}

	private static WorklistRow row(ResultSet rs, int n) throws SQLException {
		return new WorklistRow(rs.getLong("id"), rs.getString("campaign_title"), rs.getString("category_name"),
				rs.getString("title"), EntryState.valueOf(rs.getString("state")), rs.getString("organisation_name"),
				rs.getString("submitter_name"), rs.getString("waiting_at_name"), rs.getString("recommended_by_name"),
				rs.getString("decided_by_name"), instant(rs, "submitted_at"), instant(rs, "pending_since"),
				instant(rs, "updated_at"), rs.getInt("open_judgements"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
