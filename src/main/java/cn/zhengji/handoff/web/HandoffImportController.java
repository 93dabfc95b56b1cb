package cn.zhengji.handoff.web;

import java.util.UUID;

import cn.zhengji.handoff.PackageImports;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.ChangeRejected;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 14 item 3: the national campaign's admins import a province's package (anyone
 * else: 404) — the upload, and the imports with their state, refreshed by htmx while one
 * runs.
 */
@Controller
class HandoffImportController {

	private final PackageImports imports;

	private final Texts texts;

	HandoffImportController(PackageImports imports, Texts texts) {
		this.imports = imports;
		this.texts = texts;
	}

	@GetMapping("/admin/campaigns/{code}/handoff/imports")
	String imports(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code, Model model) {
		model.addAttribute("page", imports.page(admin, code));
		return "handoff/imports";
	}

	@PostMapping("/admin/campaigns/{code}/handoff/imports")
	String request(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code,
			@RequestParam(required = false) String uploadId, RedirectAttributes redirect) {
		UUID upload;
		try {
			upload = UUID.fromString(uploadId == null ? "" : uploadId.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("upload " + uploadId);
		}
		try {
			imports.request(admin, code, upload);
			redirect.addFlashAttribute("flashSuccess", texts.text("handoff.import.flash.requested"));
		}
		catch (ChangeRejected ex) {
			redirect.addFlashAttribute("flashError", texts.text(ex.messageCode(), ex.arguments()));
		}
		return "redirect:/admin/campaigns/" + code + "/handoff/imports";
	}

}
