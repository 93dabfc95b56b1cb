package cn.zhengji.approval;

import java.util.ArrayList;
import java.util.List;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.ApprovalChain;
import cn.zhengji.submission.Entry;
import org.springframework.stereotype.Component;

/**
 * R-APR-1 The rule of the chain, in one place: an entry's levels are the organisations on
 * its path from the submitting organisation up to and including the campaign's host (基层 →
 * 县 → 市 → 省; absent levels are simply not on it; the whole path up to the root when the
 * host is not on it). At a level whose kind recommends in the category, and that is not
 * the top, approving is a recommendation. The submission module asks for it through
 * {@link ApprovalChain} when it applies a decision; the decision panel and
 * {@link Approvals} read the same levels.
 */
@Component
class ChainOfLevels implements ApprovalChain {

	private final Organisations organisations;

	private final Campaigns campaigns;

	ChainOfLevels(Organisations organisations, Campaigns campaigns) {
		this.organisations = organisations;
		this.campaigns = campaigns;
	}

	@Override
	public List<Level> levels(Entry entry, Category category) {
		Campaign campaign = campaigns.findById(entry.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + entry.campaignId()));
		List<Organisation> chain = organisations(entry, campaign);
		List<Level> levels = new ArrayList<>();
		for (int i = 0; i < chain.size(); i++) {
			Organisation level = chain.get(i);
			boolean top = i == chain.size() - 1;
			levels.add(new Level(level.id(), level.name(),
					!top && category.rules().recommendingOrganisationKinds().contains(level.kind())));
		}
		return List.copyOf(levels);
	}

	/** The organisations of the entry's chain, bottom up. */
	List<Organisation> organisations(Entry entry, Campaign campaign) {
		Organisation submitting = organisations.findById(entry.organisationId())
			.orElseThrow(() -> new NotFoundException("organisation " + entry.organisationId()));
		List<Organisation> upwards = new ArrayList<>(organisations.ancestry(submitting).reversed());
		List<Organisation> chain = new ArrayList<>();
		for (Organisation level : upwards) {
			chain.add(level);
			if (level.id() == campaign.hostOrganisationId()) {
				break;
			}
		}
		return List.copyOf(chain);
	}

}
