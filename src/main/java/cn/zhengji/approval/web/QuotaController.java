package cn.zhengji.approval.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import cn.zhengji.approval.QuotaUse;
import cn.zhengji.approval.Quotas;
import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * R-APR-1 推荐名额: "used / allowed" of every quota the admin answers for, one table per
 * category.
 */
@Controller
class QuotaController {

	/** The message keys of the export's columns, in order. */
	private static final List<String> EXPORT_COLUMNS = List.of("campaign", "category", "unit", "used", "allowed", "min")
		.stream()
		.map(column -> "approval.quotas.export.column." + column)
		.toList();

	private final Quotas quotas;

	private final ExcelExports exports;

	private final Texts texts;

	QuotaController(Quotas quotas, ExcelExports exports, Texts texts) {
		this.texts = texts;
		this.quotas = quotas;
		this.exports = exports;
	}

	/**
	 * The units of one category's quota, with the totals a provincial admin looks at
	 * first.
	 */
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

	/** R-X-2 The same list as an Excel file; audited. */
	@GetMapping("/admin/quotas.xlsx")
	void export(@AuthenticationPrincipal SignedInUser actor, HttpServletResponse response) throws IOException {
		List<QuotaUse> uses = quotas.visibleTo(actor);
		String title = texts.text("approval.quotas.export.title");
		exports.download(response,
				new ExcelExports.Export(ExportedList.QUOTAS, title, title,
						EXPORT_COLUMNS.stream().map(texts::text).toList(), actor.adminScope(), null),
				sheet -> uses.forEach(use -> sheet.row(use.campaignTitle(), use.categoryName(), use.organisationName(),
						use.used(), use.allowed(), use.min())));
	}

}
