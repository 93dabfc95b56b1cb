package cn.zhengji.voting;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.zhengji.showcase.WorksInVoting;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.PublicWork;
import cn.zhengji.submission.VotableEntries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which works are in a vote: the approved works ({@link VotableEntries}) of a category
 * whose vote is open now. Kept a few seconds per category in memory, so that a vote costs
 * no lookups of the work; a change of the settings on this node forgets at once, on other
 * nodes within {@link #TTL_NANOS}.
 */
@Component
class OpenWorks implements WorksInVoting {

	static final long TTL_NANOS = 5_000_000_000L;

	private final JdbcClient jdbc;

	private final VotableEntries votable;

	private final Entries entries;

	private final Clock clock;

	private final Map<Long, CategoryVote> byCategory = new ConcurrentHashMap<>();

	/** Entry id to category id: an entry never changes category. */
	private final Map<Long, Long> categoryOfEntry = new ConcurrentHashMap<>();

	OpenWorks(JdbcClient jdbc, VotableEntries votable, Entries entries, Clock clock) {
		this.jdbc = jdbc;
		this.votable = votable;
		this.entries = entries;
		this.clock = clock;
	}

	/** A category's vote (none: empty) and its votable works, as loaded at a moment. */
	record CategoryVote(Optional<VoteSetting> setting, Set<Long> works, long loadedAt) {
	}

	@Override
	public Set<Long> entriesInVoting(long campaignId) {
		Instant now = clock.instant();
		List<Long> categories = jdbc.sql("select category_id from vote_setting where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.list();
		Set<Long> open = new HashSet<>();
		for (long category : categories) {
			CategoryVote vote = category(category);
			if (vote.setting().isPresent() && vote.setting().get().isOpenAt(now)) {
				open.addAll(vote.works());
			}
		}
		return open;
	}

	/**
	 * The vote a work takes part in (open or not), if its category has one and the work
	 * is votable.
	 */
	Optional<VoteSetting> voteOf(long entryId) {
		Long category = categoryOfEntry.get(entryId);
		if (category == null) {
			Optional<PublicWork> work = entries.approvedWork(entryId);
			if (work.isEmpty()) {
				return Optional.empty();
			}
			category = work.get().categoryId();
			categoryOfEntry.put(entryId, category);
		}
		CategoryVote vote = category(category);
		return vote.works().contains(entryId) ? vote.setting() : Optional.empty();
	}

	private CategoryVote category(long categoryId) {
		long now = System.nanoTime();
		CategoryVote cached = byCategory.get(categoryId);
		if (cached != null && now - cached.loadedAt() < TTL_NANOS) {
			return cached;
		}
		Optional<VoteSetting> setting = jdbc.sql(VotingSettings.SELECT + " where category_id = ?")
			.param(categoryId)
			.query(VotingSettings::setting)
			.optional();
		CategoryVote loaded = new CategoryVote(setting,
				setting.isEmpty() ? Set.of() : Set.copyOf(votable.inCategory(categoryId)), now);
		byCategory.put(categoryId, loaded);
		return loaded;
	}

	/** Forgets what it knew (after a change of the settings). */
	void forget() {
		byCategory.clear();
	}

}
