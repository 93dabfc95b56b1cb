package cn.zhengji.activity.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import cn.zhengji.activity.ActivityProgress;
import cn.zhengji.activity.ActivityRejected;
import cn.zhengji.activity.EventFilter;
import cn.zhengji.activity.EventInput;
import cn.zhengji.activity.EventReports;
import cn.zhengji.activity.OfflineEvent;
import cn.zhengji.activity.OfflineEvents;
import cn.zhengji.activity.ReachFigures;
import cn.zhengji.audit.ExcelExports;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * R-ACT-1/2/3 Pages of offline events (线下活动): the list of the admin's subtree, one event
 * with its photos, recording and revising the own union's events, progress against the
 * allocation, the reach figures, and the Excel exports. Participants and experts find
 * nothing here (404).
 */
@Controller
@RequestMapping("/activities")
class ActivitiesController {

	/** Photos are at most 20 MB (EventReports.PHOTO). */
	static final long PHOTO_MAX_BYTES = 20L * 1024 * 1024;

	private final OfflineEvents events;

	private final EventReports reports;

	private final ActivityProgress progress;

	private final ReachFigures reach;

	private final Texts texts;

	private final ExcelExports exports;

	ActivitiesController(OfflineEvents events, EventReports reports, ActivityProgress progress, ReachFigures reach,
			Texts texts, ExcelExports exports) {
		this.events = events;
		this.reports = reports;
		this.progress = progress;
		this.reach = reach;
		this.texts = texts;
		this.exports = exports;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser actor, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) Long organisation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
		Campaign chosen = events.campaignFor(actor, campaign);
		EventFilter filter = new EventFilter(organisation, from, to, q, page);
		model.addAttribute("campaign", chosen);
		model.addAttribute("campaigns", events.campaignsFor(actor));
		model.addAttribute("units", events.filterUnits(actor, chosen));
		model.addAttribute("filter", filter);
		model.addAttribute("result", events.page(actor, chosen, filter));
		model.addAttribute("mayReport", reports.mayReport(actor, chosen));
		model.addAttribute("reportsInstead", reports.reportsInstead(actor, chosen).orElse(null));
		return "activity/list";
	}

	@GetMapping("/export")
	void export(@AuthenticationPrincipal SignedInUser actor, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) Long organisation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
		Campaign chosen = events.campaignFor(actor, campaign);
		EventFilter filter = new EventFilter(organisation, from, to, q, 1);
		if (organisation != null) {
			// Checked before the first byte goes out, so that a foreign unit is a plain
			// 404.
			events.filterUnit(actor, organisation);
		}
		// An event's times are the campaign's: shown in its time zone.
		exports.download(response, events.exportOf(actor, chosen, filter), chosen.timeZone(),
				sheet -> events.export(actor, chosen, filter, sheet));
	}

	@GetMapping("/new")
	String showReportForm(@AuthenticationPrincipal SignedInUser actor, @RequestParam(required = false) String campaign,
			Model model) {
		Campaign chosen = reportingCampaign(actor, campaign);
		EventForm form = EventForm.of(chosen.code(),
				new EventInput(events.today(chosen).toString(), null, null, null, null), 0);
		return reportForm(chosen, form, model);
	}

	@PostMapping("/new")
	String submitReport(@AuthenticationPrincipal SignedInUser actor, @ModelAttribute("form") EventForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Campaign chosen = reportingCampaign(actor, form.getCampaign());
		try {
			OfflineEvent event = reports.report(actor, chosen, form.toInput());
			redirect.addFlashAttribute("flashSuccess", texts.text("activity.flash.reported"));
			return "redirect:/activities/" + event.id();
		}
		catch (ActivityRejected rejected) {
			show(rejected, binding);
			return reportForm(chosen, form, model);
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, Model model) {
		OfflineEvent event = events.visible(actor, id);
		model.addAttribute("event", event);
		model.addAttribute("campaign", events.campaignOf(event));
		model.addAttribute("changeable", event.changeableBy(actor));
		model.addAttribute("photoMaxBytes", PHOTO_MAX_BYTES);
		return "activity/detail";
	}

	@GetMapping("/{id}/edit")
	String showEditForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, Model model) {
		OfflineEvent event = events.changeable(actor, id);
		Campaign campaign = events.campaignOf(event);
		return editForm(event, EventForm.of(campaign.code(), event.details().toInput(), event.version()), model);
	}

	@PostMapping("/{id}/edit")
	String submitEdit(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@ModelAttribute("form") EventForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		OfflineEvent event = events.changeable(actor, id);
		if (binding.hasFieldErrors("version")) {
			// A version that is not a number cannot prove the form saw the current event.
			throw new OptimisticLockingFailureException("unreadable version of offline event " + id);
		}
		try {
			reports.revise(actor, id, form.getVersion(), form.toInput());
			redirect.addFlashAttribute("flashSuccess", texts.text("activity.flash.saved"));
			return "redirect:/activities/" + id;
		}
		catch (ActivityRejected rejected) {
			show(rejected, binding);
			return editForm(event, form, model);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		OfflineEvent event = events.changeable(actor, id);
		String campaign = events.campaignOf(event).code();
		reports.delete(actor, id, version);
		redirect.addFlashAttribute("flashSuccess", texts.text("activity.flash.deleted"));
		return "redirect:/activities?campaign=" + campaign;
	}

	@PostMapping("/{id}/photos")
	String attachPhoto(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(required = false) String uploadId, RedirectAttributes redirect) {
		events.changeable(actor, id);
		try {
			reports.attachPhoto(actor, id, uuid(uploadId));
			redirect.addFlashAttribute("flashSuccess", texts.text("activity.flash.photoAdded"));
		}
		catch (ActivityRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		return "redirect:/activities/" + id + "#photos";
	}

	@PostMapping("/{id}/photos/{photoId}/remove")
	String removePhoto(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, @PathVariable long photoId,
			RedirectAttributes redirect) {
		reports.removePhoto(actor, id, photoId);
		redirect.addFlashAttribute("flashSuccess", texts.text("activity.flash.photoRemoved"));
		return "redirect:/activities/" + id + "#photos";
	}

	@GetMapping("/{id}/photos/{photoId}")
	ResponseEntity<Resource> photo(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@PathVariable long photoId) {
		return events.photo(actor, id, photoId);
	}

	@GetMapping("/progress")
	String progress(@AuthenticationPrincipal SignedInUser actor, @RequestParam(required = false) String campaign,
			Model model) {
		Campaign chosen = events.campaignFor(actor, campaign);
		model.addAttribute("campaign", chosen);
		model.addAttribute("campaigns", events.campaignsFor(actor));
		model.addAttribute("progress", progress.of(actor, chosen));
		model.addAttribute("mayReport", reports.mayReport(actor, chosen));
		model.addAttribute("reportsInstead", reports.reportsInstead(actor, chosen).orElse(null));
		return "activity/progress";
	}

	@GetMapping("/progress/export")
	void exportProgress(@AuthenticationPrincipal SignedInUser actor, @RequestParam(required = false) String campaign,
			HttpServletResponse response) throws IOException {
		Campaign chosen = events.campaignFor(actor, campaign);
		exports.download(response, progress.exportOf(actor, chosen), sheet -> progress.export(actor, chosen, sheet));
	}

	@GetMapping("/reach")
	String showReachForm(@AuthenticationPrincipal SignedInUser actor, @RequestParam(required = false) String campaign,
			Model model) {
		Campaign chosen = reportingCampaign(actor, campaign);
		return reachForm(chosen, ReachForm.of(chosen.code(), reach.own(actor, chosen)), model);
	}

	@PostMapping("/reach")
	String submitReach(@AuthenticationPrincipal SignedInUser actor, @ModelAttribute("form") ReachForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Campaign chosen = reportingCampaign(actor, form.getCampaign());
		try {
			reach.save(actor, chosen, form.toInput());
			redirect.addFlashAttribute("flashSuccess", texts.text("activity.flash.reachSaved"));
			return "redirect:/activities/progress?campaign=" + chosen.code();
		}
		catch (ActivityRejected rejected) {
			for (ActivityRejected problem : rejected.problems()) {
				binding.rejectValue(ReachForm.fieldOf(problem.field()), problem.messageCode(), problem.arguments(),
						null);
			}
			return reachForm(chosen, form, model);
		}
	}

	private Campaign reportingCampaign(SignedInUser actor, String code) {
		Campaign campaign = events.campaignFor(actor, code);
		// A campaign the admin sees but its union does not take part in: told why (400).
		reports.requireReporter(actor, campaign);
		return campaign;
	}

	private String reportForm(Campaign campaign, EventForm form, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("form", form);
		model.addAttribute("event", null);
		model.addAttribute("today", events.today(campaign));
		return "activity/edit";
	}

	private String editForm(OfflineEvent event, EventForm form, Model model) {
		Campaign campaign = events.campaignOf(event);
		model.addAttribute("campaign", campaign);
		model.addAttribute("form", form);
		model.addAttribute("event", event);
		model.addAttribute("today", events.today(campaign));
		return "activity/edit";
	}

	private String reachForm(Campaign campaign, ReachForm form, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("form", form);
		model.addAttribute("metrics", ReachFigures.ENTERED);
		return "activity/reach";
	}

	private static void show(ActivityRejected rejected, BindingResult binding) {
		for (ActivityRejected problem : rejected.problems()) {
			if (problem.field() == null) {
				binding.reject(problem.messageCode(), problem.arguments(), null);
			}
			else {
				binding.rejectValue(problem.field(), problem.messageCode(), problem.arguments(), null);
			}
		}
	}

	/** A malformed upload id is an unknown one: refused with the same message. */
	private static UUID uuid(String text) {
		try {
			return text == null ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
