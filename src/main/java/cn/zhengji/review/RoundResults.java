package cn.zhengji.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.AwardLevel;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.ReviewResultRules;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.campaign.Rubric;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.ResultRecords.StoredAward;
import cn.zhengji.review.ReviewResults.AwardProposal;
import cn.zhengji.review.ReviewResults.Basis;
import cn.zhengji.review.ReviewResults.Request;
import cn.zhengji.review.ReviewResults.Result;
import cn.zhengji.review.ReviewResults.Row;
import cn.zhengji.review.ReviewResults.TieBreak;
import cn.zhengji.review.ReviewResults.Votes;
import cn.zhengji.review.ReviewResults.Work;
import cn.zhengji.review.ReviewRoundScope.RoundContext;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.ReviewOutcome;
import cn.zhengji.submission.ReviewedWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12 items 6 and 7 (R-REV-2/3): the results of a round from its complete score
 * sheets ({@link ReviewResults} with the campaign's {@link ReviewResultRules}), the award
 * levels the admins give (review_award) and the round's lock (review_round_lock), after
 * which nothing of the round changes and each work's outcome is a transition of its
 * entry. Only the campaign's admins ({@link ReviewRoundScope}); anyone else gets a 404.
 *
 * <p>
 * <b>The works of a round</b>: for the first round the works the host approved, for a
 * later one the works selected when the round before was locked (review_round_entry); in
 * both cases also every work that has an expert or a sheet in the round, so that a locked
 * round lists the same works after its entries changed state.
 *
 * <p>
 * <b>Selection for the next round</b> ({@link #selection}): TOP_N takes every ranked work
 * whose rank is at most N; TOP_SHARE every ranked work whose rank is at most ⌈share ×
 * ranked works / 100⌉. Ranks are competition ranks, so the works tied at the cut all go
 * on (the next round may take more than N), and unscored works never do.
 */
@Service
@Transactional
public class RoundResults {

	private final ReviewRoundScope scope;

	private final AssignmentRecords assignmentRecords;

	private final ResultRecords records;

	private final ScoreSheets sheets;

	private final Campaigns campaigns;

	private final Entries entries;

	private final EntryLifecycle lifecycle;

	private final ObjectProvider<VoteCounts> voteCounts;

	private final AuditLog auditLog;

	private final Texts texts;

	private final Clock clock;

	RoundResults(ReviewRoundScope scope, AssignmentRecords assignmentRecords, ResultRecords records, ScoreSheets sheets,
			Campaigns campaigns, Entries entries, EntryLifecycle lifecycle, ObjectProvider<VoteCounts> voteCounts,
			AuditLog auditLog, Texts texts, Clock clock) {
		this.scope = scope;
		this.assignmentRecords = assignmentRecords;
		this.records = records;
		this.sheets = sheets;
		this.campaigns = campaigns;
		this.entries = entries;
		this.lifecycle = lifecycle;
		this.voteCounts = voteCounts;
		this.auditLog = auditLog;
		this.texts = texts;
		this.clock = clock;
	}

	/** The round's ranking, figures, proposal and awards for its admin. */
	@Transactional(readOnly = true)
	public RoundResultsView results(SignedInUser actor, long roundId) {
		return view(scope.administered(actor, roundId));
	}

	/**
	 * Gives works a level, or takes it away ({@code levelCode} null): the admin's choice
	 * from the proposal, the decision of a tied group across a boundary, or a change of
	 * one work's level. Writes review_award (the work's rank with it) and one audit event
	 * per changed work (CREATED, UPDATED or DELETED on review_award).
	 * @throws ReviewRoundLocked when the round is locked
	 * @throws ReviewChangeRejected for a level the round does not have, or a work without
	 * a rank (unscored or not in the round)
	 */
	public void setLevel(SignedInUser actor, long roundId, Collection<Long> entryIds, String levelCode) {
		RoundContext round = scope.administered(actor, roundId);
		assignmentRecords.lockRound(roundId);
		records.requireOpen(round);
		RoundResultsView view = view(round);
		if (levelCode != null && view.levels().stream().noneMatch((level) -> level.code().equals(levelCode))) {
			throw new ReviewChangeRejected("level", "review.results.award.unknownLevel");
		}
		Map<Long, StoredAward> stored = records.awards(roundId);
		for (long entryId : new TreeSet<>(entryIds)) {
			Row row = view.result()
				.ranking()
				.stream()
				.filter((candidate) -> candidate.workId() == entryId)
				.findFirst()
				.orElseThrow(() -> new ReviewChangeRejected("entryId", "review.results.award.notRanked"));
			change(actor, round, view, row, stored.get(entryId), levelCode);
		}
	}

	/**
	 * Stores the proposal: every work {@link ReviewResults#proposeAwards} gives a level
	 * gets it (replacing what was stored), tied groups across a boundary are left as they
	 * are for the admin. Audited per changed work as {@link #setLevel}.
	 * @return how many works changed
	 */
	public int applyProposal(SignedInUser actor, long roundId) {
		RoundContext round = scope.administered(actor, roundId);
		assignmentRecords.lockRound(roundId);
		records.requireOpen(round);
		RoundResultsView view = view(round);
		Map<Long, StoredAward> stored = records.awards(roundId);
		int changed = 0;
		for (ReviewResults.Award award : view.proposal().awards()) {
			if (change(actor, round, view, view.result().row(award.workId()), stored.get(award.workId()),
					award.level())) {
				changed++;
			}
		}
		return changed;
	}

	/**
	 * Locks the round for good (review_round_lock; the database then refuses every change
	 * of its sheets, scores, submissions, awards, pool, conflicts, assignment and
	 * removals). In the same transaction: for a round with a next round, the works that
	 * round takes ({@link #selection}) are stored as its works (review_round_entry), and
	 * each work of this round still APPROVED becomes ADVANCED or NOT_ADVANCED; for the
	 * category's last round, AWARDED with its level or NOT_AWARDED — each through
	 * {@link EntryLifecycle#recordReviewOutcome} (history step with "初评：进入复评", "复评：一等奖"
	 * …). One audit event UPDATED on the round with the counts.
	 * @throws ReviewRoundLocked when it is locked already
	 * @throws ReviewChangeRejected while tied works have different levels
	 */
	public RoundResultsView lock(SignedInUser actor, long roundId) {
		RoundContext round = scope.administered(actor, roundId);
		assignmentRecords.lockRound(roundId);
		records.requireOpen(round);
		RoundResultsView view = view(round);
		if (!view.splitTies().isEmpty()) {
			throw new ReviewChangeRejected(null, "review.results.lock.splitTie", view.splitTies().get(0));
		}
		Instant now = clock.instant();
		Map<Long, Integer> ranks = view.result()
			.ranking()
			.stream()
			.collect(Collectors.toMap(Row::workId, Row::rank, (a, b) -> a, LinkedHashMap::new));
		Map<ReviewOutcome, Integer> counts = new LinkedHashMap<>();
		String roundName = round.round().name();
		for (ReviewedWork work : view.works().values()) {
			if (work.state() != EntryState.APPROVED) {
				continue;
			}
			ReviewOutcome outcome;
			String remark;
			if (view.nextRound() != null) {
				boolean goesOn = view.advancing().contains(work.id());
				outcome = goesOn ? ReviewOutcome.ADVANCED : ReviewOutcome.NOT_ADVANCED;
				remark = texts.plain(goesOn ? "review.outcome.advanced" : "review.outcome.notAdvanced", roundName,
						view.nextRound().name());
			}
			else {
				String level = view.awardOf(work.id());
				outcome = (level != null) ? ReviewOutcome.AWARDED : ReviewOutcome.NOT_AWARDED;
				remark = (level != null) ? texts.plain("review.outcome.awarded", roundName, view.levelName(level))
						: texts.plain("review.outcome.notAwarded", roundName);
			}
			lifecycle.recordReviewOutcome(actor, work.id(), outcome, remark);
			counts.merge(outcome, 1, Integer::sum);
		}
		if (view.nextRound() != null) {
			Map<Long, Integer> selected = new LinkedHashMap<>();
			view.advancing().forEach((id) -> selected.put(id, ranks.get(id)));
			records.insertSelected(view.nextRound().id(), selected, now);
		}
		records.insertLock(roundId, actor.accountId(), now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("locked", true);
		after.put("ranked", view.result().ranking().size());
		after.put("unscored", view.result().unscored().size());
		after.put("awards", view.awards());
		after.put("outcomes", counts);
		after.put("advancing", List.copyOf(view.advancing()));
		auditLog.recordChange(
				AuditAction.UPDATED, "review_round", roundId, round.auditPath(), texts.plain("review.audit.locked",
						round.category().name(), roundName, view.result().ranking().size(), view.awards().size()),
				Map.of("locked", false), after);
		return view(round);
	}

	/**
	 * The works the next round takes from this ranking (see the class comment), by id.
	 */
	static Set<Long> selection(ReviewRound next, List<Row> ranking) {
		if (next == null || !next.entryRule().selectsFromPreviousRound()) {
			return Set.of();
		}
		int cut = switch (next.entryRule()) {
			case TOP_N -> next.entryNumber();
			case TOP_SHARE -> (int) Math.ceil(next.entryNumber() * ranking.size() / 100.0);
			case APPROVED_BY_HOST -> 0;
		};
		return ranking.stream()
			.filter((row) -> row.rank() <= cut)
			.map(Row::workId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * Issue 13: the final score of a work in a locked round as the results page shows it
	 * (two decimals), for a campaign that publishes scores (the caller checks
	 * {@code Campaigns#publishesScores}); empty for an open round or an unranked work.
	 * Computes the round's results (a few queries): one work page at a time.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<BigDecimal> publishedScore(long roundId, long entryId) {
		if (records.lock(roundId).isEmpty()) {
			return java.util.Optional.empty();
		}
		return view(scope.find(roundId)).result()
			.ranking()
			.stream()
			.filter((row) -> row.figures().workId() == entryId)
			.map((row) -> row.figures().shown())
			.findFirst();
	}

	/** The works of a round (see the class comment), by id. */
	Set<Long> worksOf(RoundContext round) {
		Set<Long> ids = new TreeSet<>();
		if (round.round().first()) {
			entries.approvedByHost(round.category().id()).forEach((entry) -> ids.add(entry.id()));
		}
		else {
			ids.addAll(records.selected(round.roundId()));
		}
		ids.addAll(records.worksWithExpertsOrSheets(round.roundId()));
		return ids;
	}

	RoundResultsView view(RoundContext round) {
		long roundId = round.roundId();
		ReviewResultRules rules = campaigns.reviewResultRules(round.campaign().id());
		Map<Long, ReviewedWork> works = entries.reviewedWorks(worksOf(round))
			.stream()
			.filter((work) -> work.submittedAt() != null)
			.collect(Collectors.toMap(ReviewedWork::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		BigDecimal scale = BigDecimal.valueOf(campaigns.rubric(round.category().id()).map(Rubric::maximum).orElse(100));
		List<TieBreak> tieBreaks = rules.tieBreaks().stream().map(TieBreak::valueOf).toList();
		Votes votes = null;
		VoteCounts counter = voteCounts.getIfAvailable();
		if (rules.combinesVotes() && counter != null) {
			Map<Long, Long> counts = new LinkedHashMap<>();
			counter.votes(roundId).forEach((id, count) -> {
				if (works.containsKey(id)) {
					counts.put(id, count);
				}
			});
			votes = new Votes(counts, rules.expertPercent(), rules.votePercent());
		}
		List<ReviewResults.Score> scores = sheets.scores(roundId)
			.stream()
			.filter((score) -> works.containsKey(score.workId()))
			.toList();
		Result result = ReviewResults.compute(
				new Request(works.values().stream().map((work) -> new Work(work.id(), work.submittedAt())).toList(),
						scores, scale, rules.outlierThreshold(), Basis.valueOf(rules.basis()), tieBreaks, votes));
		List<AwardLevel> levels = campaigns.awardLevels(roundId);
		AwardProposal proposal = ReviewResults.proposeAwards(result,
				levels.stream().map((level) -> new ReviewResults.AwardLevel(level.code(), level.count())).toList());
		Map<Long, String> awards = new LinkedHashMap<>();
		records.awards(roundId).forEach((id, award) -> awards.put(id, award.levelCode()));
		List<ReviewRound> rounds = campaigns.reviewRounds(round.category().id());
		ReviewRound next = rounds.stream()
			.filter((candidate) -> candidate.order() == round.round().order() + 1)
			.findFirst()
			.orElse(null);
		Instant lockedAt = records.lock(roundId).map(ResultRecords.Lock::lockedAt).orElse(null);
		return new RoundResultsView(round.round(), round.category(), round.campaign(), tieBreaks, result, works, scale,
				(votes != null) ? votes.counts() : null,
				(votes != null) ? new int[] { votes.expertPercent(), votes.votePercent() } : null, levels, proposal,
				awards, lockedAt, next, selection(next, result.ranking()));
	}

	private boolean change(SignedInUser actor, RoundContext round, RoundResultsView view, Row row, StoredAward before,
			String levelCode) {
		long entryId = row.workId();
		String title = view.works().containsKey(entryId) ? view.work(entryId).title() : String.valueOf(entryId);
		String beforeCode = (before != null) ? before.levelCode() : null;
		if (java.util.Objects.equals(beforeCode, levelCode) && (before == null || before.rank() == row.rank())) {
			return false;
		}
		Map<String, Object> old = (before != null)
				? Map.of("round", round.roundId(), "level", before.levelCode(), "rank", before.rank()) : null;
		if (levelCode == null) {
			records.deleteAward(round.roundId(), entryId);
			auditLog.recordChange(AuditAction.DELETED, "review_award", entryId, round.auditPath(),
					texts.plain("review.audit.awardRemoved", round.category().name(), round.round().name(), title,
							view.levelName(beforeCode)),
					old, null);
			return true;
		}
		records.saveAward(round.roundId(), entryId, levelCode, row.rank(), actor.accountId(), clock.instant());
		auditLog.recordChange((before == null) ? AuditAction.CREATED : AuditAction.UPDATED, "review_award", entryId,
				round.auditPath(),
				texts.plain("review.audit.awardSet", round.category().name(), round.round().name(), title,
						view.levelName(levelCode)),
				old, Map.of("round", round.roundId(), "level", levelCode, "rank", row.rank()));
		return true;
	}

}
