package cn.zhengji.campaign.web;

import java.time.Clock;

import cn.zhengji.campaign.CategoryRuleDescriptions;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.infrastructure.web.PlatformAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	private final PlatformAddress address;

	CampaignPageController(Campaigns campaigns, CategoryRuleDescriptions descriptions, Clock clock,
			PlatformAddress address) {
		this.campaigns = campaigns;
		this.descriptions = descriptions;
		this.clock = clock;
		this.address = address;
	}

	/**
	 * Without a configured platform address outside the demonstration setup, the address
	 * the QR code stands for (the one of this request), for the warning next to it.
	 */
	@ModelAttribute("qrAddressWarning")
	String qrAddressWarning(HttpServletRequest request) {
		return address.warns() ? address.of(request) : null;
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
