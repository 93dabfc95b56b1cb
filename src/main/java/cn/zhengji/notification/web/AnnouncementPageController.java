package cn.zhengji.notification.web;

import cn.zhengji.notification.Announcements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public 通知公告 pages: no sign-in needed. */
@Controller
class AnnouncementPageController {

	private final Announcements announcements;

	AnnouncementPageController(Announcements announcements) {
		this.announcements = announcements;
	}

	@GetMapping("/announcements")
	String list(@RequestParam(defaultValue = "0") String page, Model model) {
		model.addAttribute("result", announcements.published(Pages.parse(page)));
		return "notification/announcements";
	}

	@GetMapping("/announcements/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("announcement", announcements.getPublished(id));
		return "notification/announcement";
	}

}
