package cn.zhengji.approval.web;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.text.CharacterCount;
import cn.zhengji.approval.ApprovalRejected;
import cn.zhengji.approval.Approvals;
import cn.zhengji.approval.BatchOutcome;
import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.approval.WorklistFilter;
import cn.zhengji.approval.Worklists;
import cn.zhengji.submission.EntryState;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * R-X-2, R-APR-1 The admins' worklists: every entry in their subtree
 * ({@code /admin/works}) and the queue of what waits for their own organisation
 * ({@code /admin/queue}), both filterable and exported to Excel; batch approval from the
 * queue.
 */
@Controller
class WorklistController {

	private final Worklists search;

	private final Approvals approvals;

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final ExcelExports exports;

	private final Texts texts;

	WorklistController(Worklists search, Approvals approvals, Campaigns campaigns, Organisations organisations,
			ExcelExports exports, Texts texts) {
		this.search = search;
		this.approvals = approvals;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.exports = exports;
		this.texts = texts;
	}

	@GetMapping("/admin/works")
	String works(@AuthenticationPrincipal SignedInUser actor, @ModelAttribute("filter") WorklistFilterForm form,
			BindingResult binding, Model model) {
		return page(actor, form, binding, form.toFilter(), false, model);
	}

	@GetMapping("/admin/queue")
	String queue(@AuthenticationPrincipal SignedInUser actor, @ModelAttribute("filter") WorklistFilterForm form,
			BindingResult binding, Model model) {
		return page(actor, form, binding, queueFilter(actor, form), true, model);
	}

	@GetMapping("/admin/works.xlsx")
	void exportWorks(@AuthenticationPrincipal SignedInUser actor, @ModelAttribute("filter") WorklistFilterForm form,
			BindingResult binding, HttpServletResponse response) throws IOException {
		export(actor, form.toFilter(), texts.text("approval.export.works"), response);
	}

	@GetMapping("/admin/queue.xlsx")
	void exportQueue(@AuthenticationPrincipal SignedInUser actor, @ModelAttribute("filter") WorklistFilterForm form,
			BindingResult binding, HttpServletResponse response) throws IOException {
		export(actor, queueFilter(actor, form), texts.text("approval.export.queue"), response);
	}

	/**
	 * R-NOM-2 The form of the export with nominees' personal data in full: it keeps the
	 * list's filter and asks for the purpose. Any admin may ask; whose data the file
	 * holds in full is {@code EntryPolicy.maySeePersonalData}'s rule (see
	 * {@link Worklists#exportWithPersonalData}).
	 */
	@GetMapping("/admin/works/full-export")
	String showWorksFullExportForm(@AuthenticationPrincipal SignedInUser actor,
			@ModelAttribute("filter") WorklistFilterForm form, BindingResult binding, Model model) {
		return fullExportForm(false, null, null, model);
	}

	@PostMapping("/admin/works/full-export")
	String exportWorksInFull(@AuthenticationPrincipal SignedInUser actor,
			@ModelAttribute("filter") WorklistFilterForm form, BindingResult binding,
			@RequestParam(required = false) String purpose, HttpServletResponse response, Model model)
			throws IOException {
		return exportInFull(actor, form.toFilter(), texts.text("approval.export.works"), false, purpose, response,
				model);
	}

	@GetMapping("/admin/queue/full-export")
	String showQueueFullExportForm(@AuthenticationPrincipal SignedInUser actor,
			@ModelAttribute("filter") WorklistFilterForm form, BindingResult binding, Model model) {
		requireQueue(actor);
		return fullExportForm(true, null, null, model);
	}

	@PostMapping("/admin/queue/full-export")
	String exportQueueInFull(@AuthenticationPrincipal SignedInUser actor,
			@ModelAttribute("filter") WorklistFilterForm form, BindingResult binding,
			@RequestParam(required = false) String purpose, HttpServletResponse response, Model model)
			throws IOException {
		return exportInFull(actor, queueFilter(actor, form), texts.text("approval.export.queue"), true, purpose,
				response, model);
	}

	/**
	 * Each ticked box sends {@code <entry id>:<version shown>}, so an entry changed since
	 * the queue was shown is refused as a conflict instead of approved unseen.
	 */
	@PostMapping("/admin/queue/approve")
	String approveAll(@AuthenticationPrincipal SignedInUser actor,
			@RequestParam(name = "entry", required = false) List<String> picked,
			@RequestParam(required = false) String opinion, RedirectAttributes redirect) {
		requireQueue(actor);
		Map<Long, Integer> versionsSeen = versionsSeen(picked);
		if (versionsSeen.isEmpty()) {
			redirect.addFlashAttribute("flashError", texts.text("approval.batch.noneSelected"));
			return "redirect:/admin/queue";
		}
		try {
			// The same rule as the decision panel's, checked once for the whole batch.
			Approvals.opinion(opinion, "approval.batch.opinionRequired");
		}
		catch (ApprovalRejected refused) {
			redirect.addFlashAttribute("flashError", texts.text(refused.messageCode(), refused.arguments()));
			return "redirect:/admin/queue";
		}
		BatchOutcome outcome = approvals.approveAll(actor, versionsSeen, opinion);
		if (!outcome.approved().isEmpty()) {
			redirect.addFlashAttribute("flashSuccess",
					texts.text("approval.batch.approved", outcome.approved().size()));
		}
		if (!outcome.refused().isEmpty()) {
			redirect.addFlashAttribute("batchRefused", outcome.refused());
		}
		return "redirect:/admin/queue";
	}

	/**
	 * A box without a readable version counts as seen at no version: it is refused, never
	 * approved.
	 */
	private static Map<Long, Integer> versionsSeen(List<String> picked) {
		Map<Long, Integer> versions = new LinkedHashMap<>();
		for (String value : picked == null ? List.<String>of() : picked) {
			String[] parts = value.split(":", 2);
			try {
				long id = Long.parseLong(parts[0].strip());
				int version = -1;
				if (parts.length == 2) {
					try {
						version = Integer.parseInt(parts[1].strip());
					}
					catch (NumberFormatException ex) {
						version = -1;
					}
				}
				versions.putIfAbsent(id, version);
			}
			catch (NumberFormatException ex) {
				// Not an entry id at all: nothing to approve.
			}
		}
		return versions;
	}

	private String page(SignedInUser actor, WorklistFilterForm form, BindingResult binding, WorklistFilter filter,
			boolean queue, Model model) {
		List<String> problems = new ArrayList<>();
		for (var error : binding.getFieldErrors()) {
			problems.add(texts.text("approval.filter.invalid." + error.getField()));
		}
		Worklists.Page page = search.search(actor, filter, Math.max(0, form.getPage() - 1));
		List<Campaign> visibleCampaigns = campaigns.allVisible();
		model.addAttribute("queue", queue);
		model.addAttribute("problems", problems);
		model.addAttribute("result", page);
		model.addAttribute("campaigns", visibleCampaigns);
		model.addAttribute("categoryGroups", categoryGroups(visibleCampaigns, filter));
		model.addAttribute("units", units(actor, form.getUnit()));
		model.addAttribute("states", queue ? List.of() : List.of(EntryState.values()));
		String base = queue ? "/admin/queue" : "/admin/works";
		model.addAttribute("base", base);
		model.addAttribute("exportUrl",
				ServletUriComponentsBuilder.fromCurrentRequest()
					.replacePath(base + ".xlsx")
					.replaceQueryParam("page")
					.build()
					.toUriString());
		model.addAttribute("fullExportUrl",
				ServletUriComponentsBuilder.fromCurrentRequest()
					.replacePath(base + "/full-export")
					.replaceQueryParam("page")
					.build()
					.toUriString());
		model.addAttribute("pageUrls", pageUrls(page));
		return "approval/worklist";
	}

	/**
	 * The categories to filter by, each once under its campaign: the campaigns shown
	 * share category names (the micro-video category is in the national, the Fujian and
	 * the demonstration campaign), so with several the options are grouped by campaign.
	 */
	private List<AbstractMap.SimpleImmutableEntry<String, List<Category>>> categoryGroups(
			List<Campaign> visibleCampaigns, WorklistFilter filter) {
		List<AbstractMap.SimpleImmutableEntry<String, List<Category>>> groups = new ArrayList<>();
		for (Campaign campaign : visibleCampaigns) {
			if (filter.campaignId() != null && campaign.id() != filter.campaignId()) {
				continue;
			}
			Map<Long, Category> once = new LinkedHashMap<>();
			campaigns.categories(campaign).forEach(category -> once.putIfAbsent(category.id(), category));
			if (!once.isEmpty()) {
				groups.add(new AbstractMap.SimpleImmutableEntry<>(label(campaign, visibleCampaigns),
						List.copyOf(once.values())));
			}
		}
		return groups;
	}

	/**
	 * A campaign's short title, or its title where another campaign shown has the same
	 * short title (a copy), or with its code where the titles are the same too.
	 */
	private static String label(Campaign campaign, List<Campaign> shown) {
		String label = shortLabel(campaign);
		if (shown.stream().noneMatch(other -> other.id() != campaign.id() && shortLabel(other).equals(label))) {
			return label;
		}
		if (shown.stream().noneMatch(other -> other.id() != campaign.id() && other.title().equals(campaign.title()))) {
			return campaign.title();
		}
		return campaign.title() + " · " + campaign.code();
	}

	private static String shortLabel(Campaign campaign) {
		return campaign.shortTitle() != null ? campaign.shortTitle() : campaign.title();
	}

	private WorklistFilter queueFilter(SignedInUser actor, WorklistFilterForm form) {
		requireQueue(actor);
		WorklistFilter plain = form.toFilter();
		return new WorklistFilter(plain.campaignId(), plain.categoryId(), null, plain.organisationId(),
				plain.submittedFrom(), plain.submittedTo(), plain.text(), null)
			.waitingAt(actor.organisationId());
	}

	/**
	 * Only an organisation's admins have a queue: the platform admin reads, it does not
	 * approve.
	 */
	private static void requireQueue(SignedInUser actor) {
		if (actor.role() != Role.ORG_ADMIN) {
			throw new NotFoundException("no queue");
		}
	}

	/** The default export: the nominees' mobile and ID numbers masked for everyone. */
	private void export(SignedInUser actor, WorklistFilter filter, String title, HttpServletResponse response)
			throws IOException {
		exports.download(response, entryList(actor, filter, title), rows -> search.export(actor, filter, rows));
	}

	/**
	 * The export with personal data in full once a purpose is stated (then null: the
	 * response is the file); without one, the form again with the reason.
	 */
	private String exportInFull(SignedInUser actor, WorklistFilter filter, String title, boolean queue, String purpose,
			HttpServletResponse response, Model model) throws IOException {
		String stated = purpose == null ? "" : purpose.strip();
		if (stated.isEmpty()) {
			return fullExportForm(queue, stated, texts.text("approval.fullExport.purposeRequired"), model);
		}
		if (CharacterCount.exceeds(stated, ExcelExports.PURPOSE_MAX_LENGTH)) {
			return fullExportForm(queue, stated,
					texts.text("approval.fullExport.purposeTooLong", ExcelExports.PURPOSE_MAX_LENGTH), model);
		}
		exports.downloadWithPersonalData(response, entryList(actor, filter, title), stated,
				(rows, personShownInFull) -> search.exportWithPersonalData(actor, filter, rows, personShownInFull));
		return null;
	}

	private String fullExportForm(boolean queue, String purpose, String purposeError, Model model) {
		String base = queue ? "/admin/queue" : "/admin/works";
		model.addAttribute("queue", queue);
		model.addAttribute("purpose", purpose);
		model.addAttribute("purposeError", purposeError);
		model.addAttribute("purposeMaxLength", ExcelExports.PURPOSE_MAX_LENGTH);
		model.addAttribute("action", base + "/full-export");
		model.addAttribute("backUrl",
				ServletUriComponentsBuilder.fromCurrentRequest()
					.replacePath(base)
					.replaceQueryParam("page")
					.build()
					.toUriString());
		return "approval/full-export";
	}

	private ExcelExports.Export entryList(SignedInUser actor, WorklistFilter filter, String title) {
		return new ExcelExports.Export(ExportedList.ENTRIES, title, title,
				Worklists.EXPORT_COLUMNS.stream().map(texts::text).toList(), actor.organisationPath(),
				new LinkedHashMap<>(Worklists.describe(filter)));
	}

	/**
	 * The units offered in the filter: the actor's own organisation and its direct
	 * children.
	 */
	private List<Organisation> units(SignedInUser actor, Long selected) {
		List<Organisation> units = new ArrayList<>();
		if (actor.isPlatformAdmin()) {
			Organisation root = organisations.root();
			units.add(root);
			units.addAll(organisations.children(root.id()));
		}
		else {
			organisations.findById(actor.organisationId()).ifPresent(units::add);
			units.addAll(organisations.children(actor.organisationId()));
		}
		if (selected != null && units.stream().noneMatch(unit -> unit.id() == selected)) {
			organisations.findById(selected).filter(unit -> actor.administers(unit.path())).ifPresent(units::add);
		}
		return units;
	}

	private static List<Map<String, Object>> pageUrls(Worklists.Page page) {
		List<Map<String, Object>> urls = new ArrayList<>();
		for (int p = Math.max(0, page.page() - 3); p < Math.min(page.pages(), page.page() + 4); p++) {
			urls.add(Map.of("number", p + 1, "current", p == page.page(), "url",
					ServletUriComponentsBuilder.fromCurrentRequest()
						.replaceQueryParam("page", p + 1)
						.build()
						.toUriString()));
		}
		return urls;
	}

}
