package cn.zhengji.approval;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.zhengji.campaign.CategoryRules.JudgementKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of the approval chain (V60): judgements, quotas and the places taken.
 * Callers authorise.
 */
@Repository
class ApprovalRecords {

	private final JdbcClient jdbc;

	ApprovalRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void saveJudgements(long entryId, List<JudgementAnswer> answers, long confirmedBy, Instant now) {
		clearJudgements(entryId);
		for (JudgementAnswer answer : answers) {
			jdbc.sql("""
					insert into entry_judgement (entry_id, kind, outcome, note, confirmed_by, confirmed_at)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(entryId, answer.kind().name(), answer.met() ? "MET" : "NOT_MET", answer.note(), confirmedBy,
						now.atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	int clearJudgements(long entryId) {
		return jdbc.sql("delete from entry_judgement where entry_id = ?").param(entryId).update();
	}

	List<ConfirmedJudgement> judgements(long entryId) {
		return jdbc.sql("""
				select j.kind, j.outcome, j.note, a.display_name, j.confirmed_at
				from entry_judgement j join account_name a on a.id = j.confirmed_by
				where j.entry_id = ? order by j.confirmed_at, j.kind
				""")
			.param(entryId)
			.query((rs, n) -> new ConfirmedJudgement(JudgementKind.valueOf(rs.getString("kind")),
					rs.getString("outcome").equals("MET"), rs.getString("note"), rs.getString("display_name"),
					rs.getTimestamp("confirmed_at").toInstant()))
			.list();
	}

	/**
	 * The entries (of those given) whose category has judgement items that the first
	 * level has not all answered yet ({@code entry_open_judgement}, V87: the one place of
	 * that rule).
	 */
	Set<Long> withOpenJudgements(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select entry_id from entry_open_judgement where entry_id in (:ids) and open_judgements > 0
				""").param("ids", entryIds).query(Long.class).list());
	}

	/**
	 * Makes sure the unit has a quota row with the rule's maximum (a place already used
	 * is never taken away by a lowered maximum: the row keeps at least {@code used}).
	 */
	void ensureQuota(long categoryId, long organisationId, int allowed) {
		jdbc.sql("""
				insert into recommendation_quota (category_id, organisation_id, allowed, used) values (?, ?, ?, 0)
				on conflict (category_id, organisation_id)
				do update set allowed = greatest(excluded.allowed, recommendation_quota.used)
				""").params(categoryId, organisationId, allowed).update();
	}

	/**
	 * Takes a place if one is free. Concurrent callers queue on the row lock and each
	 * sees the count its predecessor committed, so the last place goes to exactly one of
	 * them.
	 * @return whether a place was taken
	 */
	boolean takePlace(long categoryId, long organisationId) {
		return jdbc.sql("""
				update recommendation_quota set used = used + 1
				where category_id = ? and organisation_id = ? and used < allowed
				""").params(categoryId, organisationId).update() == 1;
	}

	Optional<QuotaCount> quota(long categoryId, long organisationId) {
		return jdbc.sql("select used, allowed from recommendation_quota where category_id = ? and organisation_id = ?")
			.params(categoryId, organisationId)
			.query((rs, n) -> new QuotaCount(rs.getInt("used"), rs.getInt("allowed")))
			.optional();
	}

	/** One stored quota row: a unit's places in a category. */
	record StoredQuota(long categoryId, long organisationId, QuotaCount count) {
	}

	/** The stored quota rows of the given categories. */
	List<StoredQuota> quotas(Collection<Long> categoryIds) {
		if (categoryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select category_id, organisation_id, used, allowed from recommendation_quota
				where category_id in (:categories)
				""")
			.param("categories", categoryIds)
			.query((rs, n) -> new StoredQuota(rs.getLong("category_id"), rs.getLong("organisation_id"),
					new QuotaCount(rs.getInt("used"), rs.getInt("allowed"))))
			.list();
	}

	boolean holdsPlace(long entryId) {
		return jdbc.sql("select count(*) from entry_recommendation where entry_id = ?")
			.param(entryId)
			.query(Integer.class)
			.single() > 0;
	}

	void insertRecommendation(long entryId, long categoryId, long organisationId, long by, Instant now) {
		jdbc.sql(
				"""
						insert into entry_recommendation (entry_id, category_id, organisation_id, recommended_by, recommended_at)
						values (?, ?, ?, ?, ?)
						""")
			.params(entryId, categoryId, organisationId, by, Timestamp.from(now))
			.update();
	}

	/**
	 * Gives back the place the entry holds, if any.
	 * @return the organisation whose quota got the place back
	 */
	Optional<Long> releasePlace(long entryId) {
		Optional<StoredQuota> held = jdbc.sql("""
				delete from entry_recommendation where entry_id = ? returning category_id, organisation_id
				""").param(entryId).query((rs, n) -> new StoredQuota(rs.getLong(1), rs.getLong(2), null)).optional();
		held.ifPresent(place -> jdbc.sql("""
				update recommendation_quota set used = used - 1 where category_id = ? and organisation_id = ?
				""").params(place.categoryId(), place.organisationId()).update());
		return held.map(StoredQuota::organisationId);
	}

}
