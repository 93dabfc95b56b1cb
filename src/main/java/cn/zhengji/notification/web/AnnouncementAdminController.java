package cn.zhengji.notification.web;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.notification.Announcement;
import cn.zhengji.notification.Announcements;
import cn.zhengji.notification.NotificationChangeRejected;
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
 * 通知公告 administration: an organisation admin manages its own organisation's announcements
 * (another organisation's answer 404), the platform admin all.
 */
@Controller
@RequestMapping("/admin/announcements")
class AnnouncementAdminController {

	private final Announcements announcements;

	private final Texts texts;

	AnnouncementAdminController(Announcements announcements, Texts texts) {
		this.announcements = announcements;
		this.texts = texts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser admin, @RequestParam(defaultValue = "0") String page,
			Model model) {
		model.addAttribute("result", announcements.managedBy(admin, Pages.parse(page)));
		return "notification/admin-list";
	}

	@GetMapping("/new")
	String showNewForm(Model model) {
		model.addAttribute("form", new AnnouncementForm());
		return form(null, model);
	}

	@PostMapping("/new")
	String submitNew(@AuthenticationPrincipal SignedInUser admin, @ModelAttribute("form") AnnouncementForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(null, model);
		}
		try {
			long id = announcements.publish(admin, form.toDraft());
			redirect.addFlashAttribute("flashSuccess", texts.text("announcement.flash.published"));
			return "redirect:/announcements/" + id;
		}
		catch (NotificationChangeRejected rejected) {
			reject(errors, rejected);
			return form(null, model);
		}
	}

	@GetMapping("/{id}/edit")
	String showEditForm(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id, Model model) {
		Announcement announcement = announcements.getManaged(admin, id);
		model.addAttribute("form", AnnouncementForm.of(announcement));
		return form(announcement, model);
	}

	@PostMapping("/{id}/edit")
	String submitEdit(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id,
			@ModelAttribute("form") AnnouncementForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Announcement announcement = announcements.getManaged(admin, id);
		if (errors.hasErrors()) {
			return form(announcement, model);
		}
		try {
			announcements.update(admin, id, form.getVersion(), form.toDraft());
			redirect.addFlashAttribute("flashSuccess", texts.text("announcement.flash.saved"));
			return "redirect:/admin/announcements";
		}
		catch (NotificationChangeRejected rejected) {
			reject(errors, rejected);
			return form(announcement, model);
		}
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id,
			@RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
		try {
			announcements.withdraw(admin, id, version);
			redirect.addFlashAttribute("flashSuccess", texts.text("announcement.flash.withdrawn"));
		}
		catch (NotificationChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected.messageCode(), rejected.arguments()));
		}
		return "redirect:/admin/announcements";
	}

	private String form(Announcement announcement, Model model) {
		model.addAttribute("announcement", announcement);
		model.addAttribute("campaigns", announcements.linkableCampaigns(SignedInUser.current().orElseThrow(),
				announcement == null ? null : announcement.campaignId()));
		model.addAttribute("maxTitle", Announcement.MAX_TITLE);
		model.addAttribute("maxBody", Announcement.MAX_BODY);
		return "notification/admin-form";
	}

	private static void reject(BindingResult errors, NotificationChangeRejected rejected) {
		if (rejected.field() == null) {
			errors.reject(rejected.messageCode(), rejected.arguments(), rejected.messageCode());
		}
		else {
			errors.rejectValue(rejected.field(), rejected.messageCode(), rejected.arguments(), rejected.messageCode());
		}
	}

}
