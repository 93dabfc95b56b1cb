package cn.zhengji.account.web;

import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. The form posts to {@code /sign-in}, where Spring Security checks it; any
 * failure (unknown name, wrong password, locked, disabled) comes back as {@code ?error} and shows
 * one and the same message, so that the page reveals nothing about which accounts exist.
 */
@Controller
class SignInController {

	private final boolean demoEnabled;

	SignInController(@Value("${zhengji.demo.enabled:true}") boolean demoEnabled) {
		this.demoEnabled = demoEnabled;
	}

	@GetMapping("/sign-in")
	String showSignIn(@RequestParam(name = "error", required = false) String error, Model model) {
		if (SignedInUser.current().isPresent()) {
			return "redirect:/workbench";
		}
		model.addAttribute("failed", error != null);
		model.addAttribute("demoEnabled", demoEnabled);
		return "account/sign-in";
	}
}
