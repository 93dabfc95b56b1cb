package cn.zhengji.audit.web;

import java.io.IOException;

import cn.zhengji.infrastructure.Texts;
import jakarta.servlet.http.HttpServletResponse;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditChainVerification;
import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.audit.AuditEvents;
import cn.zhengji.audit.AuditEvents.AuditPage;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** R-X-3 Admins read the audit log of their own subtree. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

	private final AuditEvents events;

	private final ExcelExports exports;

	private final Texts texts;

	private final AuditChainVerification verification;

	AuditController(AuditEvents events, ExcelExports exports, Texts texts, AuditChainVerification verification) {
		this.verification = verification;
		this.events = events;
		this.exports = exports;
		this.texts = texts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("filter") AuditFilterForm filter,
			BindingResult errors, @RequestParam(defaultValue = "0") String page, Model model) {
		// A hand-edited query string must not fail the page: a malformed filter field is
		// dropped and said so.
		model.addAttribute("filterIgnored", errors.hasErrors());
		int pageNumber = parsePage(page);
		AuditPage result = events.page(user, filter.toFilter(), pageNumber);
		model.addAttribute("result", result);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("targetTypes", events.targetTypes(user));
		model.addAttribute("previousUrl", result.hasPrevious() ? filter.url(result.page() - 1) : null);
		model.addAttribute("nextUrl", result.hasNext() ? filter.url(result.page() + 1) : null);
		model.addAttribute("exportUrl", filter.exportUrl());
		return "audit/list";
	}

	/** R-X-2 The filtered log as an Excel file; the export is itself audited. */
	@GetMapping("/export.xlsx")
	void export(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("filter") AuditFilterForm filter,
			BindingResult errors, HttpServletResponse response) throws IOException {
		AuditEvents.AuditFilter chosen = filter.toFilter();
		String title = texts.text("audit.export.title");
		exports.download(response, new ExcelExports.Export(ExportedList.AUDIT_EVENTS, title, title,
				AuditEvents.EXPORT_COLUMNS.stream().map(texts::text).toList(), user.adminScope(), chosen.describe()),
				sheet -> events.export(user, chosen, action -> texts.text("audit.action." + action.name()), sheet));
	}

	/**
	 * Issue 11: checks the tamper-evident chain and names the first broken link; the
	 * audit administrator's alone (三员分立), since the chain spans every unit's events.
	 */
	@GetMapping("/chain")
	String chain(@AuthenticationPrincipal SignedInUser user, Model model) {
		if (user.role() != Role.AUDIT_ADMIN) {
			throw new NotFoundException("audit chain");
		}
		model.addAttribute("report", verification.verify());
		return "audit/chain";
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
		model.addAttribute("event",
				events.find(user, id).orElseThrow(() -> new NotFoundException("audit event " + id)));
		return "audit/detail";
	}

	private static int parsePage(String page) {
		try {
			return Math.max(0, Integer.parseInt(page));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
