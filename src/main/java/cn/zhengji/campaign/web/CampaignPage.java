package cn.zhengji.campaign.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhengji.campaign.Allocation;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CategoryRuleDescriptions;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.Phase;

/** Everything the campaign page (public and admin) shows, assembled once per request. */
record CampaignPage(Campaign campaign, List<PhaseStep> timeline, Optional<Phase> currentPhase,
		Optional<Phase> nextPhase, List<CategoryView> categories, List<cn.zhengji.campaign.Declaration> declarations,
		List<Allocation> allocations, int allocationTotal, List<cn.zhengji.campaign.Target> targets,
		Optional<Campaign> feeds, List<Campaign> others) {

	static CampaignPage of(Campaign campaign, Campaigns campaigns, CategoryRuleDescriptions descriptions, Instant now) {
		List<PhaseStep> timeline = campaign.phases()
			.stream()
			.map(phase -> new PhaseStep(phase, phase.isOpenAt(now, campaign.timeZone()),
					phase.isOverAt(now, campaign.timeZone())))
			.toList();
		List<CategoryView> categories = campaigns.categories(campaign)
			.stream()
			.map(category -> new CategoryView(category, descriptions.participation(category.rules()),
					descriptions.requirements(category.rules())))
			.toList();
		List<Allocation> allocations = campaigns.allocations(campaign);
		Optional<Campaign> feeds = Optional.ofNullable(campaign.feedsCampaignId()).flatMap(campaigns::findById);
		List<Campaign> others = campaigns.allVisible().stream().filter(other -> other.id() != campaign.id()).toList();
		return new CampaignPage(campaign, timeline, campaign.currentPhase(now), campaign.nextPhase(now), categories,
				campaigns.declarations(campaign), allocations, allocations.stream().mapToInt(Allocation::events).sum(),
				campaigns.targets(campaign), feeds, others);
	}

	public boolean hasSubmissionPhase() {
		return campaign.phase(cn.zhengji.campaign.PhaseKind.SUBMISSION).isPresent();
	}

	public boolean hasHostUnits() {
		return categories.stream().anyMatch(view -> view.category().hostUnits() != null);
	}

	public boolean isOver() {
		return currentPhase.isEmpty() && nextPhase.isEmpty();
	}

	/** The last day works are accepted, in the campaign's time zone. */
	public Optional<LocalDate> submissionEndsOn() {
		return campaign.phase(cn.zhengji.campaign.PhaseKind.SUBMISSION).map(Phase::endsOn);
	}

	record PhaseStep(Phase phase, boolean current, boolean past) {
	}

	record CategoryView(Category category, List<String> participation, List<String> requirements) {
	}
}
