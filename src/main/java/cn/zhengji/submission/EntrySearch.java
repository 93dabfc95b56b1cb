package cn.zhengji.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload.Rows;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-X-2 The admins' lists and queues of entries: filtered, paged for the page, streamed
 * from a cursor for the Excel export. Always scoped to the actor's subtree
 * ({@link SignedInUser#adminScope()}); a filter on a unit outside it matches nothing.
 */
@Service
@Transactional(readOnly = true)
public class EntrySearch {

	public static final int PAGE_SIZE = 50;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String FROM = """
			from entry e
			     join campaign c on c.id = e.campaign_id
			     join campaign_category k on k.id = e.category_id
			     join organisation o on o.id = e.organisation_id
			     join account a on a.id = e.created_by
			     left join organisation w on w.id = e.pending_organisation_id
			""";

	// Judgement items without an answer: the same rule as the approval module's batch
	// approval, so a
	// box the queue offers is one the batch does not refuse for that reason.
	private static final String COLUMNS = """
			select e.id, c.title as campaign_title, k.name as category_name, e.title, e.state,
			       o.name as organisation_name, a.display_name as submitter_name, w.name as waiting_at_name,
			       e.submitted_at, e.pending_since, e.updated_at, e.version, e.organisation_id, e.organisation_path,
			       greatest(0, jsonb_array_length(coalesce(k.rules -> 'judgements', '[]'::jsonb))
			           - (select count(*) from entry_judgement j where j.entry_id = e.id))::int as open_judgements
			""";

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final PersonalDataCipher cipher;

	private final MessageSource messages;

	EntrySearch(JdbcClient jdbc, Organisations organisations, PersonalDataCipher cipher, MessageSource messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.cipher = cipher;
	}

	public record Page(List<EntryRow> rows, long total, int page) {

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}
	}

	/**
	 * One page (0-based) of the entries the filter selects; the queue oldest first, lists
	 * newest first.
	 */
	public Page search(SignedInUser actor, EntryFilter filter, int page) {
		Where where = where(actor, filter);
		long total = jdbc.sql("select count(*) " + FROM + where.sql).params(where.params).query(Long.class).single();
		int safePage = (int) Math.max(0, Math.min(page, (total - 1) / PAGE_SIZE));
		List<EntryRow> rows = jdbc.sql(COLUMNS + FROM + where.sql + order(filter) + " limit :limit offset :offset")
			.params(where.params)
			.param("limit", PAGE_SIZE)
			.param("offset", safePage * PAGE_SIZE)
			.query(EntrySearch::row)
			.list();
		return new Page(rows, total, safePage);
	}

	/** The columns of {@link #export}, in order. */
	public static final List<String> EXPORT_HEADERS = List.of("编号", "活动", "项目", "作品名称", "状态", "申报单位", "申报人", "当前审核单位",
			"提交时间", "等待起始", "更新时间", "待确认事项", "候选人姓名", "候选人手机号码", "候选人身份证号");

	/**
	 * Streams every entry the filter selects into the sheet, row by row from a cursor.
	 * The nominee's mobile and ID number are written in full only where
	 * {@link EntryPolicy#maySeePersonalData} allows it, masked otherwise.
	 * @return how many rows carried personal data in full (for the audit log)
	 */
	public long export(SignedInUser actor, EntryFilter filter, Rows sheet) {
		Organisation own = organisations.findById(actor.organisationId()).orElseThrow();
		Where where = where(actor, filter);
		long[] full = { 0 };
		jdbc.sql(COLUMNS + """
				, n.name as nominee_name, n.mobile_cipher, n.mobile_masked, n.id_number_cipher, n.id_number_masked
				""" + FROM + " left join entry_nomination n on n.entry_id = e.id " + where.sql + order(filter))
			.params(where.params)
			.withFetchSize(1000)
			.query(rs -> {
				EntryRow row = row(rs, 0);
				boolean mayUnmask = EntryPolicy.maySeePersonalData(actor, own, rs.getLong("organisation_id"),
						rs.getString("organisation_path"));
				String mobile = personal(rs, "mobile", mayUnmask);
				String idNumber = personal(rs, "id_number", mayUnmask);
				if (mayUnmask && (rs.getBytes("mobile_cipher") != null || rs.getBytes("id_number_cipher") != null)) {
					full[0]++;
				}
				sheet.row(row.id(), row.campaignTitle(), row.categoryName(), row.title(),
						messages.getMessage("submission.state." + row.state().name(), null, Locale.SIMPLIFIED_CHINESE),
						row.organisationName(), row.submitterName(), row.waitingAtName(), row.submittedAt(),
						row.waitingSince(), row.updatedAt(), row.hasOpenJudgements() ? row.openJudgements() : null,
						rs.getString("nominee_name"), mobile, idNumber);
			});
		return full[0];
	}

	private String personal(ResultSet rs, String column, boolean mayUnmask) throws SQLException {
		byte[] stored = rs.getBytes(column + "_cipher");
		if (stored == null) {
			return null;
		}
		return mayUnmask ? cipher.decrypt(stored) : rs.getString(column + "_masked");
	}

	/** A human summary of a filter for the audit log. */
	public static Map<String, Object> describe(EntryFilter filter) {
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

	private Where where(SignedInUser actor, EntryFilter filter) {
		StringBuilder sql = new StringBuilder(" where e.organisation_path like :scope || '%'");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", actor.adminScope());
		if (filter.organisationId() != null) {
			String path = organisations.findById(filter.organisationId())
				.map(Organisation::path)
				.filter(actor::administers)
				.orElse("#none#");
			sql.append(" and e.organisation_path like :unit || '%'");
			params.put("unit", path);
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
						.atStartOfDay(CHINA)
						.toOffsetDateTime()
						.withOffsetSameInstant(ZoneOffset.UTC));
		}
		if (filter.submittedTo() != null) {
			sql.append(" and e.submitted_at < :to");
			params.put("to",
					filter.submittedTo()
						.plusDays(1)
						.atStartOfDay(CHINA)
						.toOffsetDateTime()
						.withOffsetSameInstant(ZoneOffset.UTC));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			sql.append(" and (strpos(e.title, :text) > 0 or strpos(o.name, :text) > 0)");
			params.put("text", filter.text().strip());
		}
		return new Where(sql.toString(), params);
	}

	private static String order(EntryFilter filter) {
		return filter.waitingAt() != null ? " order by e.pending_since, e.id"
				: " order by e.updated_at desc, e.id desc";
	}

	private static EntryRow row(ResultSet rs, int n) throws SQLException {
		return new EntryRow(rs.getLong("id"), rs.getString("campaign_title"), rs.getString("category_name"),
				rs.getString("title"), EntryState.valueOf(rs.getString("state")), rs.getString("organisation_name"),
				rs.getString("submitter_name"), rs.getString("waiting_at_name"), instant(rs, "submitted_at"),
				instant(rs, "pending_since"), instant(rs, "updated_at"), rs.getInt("open_judgements"),
				rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
