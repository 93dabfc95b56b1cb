package cn.zhengji.approval.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.approval.QuotaUse;
import cn.zhengji.approval.Quotas;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** R-APR-1 推荐名额: "used / allowed" of every quota the admin answers for, one table per category. */
@Controller
class QuotaController {

	private final Quotas quotas;

	QuotaController(Quotas quotas) {
		this.quotas = quotas;
	}

	/** The units of one category's quota, with the totals a provincial admin looks at first. */
	public record CategoryQuotas(QuotaUse first, List<QuotaUse> units) {

		public int used() {
			return units.stream().mapToInt(QuotaUse::used).sum();
		}

		public long full() {
			return units.stream().filter(QuotaUse::full).count();
		}
	}

	@GetMapping("/admin/quotas")
	String quotas(@AuthenticationPrincipal SignedInUser actor, Model model) {
		Map<Long, List<QuotaUse>> byCategory = new LinkedHashMap<>();
		for (QuotaUse use : quotas.visibleTo(actor)) {
			byCategory.computeIfAbsent(use.categoryId(), id -> new ArrayList<>()).add(use);
		}
		model.addAttribute("groups",
				byCategory.values().stream().map(units -> new CategoryQuotas(units.getFirst(), units)).toList());
		return "approval/quotas";
	}
}
