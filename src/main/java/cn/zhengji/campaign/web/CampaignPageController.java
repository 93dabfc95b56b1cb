package cn.zhengji.campaign.web;

import java.time.Clock;

import cn.zhengji.campaign.CategoryRuleDescriptions;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public campaign pages: the home page shows the current campaign,
 * {@code /campaigns/{code}} any campaign.
 */
@Controller
class CampaignPageController {

	private final Campaigns campaigns;

	private final CategoryRuleDescriptions descriptions;

	private final Clock clock;

	CampaignPageController(Campaigns campaigns, CategoryRuleDescriptions descriptions, Clock clock) {
		this.campaigns = campaigns;
		this.descriptions = descriptions;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(Model model) {
		var campaign = campaigns.homeCampaign(clock.instant()).orElseThrow(() -> new NotFoundException("campaign"));
		model.addAttribute("page", CampaignPage.of(campaign, campaigns, descriptions, clock.instant()));
		model.addAttribute("home", true);
		return "campaign/show";
	}

	@GetMapping("/campaigns/{code}")
	String show(@PathVariable String code, Model model) {
		model.addAttribute("page",
				CampaignPage.of(campaigns.getByCode(code), campaigns, descriptions, clock.instant()));
		model.addAttribute("home", false);
		return "campaign/show";
	}

}
