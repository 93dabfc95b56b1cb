package cn.zhengji.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.campaign.Rubric;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.ReviewRoundScope.RoundContext;
import cn.zhengji.submission.Entries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12 item 6 (R-REV-3): how far the experts are, per round and per category of a
 * campaign, and per expert of a round, for the campaign's admins only (anyone else gets a
 * 404, {@link ReviewRoundScope}). Read-only. The figures of any number of rounds are one
 * statement, an expert list another ({@link ProgressRecords}); days are counted in the
 * campaign's time zone from the injected clock.
 */
@Service
@Transactional(readOnly = true)
public class ReviewProgress {

	private final ReviewRoundScope scope;

	private final ProgressRecords records;

	private final Campaigns campaigns;

	private final CampaignAdministration administration;

	private final Entries entries;

	private final Accounts accounts;

	private final Clock clock;

	ReviewProgress(ReviewRoundScope scope, ProgressRecords records, Campaigns campaigns,
			CampaignAdministration administration, Entries entries, Accounts accounts, Clock clock) {
		this.scope = scope;
		this.records = records;
		this.campaigns = campaigns;
		this.administration = administration;
		this.entries = entries;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * What is done in a round.
	 *
	 * @param worksEntering the works that enter the round (the host's approved ones for a
	 * first round), null for a later round until the round before has results
	 * @param worksAssigned works with at least one expert
	 * @param pairs work × expert pairs to score
	 * @param complete pairs whose sheet has points for every criterion
	 * @param partly pairs with a sheet begun but not complete
	 * @param worksDone works whose every pair is complete
	 * @param experts experts of the round (pool, assigned, or handed in)
	 * @param submitted experts who handed in (交卷)
	 */
	public record Figures(Integer worksEntering, int worksAssigned, int pairs, int complete, int partly, int worksDone,
			int experts, int submitted) {

		public int notStarted() {
			return pairs - complete - partly;
		}

		/** Complete pairs in percent, rounded down: 100 only when all are. */
		public int percent() {
			return pairs == 0 ? 0 : (int) (complete * 100L / pairs);
		}

	}

	/** Where a round stands in time. */
	public enum Timing {

		UNDATED, UPCOMING, OPEN, ENDS_TODAY, ENDED

	}

	/** A round's days as the campaign counts them. */
	public record Schedule(LocalDate today, LocalDate startsOn, LocalDate endsOn) {

		/** Days from today to the last day of the round (0 on it, negative after). */
		public Long daysLeft() {
			return endsOn == null ? null : ChronoUnit.DAYS.between(today, endsOn);
		}

		public Timing timing() {
			if (endsOn == null) {
				return Timing.UNDATED;
			}
			if (startsOn != null && today.isBefore(startsOn)) {
				return Timing.UPCOMING;
			}
			long left = daysLeft();
			return left > 0 ? Timing.OPEN : left == 0 ? Timing.ENDS_TODAY : Timing.ENDED;
		}

	}

	/**
	 * One expert of a round.
	 *
	 * @param lastActivity the last change of one of its sheets or its hand-in, null
	 * before any
	 * @param remindedToday whether an admin reminded it today already (a second reminder
	 * today is refused)
	 */
	public record ExpertLine(long expertId, String name, String organisationName, boolean enabled, int assigned,
			int complete, int partly, Instant submittedAt, Instant lastActivity, boolean remindedToday) {

		public int notStarted() {
			return assigned - complete - partly;
		}

		public boolean submitted() {
			return submittedAt != null;
		}

		/** Has works in the round and has not handed in: whom a reminder is for. */
		public boolean lagging() {
			return assigned > 0 && !submitted();
		}

	}

	/** The progress page of one round. */
	public record RoundProgress(Campaign campaign, Category category, ReviewRound round, int criteria, Figures figures,
			Schedule schedule, List<ExpertLine> experts) {

		public ZoneId zone() {
			return campaign.timeZone();
		}

		/**
		 * The experts with works who have not handed in: whom a reminder goes to by
		 * default.
		 */
		public List<ExpertLine> laggards() {
			return experts.stream().filter(ExpertLine::lagging).toList();
		}

	}

	/** One round on a campaign's overview. */
	public record RoundLine(Category category, ReviewRound round, Figures figures, Schedule schedule) {
	}

	/** Every round of every category of a campaign, categories in their order. */
	public record CampaignProgress(Campaign campaign, List<RoundLine> rounds) {
	}

	/** The progress of one round with its experts (by id); a 404 for non-admins. */
	public RoundProgress round(SignedInUser actor, long roundId) {
		RoundContext context = scope.administered(actor, roundId);
		int criteria = campaigns.rubric(context.category().id()).map((rubric) -> rubric.criteria().size()).orElse(0);
		Map<Long, Integer> entering = context.round().entryRule().selectsFromPreviousRound() ? Map.of()
				: entries.approvedByHostCounts(List.of(context.category().id()));
		Figures figures = figures(context.round(), records.figures(Map.of(roundId, criteria)), entering);
		Schedule schedule = schedule(context.campaign(), context.round());
		List<ProgressRecords.ExpertRow> rows = records.experts(roundId, criteria);
		Map<Long, AccountProfile> profiles = profiles(rows.stream().map(ProgressRecords.ExpertRow::expertId).toList());
		Set<Long> enabled = new HashSet<>(accounts.enabledAmong(profiles.keySet()));
		List<ExpertLine> experts = rows.stream().map((row) -> {
			AccountProfile profile = profiles.get(row.expertId());
			return new ExpertLine(row.expertId(),
					profile == null ? Long.toString(row.expertId()) : profile.displayName(),
					profile == null ? "" : profile.organisationName(), enabled.contains(row.expertId()), row.assigned(),
					row.complete(), row.partly(), row.submittedAt(), row.lastActivity(),
					schedule.today().equals(row.lastRemindedOn()));
		}).toList();
		return new RoundProgress(context.campaign(), context.category(), context.round(), criteria, figures, schedule,
				experts);
	}

	/** Every round of the campaign, one line each; a 404 for non-admins. */
	public CampaignProgress campaign(SignedInUser actor, String campaignCode) {
		Campaign campaign = administration.campaignFor(actor, campaignCode);
		List<Category> categories = campaigns.categories(campaign);
		Map<Long, List<ReviewRound>> rounds = campaigns.reviewRoundsByCategory(campaign);
		Map<Long, Rubric> rubrics = campaigns.rubricsByCategory(campaign);
		Map<Long, Integer> criteria = new HashMap<>();
		rounds.forEach((categoryId, list) -> list.forEach((round) -> criteria.put(round.id(),
				rubrics.containsKey(categoryId) ? rubrics.get(categoryId).criteria().size() : 0)));
		Map<Long, ProgressRecords.Figures> figures = records.figures(criteria);
		Map<Long, Integer> entering = entries.approvedByHostCounts(rounds.keySet());
		List<RoundLine> lines = new ArrayList<>();
		for (Category category : categories) {
			for (ReviewRound round : rounds.getOrDefault(category.id(), List.of())) {
				lines.add(new RoundLine(category, round, figures(round, figures, entering), schedule(campaign, round)));
			}
		}
		return new CampaignProgress(campaign, lines);
	}

	private static Figures figures(ReviewRound round, Map<Long, ProgressRecords.Figures> stored,
			Map<Long, Integer> entering) {
		ProgressRecords.Figures figures = stored.getOrDefault(round.id(), ProgressRecords.Figures.NONE);
		Integer works = round.entryRule().selectsFromPreviousRound() ? null
				: entering.getOrDefault(round.categoryId(), 0);
		return new Figures(works, figures.worksAssigned(), figures.pairs(), figures.complete(), figures.partly(),
				figures.worksDone(), figures.experts(), figures.submitted());
	}

	Schedule schedule(Campaign campaign, ReviewRound round) {
		return new Schedule(LocalDate.now(clock.withZone(campaign.timeZone())), round.startsOn(), round.endsOn());
	}

	private Map<Long, AccountProfile> profiles(List<Long> ids) {
		return accounts.profiles(ids).stream().collect(Collectors.toMap(AccountProfile::id, Function.identity()));
	}

}
