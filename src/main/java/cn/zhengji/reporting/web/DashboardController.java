package cn.zhengji.reporting.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.reporting.Dashboard;
import cn.zhengji.reporting.Dashboards;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * R-APR/R-ACT dashboards (数据看板) of the admins: the page, whose tables carry every figure
 * and whose charts read their data from {@code data-chart} attributes (no inline script
 * under the CSP), and the same figures as JSON. Both are scoped to a unit the actor
 * administers.
 */
@Controller
class DashboardController {

	private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Dashboards dashboards;

	private final Texts texts;

	private final JsonMapper json;

	private final Clock clock;

	DashboardController(Dashboards dashboards, Texts texts, JsonMapper json, Clock clock) {
		this.dashboards = dashboards;
		this.texts = texts;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/dashboard")
	String page(@AuthenticationPrincipal SignedInUser actor, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) Long unit, Model model) {
		Campaign chosen = dashboards.campaign(campaign);
		Organisation root = dashboards.unit(actor, chosen, unit);
		Dashboard dashboard = dashboards.of(actor, chosen, root);
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("campaign", chosen);
		model.addAttribute("campaigns", dashboards.campaignChoices());
		model.addAttribute("unit", root);
		model.addAttribute("trail", dashboards.trail(actor, root));
		model.addAttribute("asOf", AS_OF.format(clock.instant().atZone(chosen.timeZone())));
		Map<String, Object> charts = new DashboardCharts(texts).of(dashboard);
		charts.replaceAll((name, spec) -> json.writeValueAsString(spec));
		model.addAttribute("charts", charts);
		return "reporting/dashboard";
	}

	@GetMapping(path = "/dashboard/data", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Dashboard data(@AuthenticationPrincipal SignedInUser actor, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) Long unit) {
		Campaign chosen = dashboards.campaign(campaign);
		return dashboards.of(actor, chosen, dashboards.unit(actor, chosen, unit));
	}

}
