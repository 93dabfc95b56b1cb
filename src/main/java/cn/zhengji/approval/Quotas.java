package cn.zhengji.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.Quota;
import cn.zhengji.campaign.PhaseKind;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-APR-1 "used / allowed" of the recommendation quotas, for the units an admin answers
 * for: its own organisation and every recommending unit below it (a provincial or
 * platform admin sees every city).
 */
@Service
@Transactional(readOnly = true)
public class Quotas {

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final ApprovalRecords records;

	private final Clock clock;

	Quotas(Campaigns campaigns, Organisations organisations, ApprovalRecords records, Clock clock) {
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.records = records;
		this.clock = clock;
	}

	/**
	 * Every quota of the running campaigns (submission, review or recommendation open
	 * now) for the units of the actor's subtree whose kind the quota names, by campaign,
	 * category and unit.
	 * @throws NotFoundException for anyone but an admin
	 */
	public List<QuotaUse> visibleTo(SignedInUser actor) {
		if (!actor.isAdmin()) {
			throw new NotFoundException("quotas");
		}
		Instant now = clock.instant();
		List<Campaign> running = campaigns.allVisible()
			.stream()
			.filter(campaign -> campaign.isOpen(PhaseKind.SUBMISSION, now) || campaign.isOpen(PhaseKind.REVIEW, now)
					|| campaign.isOpen(PhaseKind.RECOMMENDATION, now))
			.toList();
		// Units in the order they were set up (the seeded cities in the notice's order,
		// then any added later).
		List<Organisation> subtree = organisations.subtree(actor.adminScope())
			.stream()
			.sorted(java.util.Comparator.comparingInt(Organisation::depth).thenComparingLong(Organisation::id))
			.toList();
		List<QuotaUse> uses = new ArrayList<>();
		for (Campaign campaign : running) {
			List<Category> categories = campaigns.categories(campaign)
				.stream()
				.filter(category -> !category.rules().quotas().isEmpty())
				.toList();
			Map<String, QuotaCount> stored = new HashMap<>();
			records.quotas(categories.stream().map(Category::id).toList())
				.forEach(row -> stored.put(row.categoryId() + ":" + row.organisationId(), row.count()));
			for (Category category : categories) {
				for (Quota quota : category.rules().quotas()) {
					if (quota.max() == null) {
						continue;
					}
					for (Organisation unit : subtree) {
						if (!quota.recommendingKinds().contains(unit.kind())
								|| !unit.path().startsWith(campaign.hostOrganisationPath())) {
							continue;
						}
						QuotaCount row = stored.getOrDefault(category.id() + ":" + unit.id(),
								new QuotaCount(0, quota.max()));
						uses.add(new QuotaUse(campaign.id(), campaign.title(), category.id(), category.name(),
								unit.id(), unit.name(), row.used(), Math.max(row.used(), quota.max()), quota.min()));
					}
				}
			}
		}
		return uses;
	}

}
