package cn.zhengji.review;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds a review round with its category and campaign, and decides who administers it:
 * whoever administers the campaign ({@link CampaignAdministration#administers}, the
 * campaign module's policy: the platform admin, the admins of the hosting provincial
 * union). Anyone else gets a 404, as for the campaign itself.
 */
@Component
class ReviewRoundScope {

	private final Campaigns campaigns;

	private final CampaignAdministration administration;

	ReviewRoundScope(Campaigns campaigns, CampaignAdministration administration) {
		this.campaigns = campaigns;
		this.administration = administration;
	}

	/** The round with what it belongs to, or a 404. */
	RoundContext find(long roundId) {
		ReviewRound round = campaigns.reviewRound(roundId)
			.orElseThrow(() -> new NotFoundException("review round " + roundId));
		Category category = campaigns.findCategory(round.categoryId()).orElseThrow();
		Campaign campaign = campaigns.findById(category.campaignId())
			.orElseThrow(() -> new NotFoundException("review round " + roundId));
		return new RoundContext(round, category, campaign);
	}

	/** The round an admin of its campaign works on; a 404 for anyone else. */
	RoundContext administered(SignedInUser actor, long roundId) {
		RoundContext context = find(roundId);
		if (!administration.administers(actor, context.campaign())) {
			throw new NotFoundException("review round administration of " + roundId);
		}
		return context;
	}

	/** The round before in the category, empty for the first round. */
	java.util.Optional<ReviewRound> previousRound(RoundContext round) {
		return campaigns.reviewRounds(round.category().id())
			.stream()
			.filter((candidate) -> candidate.order() == round.round().order() - 1)
			.findFirst();
	}

	record RoundContext(ReviewRound round, Category category, Campaign campaign) {

		long roundId() {
			return round.id();
		}

		/**
		 * Where the round's audit events are filed: under the host, like the campaign's.
		 */
		String auditPath() {
			return campaign.hostOrganisationPath();
		}

	}

}
