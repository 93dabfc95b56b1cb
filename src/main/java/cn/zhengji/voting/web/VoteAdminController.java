package cn.zhengji.voting.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.voting.VoteReview;
import cn.zhengji.voting.VoteReview.Anomaly;
import cn.zhengji.voting.VoteReview.Kind;
import cn.zhengji.voting.VoteSetting;
import cn.zhengji.voting.VoteSettingRejected;
import cn.zhengji.voting.VotingSettings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 13 item 4, the admins' pages of a campaign's vote, for whoever administers the
 * campaign ({@link CampaignAdministration#campaignFor}; 404 for anyone else): counts per
 * work, anomalies (and their Excel export), the latest votes with masked numbers, voiding
 * with a reason; the settings of each category.
 */
@Controller
@RequestMapping("/admin/campaigns/{code}/votes")
class VoteAdminController {

	private static final int LATEST = 100;

	private final CampaignAdministration administration;

	private final Campaigns campaigns;

	private final VotingSettings settings;

	private final VoteReview review;

	private final ExcelExports exports;

	private final Texts texts;

	VoteAdminController(CampaignAdministration administration, Campaigns campaigns, VotingSettings settings,
			VoteReview review, ExcelExports exports, Texts texts) {
		this.administration = administration;
		this.campaigns = campaigns;
		this.settings = settings;
		this.review = review;
		this.exports = exports;
		this.texts = texts;
	}

	@GetMapping
	String overview(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		model.addAttribute("campaign", campaign);
		model.addAttribute("counts", review.counts(campaign));
		model.addAttribute("anomalies", review.anomalies(campaign));
		model.addAttribute("latest", review.latest(campaign, LATEST));
		model.addAttribute("zone", campaign.timeZone());
		return "voting/admin";
	}

	@PostMapping("/{voteId:[0-9]{1,18}}/void")
	String voidVote(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, @PathVariable long voteId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		try {
			boolean voided = review.voidVote(actor, campaign, voteId, reason);
			redirect.addFlashAttribute("flashSuccess",
					texts.text(voided ? "voting.admin.voided.one" : "voting.admin.voided.none"));
		}
		catch (VoteSettingRejected refusal) {
			redirect.addFlashAttribute("flashError", texts.text(refusal.messageCode(), refusal.arguments()));
		}
		return "redirect:/admin/campaigns/" + campaign.code() + "/votes";
	}

	@PostMapping("/anomalies/void")
	String voidGroup(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String key,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		try {
			Kind group = kind(kind);
			int voided = review.voidGroup(actor, campaign, group, key, reason);
			redirect.addFlashAttribute("flashSuccess", voided == 0 ? texts.text("voting.admin.voided.none")
					: texts.text("voting.admin.voided.group", voided));
		}
		catch (VoteSettingRejected refusal) {
			redirect.addFlashAttribute("flashError", texts.text(refusal.messageCode(), refusal.arguments()));
		}
		return "redirect:/admin/campaigns/" + campaign.code() + "/votes";
	}

	private static Kind kind(String kind) {
		for (Kind candidate : Kind.values()) {
			if (candidate.name().equals(kind)) {
				return candidate;
			}
		}
		throw new VoteSettingRejected("kind", "voting.void.key");
	}

	@GetMapping("/anomalies.xlsx")
	void exportAnomalies(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			HttpServletResponse response) throws IOException {
		Campaign campaign = administration.campaignFor(actor, code);
		List<Anomaly> anomalies = review.anomalies(campaign);
		exports.download(response,
				new ExcelExports.Export(ExportedList.VOTE_ANOMALIES, texts.text("voting.admin.anomalies"),
						texts.text("voting.admin.anomalies"),
						List.of(texts.text("voting.admin.kind"), texts.text("voting.admin.group"),
								texts.text("voting.admin.voters"), texts.text("voting.admin.votes"),
								texts.text("voting.admin.counted")),
						campaign.hostOrganisationPath(), new LinkedHashMap<>(Map.of("campaign", campaign.code()))),
				campaign.timeZone(), (rows) -> {
					for (Anomaly anomaly : anomalies) {
						rows.row(texts.text("voting.admin.kind." + anomaly.kind().name()), anomaly.label(),
								anomaly.voters(), anomaly.votes(), anomaly.counted());
					}
				});
	}

	@GetMapping("/settings")
	String settingsPage(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		return settingsPage(campaign, model);
	}

	@PostMapping("/settings")
	String save(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@RequestParam(required = false) String categoryCode, @RequestParam(required = false) String roundId,
			@RequestParam(required = false) String opensAt, @RequestParam(required = false) String closesAt,
			@RequestParam(required = false) String votesPerDay, @RequestParam(required = false) String weight,
			@RequestParam(defaultValue = "false") boolean countsPublic, Model model, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		try {
			settings.save(actor, campaign,
					new VotingSettings.Change(categoryCode, number(roundId, "roundId"), time(opensAt, "opensAt"),
							time(closesAt, "closesAt"), intNumber(votesPerDay, "votesPerDay"),
							intNumber(weight, "weight"), countsPublic));
		}
		catch (VoteSettingRejected refusal) {
			model.addAttribute("error", texts.text(refusal.messageCode(), refusal.arguments()));
			model.addAttribute("errorField", refusal.field());
			return settingsPage(campaign, model);
		}
		redirect.addFlashAttribute("flashSuccess", texts.text("voting.settings.saved"));
		return "redirect:/admin/campaigns/" + campaign.code() + "/votes/settings";
	}

	private String settingsPage(Campaign campaign, Model model) {
		Map<Long, VoteSetting> current = settings.of(campaign);
		List<Category> categories = campaigns.categories(campaign);
		model.addAttribute("campaign", campaign);
		model.addAttribute("categories", categories);
		model.addAttribute("current", current);
		model.addAttribute("rounds", campaigns.reviewRoundsByCategory(campaign));
		model.addAttribute("zone", campaign.timeZone());
		return "voting/settings";
	}

	private static Long number(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new VoteSettingRejected(field, "voting.settings.round.unknown");
		}
	}

	private static LocalDateTime time(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new VoteSettingRejected(field, "voting.settings.time.required");
		}
	}

	private static Integer intNumber(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new VoteSettingRejected(field,
					"votesPerDay".equals(field) ? "voting.settings.votesPerDay.range" : "voting.settings.weight.range");
		}
	}

}
