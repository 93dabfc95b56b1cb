package cn.zhengji.submission;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 13 item 3: which entries are in given states, for modules that act on every
 * awarded work (the playback module's sweep makes web copies of their files, which it
 * then asks {@link Entries#filesForReview} for). Not scoped to a viewer.
 */
@Component
public class EntriesInStates {

	private final JdbcClient jdbc;

	EntriesInStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The campaign of each entry in one of {@code states}, by entry id, in id order. */
	public Map<Long, Long> campaignOfEach(Collection<EntryState> states) {
		Map<Long, Long> campaigns = new LinkedHashMap<>();
		if (states.isEmpty()) {
			return campaigns;
		}
		jdbc.sql("select id, campaign_id from entry where state = any(cast(:states as text[])) order by id")
			.param("states", array(states))
			.query((rs) -> {
				campaigns.put(rs.getLong("id"), rs.getLong("campaign_id"));
			});
		return campaigns;
	}

	/** The ids of the campaign's entries in one of {@code states}, in id order. */
	public java.util.List<Long> inCampaign(long campaignId, Collection<EntryState> states) {
		if (states.isEmpty()) {
			return java.util.List.of();
		}
		return jdbc.sql(
				"select id from entry where campaign_id = :campaign and state = any(cast(:states as text[])) order by id")
			.param("campaign", campaignId)
			.param("states", array(states))
			.query(Long.class)
			.list();
	}

	private static String array(Collection<EntryState> states) {
		return states.stream().map(EntryState::name).collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

}
