package cn.zhengji.review.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.zhengji.account.AccountAdministration;
import cn.zhengji.account.ExpertInvitations;
import cn.zhengji.account.ExpertInvitations.ExpertDetails;
import cn.zhengji.account.FieldProblem;
import cn.zhengji.account.InvalidAccountInput;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.CampaignChangeRejected;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewDefinitions;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.campaign.Rubric;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.ChangeRejected;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.review.ExpertAssignment;
import cn.zhengji.review.ReviewAssignments;
import cn.zhengji.review.ReviewChangeRejected;
import cn.zhengji.review.ReviewPools;
import cn.zhengji.submission.ApprovedEntry;
import cn.zhengji.submission.Entries;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 12 items 1–3, the admin pages of a campaign's review (评审管理), for whoever
 * administers the campaign ({@link CampaignAdministration#campaignFor}; 404 for anyone
 * else): per category its rubric and rounds with their edit forms; per round the expert
 * pool (add, invite, remove) and the assignment (自动分配 with its shortfalls, the experts of
 * each work, manual pairs, the load per expert).
 */
@Controller
@RequestMapping("/admin/campaigns/{code}/review")
class ReviewAdminController {

	private final CampaignAdministration administration;

	private final Campaigns campaigns;

	private final ReviewDefinitions definitions;

	private final ReviewPools pools;

	private final ReviewAssignments assignments;

	private final AccountAdministration accounts;

	private final Entries entries;

	private final Texts texts;

	ReviewAdminController(CampaignAdministration administration, Campaigns campaigns, ReviewDefinitions definitions,
			ReviewPools pools, ReviewAssignments assignments, AccountAdministration accounts, Entries entries,
			Texts texts) {
		this.administration = administration;
		this.campaigns = campaigns;
		this.definitions = definitions;
		this.pools = pools;
		this.assignments = assignments;
		this.accounts = accounts;
		this.entries = entries;
		this.texts = texts;
	}

	/** A category with what the overview shows of it. */
	record CategoryReview(Category category, Rubric rubric, List<ReviewRound> rounds) {
	}

	@GetMapping
	String overview(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		List<CategoryReview> categories = campaigns.categories(campaign)
			.stream()
			.map((category) -> new CategoryReview(category, campaigns.rubric(category.id()).orElse(null),
					campaigns.reviewRounds(category.id())))
			.toList();
		model.addAttribute("campaign", campaign);
		model.addAttribute("categories", categories);
		return "review/admin/overview";
	}

	// --- rubric

	@GetMapping("/categories/{categoryCode}/rubric")
	String rubricForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		Category category = category(campaign, categoryCode);
		model.addAttribute("form",
				RubricForm.of(campaigns.rubric(category.id()).orElse(null), category.rubricVersion()));
		return rubricPage(campaign, category, model);
	}

	@PostMapping("/categories/{categoryCode}/rubric")
	String changeRubric(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, @ModelAttribute("form") RubricForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		Category category = category(campaign, categoryCode);
		if (!errors.hasErrors()) {
			try {
				definitions.changeRubric(actor, code, categoryCode, form.inputs(), form.getVersion());
				redirect.addFlashAttribute("flashSuccess", texts.text("review.admin.flash.rubricSaved"));
				return overviewRedirect(code);
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected);
			}
		}
		form.withSpareRows();
		return rubricPage(campaign, category, model);
	}

	private String rubricPage(Campaign campaign, Category category, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("category", category);
		return "review/admin/rubric-form";
	}

	// --- rounds

	@GetMapping("/categories/{categoryCode}/rounds/new")
	String newRoundForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		Category category = category(campaign, categoryCode);
		RoundForm form = new RoundForm();
		form.setVersion(category.reviewRoundsVersion());
		form.setEntryRule(campaigns.reviewRounds(category.id()).isEmpty() ? ReviewRound.EntryRule.APPROVED_BY_HOST
				: ReviewRound.EntryRule.TOP_SHARE);
		form.setExpertsPerWork(3);
		model.addAttribute("form", form);
		return roundPage(campaign, category, null, model);
	}

	@PostMapping("/categories/{categoryCode}/rounds/new")
	String addRound(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, @ModelAttribute("form") RoundForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		Category category = category(campaign, categoryCode);
		if (!errors.hasErrors()) {
			try {
				definitions.addRound(actor, code, categoryCode, form.getCode(), form.input(), form.getVersion());
				redirect.addFlashAttribute("flashSuccess", texts.text("review.admin.flash.roundSaved"));
				return overviewRedirect(code);
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected);
			}
		}
		return roundPage(campaign, category, null, model);
	}

	@GetMapping("/categories/{categoryCode}/rounds/{roundCode}")
	String roundForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, @PathVariable String roundCode, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		Category category = category(campaign, categoryCode);
		ReviewRound round = round(category, roundCode);
		model.addAttribute("form", RoundForm.of(round, category.reviewRoundsVersion()));
		return roundPage(campaign, category, round, model);
	}

	@PostMapping("/categories/{categoryCode}/rounds/{roundCode}")
	String changeRound(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, @PathVariable String roundCode, @ModelAttribute("form") RoundForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		Category category = category(campaign, categoryCode);
		ReviewRound round = round(category, roundCode);
		if (!errors.hasErrors()) {
			try {
				definitions.changeRound(actor, code, categoryCode, roundCode, form.input(), form.getVersion());
				redirect.addFlashAttribute("flashSuccess", texts.text("review.admin.flash.roundSaved"));
				return overviewRedirect(code);
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected);
			}
		}
		return roundPage(campaign, category, round, model);
	}

	private String roundPage(Campaign campaign, Category category, ReviewRound round, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("category", category);
		model.addAttribute("round", round);
		return "review/admin/round-form";
	}

	// --- pool

	@GetMapping("/rounds/{roundId}/pool")
	String pool(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, @PathVariable long roundId,
			Model model) {
		model.addAttribute("form", new InvitationForm());
		return poolPage(actor, code, roundId, model);
	}

	@PostMapping("/rounds/{roundId}/pool")
	String addToPool(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, @PathVariable long roundId,
			@RequestParam(required = false) Long expertId, RedirectAttributes redirect) {
		roundOf(actor, code, roundId);
		if (expertId == null) {
			redirect.addFlashAttribute("flashError", texts.text("review.admin.pool.chooseExpert"));
		}
		else {
			try {
				pools.add(actor, roundId, expertId);
				redirect.addFlashAttribute("flashSuccess", texts.text("review.admin.flash.poolAdded"));
			}
			catch (ReviewChangeRejected rejected) {
				redirect.addFlashAttribute("flashError", texts.text(rejected));
			}
		}
		return poolRedirect(code, roundId);
	}

	@PostMapping("/rounds/{roundId}/pool/{expertId}/remove")
	String removeFromPool(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable long roundId, @PathVariable long expertId, RedirectAttributes redirect) {
		roundOf(actor, code, roundId);
		pools.remove(actor, roundId, expertId);
		redirect.addFlashAttribute("flashSuccess", texts.text("review.admin.flash.poolRemoved"));
		return poolRedirect(code, roundId);
	}

	@PostMapping("/rounds/{roundId}/pool/invite")
	String invite(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, @PathVariable long roundId,
			@ModelAttribute("form") InvitationForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		roundOf(actor, code, roundId);
		if (!errors.hasErrors()) {
			try {
				ExpertInvitations.Invited invited = pools.invite(actor, roundId, form.invitation());
				// Flash attributes live in the session: plain strings only.
				Map<String, String> shown = new HashMap<>();
				shown.put("name", invited.displayName());
				shown.put("mobile", invited.mobileMasked());
				if (invited.reused()) {
					redirect.addFlashAttribute("flashSuccess",
							texts.text("review.admin.flash.expertReused", invited.displayName()));
				}
				else {
					shown.put("password", invited.oneTimePassword());
					redirect.addFlashAttribute("invited", shown);
				}
				return poolRedirect(code, roundId);
			}
			catch (InvalidAccountInput refusal) {
				for (FieldProblem problem : refusal.problems()) {
					if (problem.field() == null) {
						errors.reject(problem.messageCode(), problem.arguments(), null);
					}
					else {
						errors.rejectValue(problem.field(), problem.messageCode(), problem.arguments(), null);
					}
				}
			}
			catch (ReviewChangeRejected rejected) {
				errors.reject(rejected.messageCode(), rejected.arguments(), null);
			}
		}
		return poolPage(actor, code, roundId, model);
	}

	private String poolPage(SignedInUser actor, String code, long roundId, Model model) {
		RoundPage page = roundOf(actor, code, roundId);
		page.addTo(model);
		model.addAttribute("members", pools.memberDetails(actor, roundId));
		model.addAttribute("candidates", pools.candidates(actor, roundId));
		model.addAttribute("organisations", accounts.assignableOrganisations(actor));
		return "review/admin/pool";
	}

	// --- assignment

	@GetMapping("/rounds/{roundId}/assignment")
	String assignment(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable long roundId, Model model) {
		return assignmentPage(actor, code, roundId, null, model);
	}

	@PostMapping("/rounds/{roundId}/assignment")
	String assign(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, @PathVariable long roundId,
			Model model) {
		roundOf(actor, code, roundId);
		try {
			ExpertAssignment.Result result = assignments.assign(actor, roundId);
			return assignmentPage(actor, code, roundId, result, model);
		}
		catch (ReviewChangeRejected rejected) {
			model.addAttribute("flashError", texts.text(rejected));
			return assignmentPage(actor, code, roundId, null, model);
		}
	}

	@PostMapping("/rounds/{roundId}/assignment/pairs")
	String addPair(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, @PathVariable long roundId,
			@RequestParam(required = false) Long entryId, @RequestParam(required = false) Long expertId,
			RedirectAttributes redirect) {
		roundOf(actor, code, roundId);
		if (entryId == null || expertId == null) {
			redirect.addFlashAttribute("flashError", texts.text("review.admin.assignment.choosePair"));
			return assignmentRedirect(code, roundId);
		}
		try {
			assignments.addPair(actor, roundId, entryId, expertId);
			redirect.addFlashAttribute("flashSuccess", texts.text("review.admin.flash.pairAdded"));
		}
		catch (ReviewChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		return assignmentRedirect(code, roundId);
	}

	@PostMapping("/rounds/{roundId}/assignment/pairs/remove")
	String removePair(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable long roundId, @RequestParam long entryId, @RequestParam long expertId,
			RedirectAttributes redirect) {
		roundOf(actor, code, roundId);
		assignments.removePair(actor, roundId, entryId, expertId);
		redirect.addFlashAttribute("flashSuccess", texts.text("review.admin.flash.pairRemoved"));
		return assignmentRedirect(code, roundId);
	}

	/** One row of the assignment table: a work with its experts. */
	record WorkRow(long entryId, String title, List<ExpertDetails> experts) {
	}

	/** One expert with the number of works given to it. */
	record Load(ExpertDetails expert, int works) {
	}

	/** What 自动分配 found, ready to show. */
	record AssignmentSummary(int works, int pairs, List<String> shortfalls, int dropped, int spread) {
	}

	private String assignmentPage(SignedInUser actor, String code, long roundId, ExpertAssignment.Result result,
			Model model) {
		RoundPage page = roundOf(actor, code, roundId);
		page.addTo(model);
		List<ExpertDetails> members = pools.memberDetails(actor, roundId);
		Map<Long, ExpertDetails> byId = new LinkedHashMap<>();
		members.forEach((member) -> byId.put(member.accountId(), member));
		Map<Long, List<Long>> stored = assignments.expertsByWork(actor, roundId);
		// An expert taken out of the pool keeps its pairs until the next run.
		List<Long> outside = stored.values()
			.stream()
			.flatMap(List::stream)
			.filter((id) -> !byId.containsKey(id))
			.distinct()
			.toList();
		pools.expertDetails(actor, roundId, outside).forEach((expert) -> byId.put(expert.accountId(), expert));
		TreeSet<Long> works = new TreeSet<>(stored.keySet());
		if (!page.round().entryRule().selectsFromPreviousRound()) {
			entries.approvedByHost(page.category().id()).stream().map(ApprovedEntry::id).forEach(works::add);
		}
		Map<Long, String> titles = entries.titlesOf(works);
		List<WorkRow> rows = new ArrayList<>();
		Map<Long, Integer> loads = new TreeMap<>();
		members.forEach((member) -> loads.put(member.accountId(), 0));
		for (long work : works) {
			List<ExpertDetails> experts = new ArrayList<>();
			for (long expertId : stored.getOrDefault(work, List.of())) {
				experts.add(byId.get(expertId));
				loads.merge(expertId, 1, Integer::sum);
			}
			rows.add(new WorkRow(work, titles.getOrDefault(work, ""), experts));
		}
		List<Load> loadRows = loads.entrySet()
			.stream()
			.filter((load) -> byId.containsKey(load.getKey()))
			.map((load) -> new Load(byId.get(load.getKey()), load.getValue()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("loads", loadRows);
		model.addAttribute("members", members);
		model.addAttribute("pairCount", stored.values().stream().mapToInt(List::size).sum());
		if (result != null) {
			List<String> shortfalls = result.shortfalls()
				.stream()
				.map((shortfall) -> texts.text("review.admin.assignment.shortfallOf", shortfall.workId(),
						shortfall.assigned(),
						texts.text(ExpertAssignment.Shortfall.MESSAGE_KEY, shortfall.messageArguments())))
				.toList();
			model.addAttribute("summary",
					new AssignmentSummary(result.expertsByWork().size(),
							result.expertsByWork().values().stream().mapToInt(List::size).sum(), shortfalls,
							result.dropped().size(), result.spread()));
		}
		return "review/admin/assignment";
	}

	// --- helpers

	/** The round with its category and campaign, as the round pages show them. */
	record RoundPage(Campaign campaign, Category category, ReviewRound round) {

		void addTo(Model model) {
			model.addAttribute("campaign", campaign);
			model.addAttribute("category", category);
			model.addAttribute("round", round);
		}

	}

	/**
	 * The round if it belongs to this campaign and the actor administers it; else 404.
	 */
	private RoundPage roundOf(SignedInUser actor, String code, long roundId) {
		Campaign campaign = administration.campaignFor(actor, code);
		ReviewRound round = campaigns.reviewRound(roundId)
			.orElseThrow(() -> new NotFoundException("review round " + roundId));
		Category category = campaigns.findCategory(round.categoryId())
			.filter((candidate) -> candidate.campaignId() == campaign.id())
			.orElseThrow(() -> new NotFoundException("review round " + roundId + " of " + code));
		return new RoundPage(campaign, category, round);
	}

	private Category category(Campaign campaign, String categoryCode) {
		return campaigns.category(campaign, categoryCode)
			.orElseThrow(() -> new NotFoundException("category " + categoryCode));
	}

	private ReviewRound round(Category category, String roundCode) {
		return campaigns.reviewRounds(category.id())
			.stream()
			.filter((round) -> round.code().equals(roundCode))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("review round " + roundCode));
	}

	private static void reject(BindingResult errors, ChangeRejected rejected) {
		if (rejected.field() == null) {
			errors.reject(rejected.messageCode(), rejected.arguments(), null);
			return;
		}
		errors.rejectValue(rejected.field(), rejected.messageCode(), rejected.arguments(), null);
		errors.reject("review.admin.form.invalid");
	}

	private static String overviewRedirect(String code) {
		return "redirect:/admin/campaigns/" + code + "/review";
	}

	private static String poolRedirect(String code, long roundId) {
		return "redirect:/admin/campaigns/" + code + "/review/rounds/" + roundId + "/pool";
	}

	private static String assignmentRedirect(String code, long roundId) {
		return "redirect:/admin/campaigns/" + code + "/review/rounds/" + roundId + "/assignment";
	}

}
