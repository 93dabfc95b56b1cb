package cn.zhengji.campaign.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.CampaignChangeRejected;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.Declaration;
import cn.zhengji.campaign.CategoryRuleDescriptions;
import cn.zhengji.campaign.Phase;
import cn.zhengji.campaign.PhaseKind;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
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
 * Campaign administration (R-CAM) for the platform admin and, for the campaigns their
 * union hosts, a province's admins: list, detail, the campaign's own texts and host,
 * declarations, phases (add, remove, dates), categories (add, remove, rename, rules),
 * allocations, copy. A refused change says which works it would invalidate.
 */
@Controller
@RequestMapping("/admin/campaigns")
class CampaignAdminController {

	private final Campaigns campaigns;

	private final CampaignAdministration administration;

	private final CategoryRuleDescriptions descriptions;

	private final Texts texts;

	private final Clock clock;

	CampaignAdminController(Campaigns campaigns, CampaignAdministration administration,
			CategoryRuleDescriptions descriptions, Texts texts, Clock clock) {
		this.campaigns = campaigns;
		this.administration = administration;
		this.descriptions = descriptions;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser actor, Model model) {
		model.addAttribute("campaigns", administration.campaignsOf(actor));
		model.addAttribute("now", clock.instant());
		return "campaign/admin/list";
	}

	@GetMapping("/{code}")
	String detail(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		model.addAttribute("page", CampaignPage.of(campaign, campaigns, descriptions, clock.instant()));
		model.addAttribute("versions", campaigns.definitionVersions(campaign));
		return "campaign/admin/detail";
	}

	@GetMapping("/{code}/phases/{kind}")
	String showPhaseForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String kind, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		Phase phase = phase(campaign, kind);
		model.addAttribute("form", PhaseDatesForm.of(phase));
		return phaseForm(campaign, phase, model);
	}

	@PostMapping("/{code}/phases/{kind}")
	String submitPhaseDates(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String kind, @ModelAttribute("form") PhaseDatesForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		Phase phase = phase(campaign, kind);
		if (!errors.hasErrors()) {
			try {
				administration.changePhaseDates(actor, code, phase.kind(), form.getStartsOn(), form.getEndsOn(),
						form.getVersion());
				redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.phaseSaved"));
				return "redirect:/admin/campaigns/" + code;
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected.field(), rejected);
			}
		}
		return phaseForm(campaign, phase, model);
	}

	private String phaseForm(Campaign campaign, Phase phase, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("phase", phase);
		return "campaign/admin/phase-form";
	}

	@GetMapping("/{code}/categories/{categoryCode}")
	String showRulesForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		Category category = category(campaign, categoryCode);
		model.addAttribute("form", CategoryRulesForm.of(category));
		return rulesForm(campaign, category, model);
	}

	@PostMapping("/{code}/categories/{categoryCode}")
	String submitRules(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, @ModelAttribute("form") CategoryRulesForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		Category category = category(campaign, categoryCode);
		if (!errors.hasErrors()) {
			try {
				administration.changeCategoryRules(actor, code, categoryCode, form.toValues(), form.getVersion());
				redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.rulesSaved"));
				return "redirect:/admin/campaigns/" + code;
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected.field(), rejected);
			}
		}
		return rulesForm(campaign, category, model);
	}

	private String rulesForm(Campaign campaign, Category category, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("category", category);
		model.addAttribute("present", cn.zhengji.campaign.CategoryRuleValues.of(category.rules()));
		model.addAttribute("hasMedia", category.rules().primaryMediaSlot().isPresent());
		model.addAttribute("hasText", category.rules().limitedTextField().isPresent());
		model.addAttribute("hasImages", category.rules().imageSlot().isPresent());
		model.addAttribute("hasQuota", !category.rules().quotas().isEmpty());
		model.addAttribute("rules", descriptions.requirements(category.rules()));
		return "campaign/admin/category-form";
	}

	@GetMapping("/{code}/allocations")
	String showAllocationsForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		model.addAttribute("form", AllocationsForm.of(campaigns.allocations(campaign), campaign.version()));
		return allocationsForm(campaign, model);
	}

	@PostMapping("/{code}/allocations")
	String submitAllocations(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@ModelAttribute("form") AllocationsForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		if (!errors.hasErrors()) {
			try {
				administration.changeAllocations(actor, code, form.toEventsByUnit(), form.getVersion());
				redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.allocationsSaved"));
				return "redirect:/admin/campaigns/" + code;
			}
			catch (CampaignChangeRejected rejected) {
				List<String> codes = form.getRows().stream().map(AllocationsForm.Row::getUnitCode).toList();
				reject(errors, "rows[" + codes.indexOf(rejected.field()) + "].events", rejected);
			}
		}
		return allocationsForm(campaign, model);
	}

	private String allocationsForm(Campaign campaign, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("allocations", campaigns.allocations(campaign));
		return "campaign/admin/allocations-form";
	}

	@GetMapping("/{code}/copy")
	String showCopyForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		CopyCampaignForm form = new CopyCampaignForm();
		int year = campaign.year() + 2;
		form.setYear(year);
		form.setTitle(campaign.title().replace(String.valueOf(campaign.year()), String.valueOf(year)));
		form.setCode(campaign.code().replace(String.valueOf(campaign.year()), String.valueOf(year)));
		model.addAttribute("form", form);
		model.addAttribute("campaign", campaign);
		return "campaign/admin/copy-form";
	}

	@PostMapping("/{code}/copy")
	String submitCopy(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@ModelAttribute("form") CopyCampaignForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		if (!errors.hasErrors()) {
			try {
				Campaign copy = administration.copy(actor, code, form.getCode(), form.getTitle(), form.getYear());
				redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.copied"));
				return "redirect:/admin/campaigns/" + copy.code();
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected.field(), rejected);
			}
			catch (DuplicateKeyException taken) {
				errors.rejectValue("code", "campaign.copy.codeTaken");
			}
		}
		model.addAttribute("campaign", campaign);
		return "campaign/admin/copy-form";
	}

	@GetMapping("/{code}/settings")
	String showSettingsForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		model.addAttribute("form", CampaignSettingsForm.of(campaign));
		return settingsForm(actor, campaign, model);
	}

	@PostMapping("/{code}/settings")
	String submitSettings(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@ModelAttribute("form") CampaignSettingsForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		if (!errors.hasErrors()) {
			try {
				administration.changeSettings(actor, code, form.toSettings(), form.getVersion());
				redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.settingsSaved"));
				return "redirect:/admin/campaigns/" + code;
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected.field(), rejected);
			}
		}
		return settingsForm(actor, campaign, model);
	}

	private String settingsForm(SignedInUser actor, Campaign campaign, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("hosts", administration.possibleHosts(actor, campaign));
		return "campaign/admin/settings-form";
	}

	@GetMapping("/{code}/declarations/{declaration}")
	String showDeclarationForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String declaration, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		model.addAttribute("form", DeclarationForm.of(declaration(campaign, declaration)));
		return declarationForm(campaign, declaration, model);
	}

	@PostMapping("/{code}/declarations/{declaration}")
	String submitDeclaration(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String declaration, @ModelAttribute("form") DeclarationForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		declaration(campaign, declaration);
		if (!errors.hasErrors()) {
			try {
				administration.changeDeclaration(actor, code, declaration, form.getTitle(), form.getBody(),
						form.getTextVersion());
				redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.declarationSaved"));
				return "redirect:/admin/campaigns/" + code;
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected.field(), rejected);
			}
		}
		return declarationForm(campaign, declaration, model);
	}

	private String declarationForm(Campaign campaign, String declaration, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("declaration", declaration(campaign, declaration));
		return "campaign/admin/declaration-form";
	}

	private Declaration declaration(Campaign campaign, String code) {
		return campaigns.declarations(campaign)
			.stream()
			.filter(declaration -> declaration.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("declaration " + code));
	}

	@GetMapping("/{code}/phases/new")
	String showNewPhaseForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		model.addAttribute("form", new NewPhaseForm());
		return newPhaseForm(campaign, model);
	}

	@PostMapping("/{code}/phases/new")
	String submitNewPhase(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@ModelAttribute("form") NewPhaseForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		if (!errors.hasErrors()) {
			try {
				PhaseKind kind = Arrays.stream(PhaseKind.values())
					.filter(candidate -> candidate.name().equals(form.getKind()))
					.findFirst()
					.orElse(null);
				administration.addPhase(actor, code, kind, form.getName(), form.getDescription(), form.getStartsOn(),
						form.getEndsOn());
				redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.phaseAdded"));
				return "redirect:/admin/campaigns/" + code;
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected.field(), rejected);
			}
		}
		return newPhaseForm(campaign, model);
	}

	private String newPhaseForm(Campaign campaign, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("kinds",
				Arrays.stream(PhaseKind.values()).filter(kind -> campaign.phase(kind).isEmpty()).toList());
		return "campaign/admin/phase-new";
	}

	@PostMapping("/{code}/phases/{kind}/delete")
	String removePhase(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String kind, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		Phase phase = phase(campaign, kind);
		try {
			administration.removePhase(actor, code, phase.kind(), version);
			redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.phaseRemoved"));
		}
		catch (CampaignChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		return "redirect:/admin/campaigns/" + code;
	}

	@GetMapping("/{code}/categories/new")
	String showNewCategoryForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		model.addAttribute("form", new NewCategoryForm());
		return newCategoryForm(campaign, model);
	}

	@PostMapping("/{code}/categories/new")
	String submitNewCategory(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@ModelAttribute("form") NewCategoryForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		if (!errors.hasErrors()) {
			try {
				Category added = administration.addCategory(actor, code, form.getCode(), form.getName(),
						form.getShortName(), form.getBasedOn());
				redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.categoryAdded"));
				return "redirect:/admin/campaigns/" + code + "/categories/" + added.code();
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected.field(), rejected);
			}
		}
		return newCategoryForm(campaign, model);
	}

	private String newCategoryForm(Campaign campaign, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("categories", campaigns.categories(campaign));
		return "campaign/admin/category-new";
	}

	@GetMapping("/{code}/categories/{categoryCode}/name")
	String showCategoryNameForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, Model model) {
		Campaign campaign = administration.campaignFor(actor, code);
		Category category = category(campaign, categoryCode);
		model.addAttribute("form", CategoryNameForm.of(category));
		return categoryNameForm(campaign, category, model);
	}

	@PostMapping("/{code}/categories/{categoryCode}/name")
	String submitCategoryName(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, @ModelAttribute("form") CategoryNameForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		Category category = category(campaign, categoryCode);
		if (!errors.hasErrors()) {
			try {
				administration.renameCategory(actor, code, categoryCode, form.getName(), form.getShortName(),
						form.getDescription(), form.getVersion());
				redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.categorySaved"));
				return "redirect:/admin/campaigns/" + code;
			}
			catch (CampaignChangeRejected rejected) {
				reject(errors, rejected.field(), rejected);
			}
		}
		return categoryNameForm(campaign, category, model);
	}

	private String categoryNameForm(Campaign campaign, Category category, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("category", category);
		return "campaign/admin/category-name";
	}

	@PostMapping("/{code}/categories/{categoryCode}/delete")
	String removeCategory(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable String categoryCode, @RequestParam(defaultValue = "-1") int version,
			RedirectAttributes redirect) {
		Campaign campaign = administration.campaignFor(actor, code);
		category(campaign, categoryCode);
		try {
			administration.removeCategory(actor, code, categoryCode, version);
			redirect.addFlashAttribute("flashSuccess", texts.text("campaign.flash.categoryRemoved"));
		}
		catch (CampaignChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		return "redirect:/admin/campaigns/" + code;
	}

	private static Phase phase(Campaign campaign, String kind) {
		return Arrays.stream(PhaseKind.values())
			.filter(candidate -> candidate.name().equals(kind))
			.findFirst()
			.flatMap(campaign::phase)
			.orElseThrow(() -> new NotFoundException("phase " + kind));
	}

	private Category category(Campaign campaign, String categoryCode) {
		return campaigns.category(campaign, categoryCode)
			.orElseThrow(() -> new NotFoundException("category " + categoryCode));
	}

	private static void reject(BindingResult errors, String field, CampaignChangeRejected rejected) {
		if (field == null) {
			errors.reject(rejected.messageCode(), rejected.arguments(), null);
			return;
		}
		errors.rejectValue(field, rejected.messageCode(), rejected.arguments(), null);
		errors.reject("campaign.form.invalid");
	}

}
