package cn.zhengji.publicity.web;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.publicity.Publicities;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Issue 13 item 1: a participant's (or unit admin's) own works in the results lists and
 * the objections about them with their outcome, never the objector's name or mobile.
 */
@Controller
class MyObjectionsController {

	private final Publicities publicities;

	MyObjectionsController(Publicities publicities) {
		this.publicities = publicities;
	}

	@GetMapping("/my/objections")
	String page(@AuthenticationPrincipal SignedInUser actor, Model model) {
		model.addAttribute("works", publicities.ownWorks(actor));
		return "publicity/mine";
	}

}
