package cn.zhengji.approval.web;

import cn.zhengji.approval.Quotas;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** R-APR-1 推荐名额: "used / allowed" of every quota the admin answers for. */
@Controller
class QuotaController {

	private final Quotas quotas;

	QuotaController(Quotas quotas) {
		this.quotas = quotas;
	}

	@GetMapping("/admin/quotas")
	String quotas(@AuthenticationPrincipal SignedInUser actor, Model model) {
		model.addAttribute("quotas", quotas.visibleTo(actor));
		return "approval/quotas";
	}
}
