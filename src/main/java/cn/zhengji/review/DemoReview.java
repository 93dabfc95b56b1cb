package cn.zhengji.review;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import org.springframework.core.Ordered;
import cn.zhengji.review.ExpertAssignment.Pair;
import cn.zhengji.submission.ApprovedEntry;
import cn.zhengji.submission.Entries;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12, demonstration only: the demonstration expert ({@code demo-expert}) in the
 * pool of the first review round of the demonstration campaign's 特色应用系统 category, with
 * every work the host approved there given to it by hand (MANUAL, so that no admin's
 * re-run takes them away). The campaign module keeps that round open today and the
 * submission module supplies approved demonstration works; after them this runs.
 * Idempotent: pairs the expert declared a conflict on, or an admin removed, are not given
 * again. Audited: the pool member and the pairs, one event each when they are added.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoReview implements ApplicationRunner {

	static final String CAMPAIGN = "demo-fujian";

	static final String CATEGORY = "application-system";

	static final String EXPERT = "demo-expert";

	static final String ADMIN = "demo-province";

	private final Campaigns campaigns;

	private final Accounts accounts;

	private final Entries entries;

	private final AssignmentRecords records;

	private final AuditLog auditLog;

	private final Texts texts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoReview(Campaigns campaigns, Accounts accounts, Entries entries, AssignmentRecords records, AuditLog auditLog,
			Texts texts, TransactionTemplate transactions, Clock clock) {
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.entries = entries;
		this.records = records;
		this.auditLog = auditLog;
		this.texts = texts;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!campaigns.demoEnabled()) {
			return;
		}
		Optional<Campaign> demo = campaigns.findByCode(CAMPAIGN);
		Optional<Category> category = demo.flatMap((campaign) -> campaigns.category(campaign, CATEGORY));
		Optional<ReviewRound> round = category
			.flatMap((found) -> campaigns.reviewRounds(found.id()).stream().findFirst());
		Optional<AccountProfile> expert = demoAccount(Role.EXPERT, EXPERT);
		Optional<AccountProfile> admin = demoAccount(Role.ORG_ADMIN, ADMIN);
		if (round.isEmpty() || expert.isEmpty() || admin.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(
				(status) -> ensure(demo.get(), category.get(), round.get(), expert.get().id(), admin.get().id()));
	}

	private void ensure(Campaign campaign, Category category, ReviewRound round, long expertId, long adminId) {
		long roundId = round.id();
		records.lockRound(roundId);
		String path = campaign.hostOrganisationPath();
		if (records.addPoolMember(roundId, expertId, adminId, clock.instant())) {
			auditLog.recordChange(AuditAction.CREATED, "review_pool_member", expertId, path,
					texts.plain("review.audit.poolAdded", category.name(), round.name(), EXPERT), null,
					Map.of("round", roundId, "expert", expertId));
		}
		Set<Pair> assigned = records.assignment(roundId).keySet();
		Set<Pair> conflicts = records.conflicts(roundId);
		Set<Pair> removals = records.removals(roundId);
		List<Pair> wanted = entries.approvedByHost(category.id())
			.stream()
			.map(ApprovedEntry::id)
			.map((entryId) -> new Pair(entryId, expertId))
			.filter((pair) -> !assigned.contains(pair) && !conflicts.contains(pair) && !removals.contains(pair))
			.toList();
		if (wanted.isEmpty()) {
			return;
		}
		records.insertPairs(roundId, wanted, AssignmentOrigin.MANUAL, clock.instant());
		auditLog.recordChange(AuditAction.UPDATED, "review_round", roundId, path,
				texts.plain("review.audit.demoAssigned", category.name(), round.name(), EXPERT, wanted.size()), null,
				Map.of("added", wanted.stream().map((pair) -> List.of(pair.workId(), pair.expertId())).toList()));
	}

	private Optional<AccountProfile> demoAccount(Role role, String username) {
		return accounts.profiles(accounts.enabledIdsWithRole(role))
			.stream()
			.filter((profile) -> profile.demo() && username.equals(profile.username()))
			.findFirst();
	}

}
