package cn.zhengji.similarity.web;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.similarity.SimilarityProgress;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Issue 15 item 1: the campaign admins' page of the fingerprinting of its works (相似作品检测):
 * progress by state, the works with a match, failures.
 */
@Controller
class SimilarityAdminController {

	private final SimilarityProgress progress;

	SimilarityAdminController(SimilarityProgress progress) {
		this.progress = progress;
	}

	@GetMapping("/admin/campaigns/{code}/similarity")
	String page(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		model.addAttribute("page", progress.page(actor, code));
		return "similarity/progress";
	}

}
