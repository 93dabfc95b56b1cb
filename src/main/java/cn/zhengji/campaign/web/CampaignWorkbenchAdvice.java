package cn.zhengji.campaign.web;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the workbench (account pages) whether to offer 活动管理, by this module's own rule
 * ({@link CampaignAdministration#mayAdminister}): the platform admin and a province's
 * admins run campaigns, a city's do not. The account module knows nothing of campaigns.
 */
@ControllerAdvice(basePackages = "cn.zhengji.account.web")
class CampaignWorkbenchAdvice {

	private final CampaignAdministration administration;

	CampaignWorkbenchAdvice(CampaignAdministration administration) {
		this.administration = administration;
	}

	@ModelAttribute("runsCampaigns")
	boolean runsCampaigns(@AuthenticationPrincipal SignedInUser actor) {
		return actor != null && actor.isAdmin() && administration.mayAdminister(actor);
	}

}
