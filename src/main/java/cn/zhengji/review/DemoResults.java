package cn.zhengji.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.AwardLevel;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.campaign.Rubric;
import cn.zhengji.campaign.RubricCriterion;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.ExpertAssignment.Pair;
import cn.zhengji.submission.ApprovedEntry;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.ReviewOutcome;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13, demonstration only: the review of the finished demonstration campaign
 * ({@code demo-results}) as it would have ended. In each category with demonstration
 * works the demonstration expert scored every work in both rounds (sheets handed in),
 * every work went on to 复评, the best got the round's levels in order, and both rounds
 * were locked on their last day by the demonstration province admin; each outcome is a
 * transition of the entry through {@link EntryLifecycle#recordReviewOutcome} (history
 * "初评：进入复评", "复评：一等奖"). Written once per category (skipped when its last round is
 * locked); the rows are the review module's own. The publicity demonstration takes the
 * locked rounds on.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class DemoResults implements ApplicationRunner {

	static final String CAMPAIGN = "demo-results";

	static final List<String> CATEGORIES = List.of("micro-video", "song");

	private final Campaigns campaigns;

	private final Accounts accounts;

	private final Entries entries;

	private final EntryLifecycle lifecycle;

	private final AssignmentRecords assignments;

	private final ScoreRecords scores;

	private final ResultRecords results;

	private final AuditLog auditLog;

	private final Texts texts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoResults(Campaigns campaigns, Accounts accounts, Entries entries, EntryLifecycle lifecycle,
			AssignmentRecords assignments, ScoreRecords scores, ResultRecords results, AuditLog auditLog, Texts texts,
			TransactionTemplate transactions, Clock clock) {
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.entries = entries;
		this.lifecycle = lifecycle;
		this.assignments = assignments;
		this.scores = scores;
		this.results = results;
		this.auditLog = auditLog;
		this.texts = texts;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Campaign> demo = campaigns.findByCode(CAMPAIGN).filter(Campaign::demo);
		Optional<AccountProfile> expert = demoAccount(Role.EXPERT, DemoReview.EXPERT);
		Optional<AccountProfile> admin = demoAccount(Role.ORG_ADMIN, DemoReview.ADMIN);
		if (!campaigns.demoEnabled() || demo.isEmpty() || expert.isEmpty() || admin.isEmpty()) {
			return;
		}
		SignedInUser actor = actor(admin.get());
		for (String code : CATEGORIES) {
			campaigns.category(demo.get(), code).ifPresent((category) -> {
				List<ReviewRound> rounds = campaigns.reviewRounds(category.id());
				if (!rounds.isEmpty() && results.lock(rounds.getLast().id()).isEmpty()) {
					transactions.executeWithoutResult(
							(status) -> review(demo.get(), category, rounds, expert.get().id(), actor));
				}
			});
		}
	}

	private void review(Campaign campaign, Category category, List<ReviewRound> rounds, long expertId,
			SignedInUser actor) {
		List<Long> works = entries.approvedByHost(category.id()).stream().map(ApprovedEntry::id).sorted().toList();
		if (works.isEmpty()) {
			return;
		}
		List<RubricCriterion> criteria = campaigns.rubric(category.id()).map(Rubric::criteria).orElse(List.of());
		for (int r = 0; r < rounds.size(); r++) {
			ReviewRound round = rounds.get(r);
			assignments.lockRound(round.id());
			Instant closed = round.endsOn().atTime(LocalTime.of(17, 0)).atZone(campaign.timeZone()).toInstant();
			assignments.addPoolMember(round.id(), expertId, actor.accountId(), closed);
			assignments.insertPairs(round.id(), works.stream().map((work) -> new Pair(work, expertId)).toList(),
					AssignmentOrigin.MANUAL, closed);
			for (int w = 0; w < works.size(); w++) {
				long sheet = scores.lockedSheet(round.id(), works.get(w), expertId, closed).id();
				for (RubricCriterion criterion : criteria) {
					scores.setPoints(sheet, criterion.id(),
							BigDecimal.valueOf(criterion.maxPoints())
								.multiply(BigDecimal.valueOf(95 - 6 * w - 2 * r))
								.divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP));
				}
			}
			scores.insertSubmission(round.id(), expertId, closed);
			boolean last = r == rounds.size() - 1;
			if (!last) {
				Map<Long, Integer> ranks = new LinkedHashMap<>();
				for (int w = 0; w < works.size(); w++) {
					ranks.put(works.get(w), w + 1);
					lifecycle.recordReviewOutcome(actor, works.get(w), ReviewOutcome.ADVANCED,
							texts.plain("review.outcome.advanced", round.name(), rounds.get(r + 1).name()));
				}
				results.insertSelected(rounds.get(r + 1).id(), ranks, closed);
			}
			else {
				List<AwardLevel> levels = campaigns.awardLevels(round.id());
				for (int w = 0; w < works.size(); w++) {
					AwardLevel level = levels.get(Math.min(w, levels.size() - 1));
					results.saveAward(round.id(), works.get(w), level.code(), w + 1, actor.accountId(), closed);
					lifecycle.recordReviewOutcome(actor, works.get(w), ReviewOutcome.AWARDED,
							texts.plain("review.outcome.awarded", round.name(), level.name()));
				}
			}
			results.insertLock(round.id(), actor.accountId(), closed);
		}
		auditLog.recordChange(AuditAction.UPDATED, "review_round", rounds.getLast().id(),
				campaign.hostOrganisationPath(), texts.plain("review.audit.demoResults", category.name(), works.size()),
				null, Map.of("works", works, "rounds", rounds.stream().map(ReviewRound::id).toList()));
	}

	private Optional<AccountProfile> demoAccount(Role role, String username) {
		return accounts.profiles(accounts.enabledIdsWithRole(role))
			.stream()
			.filter((profile) -> profile.demo() && username.equals(profile.username()))
			.findFirst();
	}

	/** The province admin as the actor of the demonstration's steps (no session). */
	private static SignedInUser actor(AccountProfile admin) {
		return new SignedInUser(admin.id(), admin.username(), admin.displayName(), admin.role(), admin.organisationId(),
				admin.organisationPath(), admin.organisationName(), "", false, false, true);
	}

}
