package cn.zhengji.account.web;

import cn.zhengji.account.Accounts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where everyone lands after signing in: who they are and what they can do, by role. */
@Controller
class WorkbenchController {

	private final Accounts accounts;

	WorkbenchController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/workbench")
	String showWorkbench(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("profile",
				accounts.profile(user.accountId()).orElseThrow(() -> new NotFoundException("account")));
		model.addAttribute("user", user);
		return "account/workbench";
	}

}
