package cn.zhengji.submission.web;

import java.util.List;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.campaign.CategoryRuleDescriptions;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.submission.AdminEntryPanel;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.EntryView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The admins' view of one entry below them (scoped by the submitting organisation's
 * path), with the check results; other modules add panels ({@link AdminEntryPanel}): the
 * approval chain its decision panel for the level where the entry waits.
 */
@Controller
@RequestMapping("/admin/works")
class AdminWorksController {

	private final Entries entries;

	private final CategoryRuleDescriptions descriptions;

	private final Texts texts;

	private final List<AdminEntryPanel> panels;

	AdminWorksController(Entries entries, CategoryRuleDescriptions descriptions, Texts texts,
			List<AdminEntryPanel> panels) {
		this.entries = entries;
		this.panels = panels;
		this.descriptions = descriptions;
		this.texts = texts;
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, Model model) {
		EntryView view = entries.forAdmin(actor, id);
		model.addAttribute("view", view);
		model.addAttribute("slotHelp", SlotHelp.of(view, descriptions, texts));
		model.addAttribute("panels", panels.stream().flatMap(panel -> panel.panel(actor, view).stream()).toList());
		return "submission/detail";
	}

}
