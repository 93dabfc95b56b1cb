package cn.zhengji.notification.web;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.notification.Notice;
import cn.zhengji.notification.NoticePreferences;
import cn.zhengji.notification.Notices;
import cn.zhengji.notification.NotificationChangeRejected;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的消息: one's own in-app notices and the text-message setting. Anyone signed in. */
@Controller
@RequestMapping("/notices")
class NoticeController {

	private final Notices notices;

	private final NoticePreferences preferences;

	private final Texts texts;

	NoticeController(Notices notices, NoticePreferences preferences, Texts texts) {
		this.notices = notices;
		this.preferences = preferences;
		this.texts = texts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") String page,
			Model model) {
		model.addAttribute("result", notices.page(user, Pages.parse(page)));
		return "notification/notices";
	}

	/**
	 * Marks the notice read; with {@code open} the reader is taken to what it is about.
	 */
	@PostMapping("/{id}/read")
	String markRead(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean open) {
		Notice notice = notices.markRead(user, id);
		return open && notice.link() != null ? "redirect:" + notice.link() : "redirect:/notices";
	}

	@PostMapping("/read-all")
	String markAllRead(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		int count = notices.markAllRead(user);
		redirect.addFlashAttribute("flashSuccess", texts.text("notice.flash.allRead", count));
		return "redirect:/notices";
	}

	@GetMapping("/settings")
	String settings(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("settings", preferences.settings(user));
		return "notification/settings";
	}

	@PostMapping("/settings")
	String saveSettings(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "false") boolean sms,
			RedirectAttributes redirect) {
		try {
			preferences.setTexts(user, sms);
			redirect.addFlashAttribute("flashSuccess", texts.text(sms ? "notice.flash.smsOn" : "notice.flash.smsOff"));
		}
		catch (NotificationChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected.messageCode(), rejected.arguments()));
		}
		return "redirect:/notices/settings";
	}

}
