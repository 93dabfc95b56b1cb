package cn.zhengji.playback.web;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.playback.PlaybackProgress;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 13 item 3: the campaign admins' page of web copies (网页播放副本) and the retry of a
 * failed one.
 */
@Controller
class PlaybackAdminController {

	private final PlaybackProgress progress;

	private final Texts texts;

	PlaybackAdminController(PlaybackProgress progress, Texts texts) {
		this.progress = progress;
		this.texts = texts;
	}

	@GetMapping("/admin/campaigns/{code}/playback")
	String page(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		model.addAttribute("page", progress.page(actor, code));
		return "playback/progress";
	}

	@PostMapping("/admin/campaigns/{code}/playback/{attachmentId:[0-9]{1,18}}/retry")
	String retry(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@PathVariable long attachmentId, RedirectAttributes redirect) {
		if (progress.retry(actor, code, attachmentId)) {
			redirect.addFlashAttribute("flashSuccess", texts.text("playback.retry.done"));
		}
		else {
			redirect.addFlashAttribute("flashError", texts.text("playback.retry.notFailed"));
		}
		return "redirect:/admin/campaigns/" + code + "/playback";
	}

}
