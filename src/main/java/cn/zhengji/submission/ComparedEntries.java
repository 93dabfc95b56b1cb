package cn.zhengji.submission;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 15 (similarity): the entries a match names, in any state, as the approvers and
 * the review admin see them next to the entry they judge (title, campaign, category,
 * submitting unit), and an opaque owner key telling whether two entries have the same
 * owner (the same participant, or the same submitting unit for units' entries); nothing
 * personal. Not scoped to a viewer: the similarity module answers only those who may read
 * the entry asked about.
 */
@Component
public class ComparedEntries {

	/**
	 * An entry a match names.
	 *
	 * @param ownerKey equal for two entries of the same owner, otherwise different
	 */
	public record ComparedEntry(long id, long campaignId, long categoryId, String title, long organisationId,
			String organisationPath, String organisationName, EntryState state, String ownerKey) {
	}

	private final JdbcClient jdbc;

	ComparedEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The given entries by id, in one query; unknown ids are missing. */
	@Transactional(readOnly = true)
	public Map<Long, ComparedEntry> of(Collection<Long> entryIds) {
		Map<Long, ComparedEntry> found = new LinkedHashMap<>();
		if (entryIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select e.id, e.campaign_id, e.category_id, e.title, e.organisation_id, e.organisation_path,
				       o.name as organisation_name, e.state, e.owner_key
				from entry e join organisation_unit o on o.id = e.organisation_id
				where e.id = any(cast(? as bigint[])) order by e.id
				""")
			.param(entryIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs) -> {
				long id = rs.getLong("id");
				found.put(id,
						new ComparedEntry(id, rs.getLong("campaign_id"), rs.getLong("category_id"),
								rs.getString("title"), rs.getLong("organisation_id"), rs.getString("organisation_path"),
								rs.getString("organisation_name"), EntryState.valueOf(rs.getString("state")),
								rs.getString("owner_key")));
			});
		return found;
	}

}
