package cn.zhengji.account.web;

import cn.zhengji.infrastructure.security.SignInFailure;
import cn.zhengji.infrastructure.security.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. The form posts to {@code /sign-in}, where Spring Security checks it;
 * any failure (unknown name, wrong password, locked, disabled) comes back as
 * {@code ?error} and shows one and the same message, so that the page reveals nothing
 * about which accounts exist.
 */
@Controller
class SignInController {

	private final boolean demoEnabled;

	SignInController(@Value("${zhengji.demo.enabled:true}") boolean demoEnabled) {
		this.demoEnabled = demoEnabled;
	}

	@GetMapping("/sign-in")
	String showSignIn(HttpServletRequest request, Model model) {
		if (SignedInUser.current().isPresent()) {
			return "redirect:/workbench";
		}
		// "?error" carries no value, and blank parameters are bound as null, so ask for
		// its presence.
		boolean failed = request.getParameterMap().containsKey("error");
		model.addAttribute("failed", failed);
		// Issue 11 item 6: too many failures from this address
		model.addAttribute("throttled", request.getParameterMap().containsKey("throttled"));
		// The account name of a refused sign-in, so that only the password is typed
		// again.
		model.addAttribute("typedLogin", failed ? SignInFailure.takeTypedLogin(request) : null);
		model.addAttribute("demoEnabled", demoEnabled);
		return "account/sign-in";
	}

}
