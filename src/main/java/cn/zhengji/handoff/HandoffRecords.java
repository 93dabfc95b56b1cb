package cn.zhengji.handoff;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of the hand-off: handoff_mapping and handoff_selection. */
@Repository
class HandoffRecords {

	/** A selected work: how it was chosen and the admin's note. */
	record Selected(long entryId, String origin, String note, Instant selectedAt) {
	}

	private final JdbcClient jdbc;

	HandoffRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Province category id → national category id, as saved. */
	Map<Long, Long> mapping(long campaignId) {
		Map<Long, Long> mapping = new LinkedHashMap<>();
		jdbc.sql("select category_id, national_category_id from handoff_mapping where campaign_id = ? order by 1")
			.param(campaignId)
			.query((rs, n) -> mapping.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return mapping;
	}

	void saveMapping(long campaignId, long categoryId, long nationalCategoryId, long by, Instant at) {
		jdbc.sql("""
				insert into handoff_mapping (category_id, campaign_id, national_category_id, changed_by, changed_at)
				values (?, ?, ?, ?, ?)
				on conflict (category_id) do update set national_category_id = excluded.national_category_id,
				    changed_by = excluded.changed_by, changed_at = excluded.changed_at
				""").params(categoryId, campaignId, nationalCategoryId, by, java.sql.Timestamp.from(at)).update();
	}

	/** The campaign's selected works by entry id. */
	Map<Long, Selected> selection(long campaignId) {
		Map<Long, Selected> selected = new LinkedHashMap<>();
		jdbc.sql("""
				select entry_id, origin, note, selected_at from handoff_selection where campaign_id = ?
				order by entry_id
				""")
			.param(campaignId)
			.query((rs, n) -> selected.put(rs.getLong(1),
					new Selected(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())))
			.list();
		return selected;
	}

	/** Inserts the selection of a work; false when it was already selected. */
	boolean select(long campaignId, long entryId, String origin, String note, long by, Instant at) {
		return jdbc.sql("""
				insert into handoff_selection (entry_id, campaign_id, origin, note, selected_by, selected_at)
				values (?, ?, ?, ?, ?, ?) on conflict (entry_id) do nothing
				""").params(entryId, campaignId, origin, note, by, java.sql.Timestamp.from(at)).update() == 1;
	}

	/**
	 * Removes the selection of a work; false when it was not selected (or another request
	 * removed it first: the row lock makes the second delete find nothing).
	 */
	boolean withdraw(long campaignId, long entryId) {
		return jdbc.sql("delete from handoff_selection where campaign_id = ? and entry_id = ?")
			.params(campaignId, entryId)
			.update() == 1;
	}

	List<Long> selectedIds(long campaignId) {
		return jdbc.sql("select entry_id from handoff_selection where campaign_id = ? order by entry_id")
			.param(campaignId)
			.query(Long.class)
			.list();
	}

}
