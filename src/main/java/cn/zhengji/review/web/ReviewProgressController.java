package cn.zhengji.review.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import cn.zhengji.audit.ExcelExports;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.ReviewChangeRejected;
import cn.zhengji.review.ReviewProgress;
import cn.zhengji.review.ReviewReminders;
import cn.zhengji.review.ReviewSheetExports;
import cn.zhengji.review.ReviewSheetExports.SheetExport;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 12 items 6 and 8 for the campaign's admins: the progress of a round (per expert)
 * and of every round of a campaign, the reminders to the experts who lag behind, and the
 * score sheets to Excel. Anyone else gets a 404 (the services' scope).
 */
@Controller
class ReviewProgressController {

	private final ReviewProgress progress;

	private final ReviewReminders reminders;

	private final ReviewSheetExports sheets;

	private final ExcelExports exports;

	private final Texts texts;

	ReviewProgressController(ReviewProgress progress, ReviewReminders reminders, ReviewSheetExports sheets,
			ExcelExports exports, Texts texts) {
		this.progress = progress;
		this.reminders = reminders;
		this.sheets = sheets;
		this.exports = exports;
		this.texts = texts;
	}

	@GetMapping("/admin/campaigns/{code}/review/progress")
	String campaign(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		model.addAttribute("progress", progress.campaign(actor, code));
		return "review/progress-campaign";
	}

	@GetMapping("/admin/review/rounds/{roundId}/progress")
	String round(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId, Model model) {
		model.addAttribute("progress", progress.round(actor, roundId));
		return "review/progress-round";
	}

	/** Reminds the chosen experts; tells the admin who was reminded and who was not. */
	@PostMapping("/admin/review/rounds/{roundId}/reminders")
	String remind(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId,
			@RequestParam(name = "expert", required = false) List<Long> experts, RedirectAttributes redirect) {
		try {
			ReviewReminders.Outcome outcome = reminders.remind(actor, roundId, experts == null ? List.of() : experts);
			List<String> lines = new ArrayList<>();
			if (!outcome.reminded().isEmpty()) {
				lines.add(texts.text("review.reminder.sent", outcome.reminded().size(), names(outcome.reminded())));
			}
			if (!outcome.alreadyToday().isEmpty()) {
				lines.add(texts.text("review.reminder.alreadyToday", names(outcome.alreadyToday())));
			}
			if (!outcome.notReminded().isEmpty()) {
				lines.add(texts.text("review.reminder.notReminded", names(outcome.notReminded())));
			}
			redirect.addFlashAttribute(outcome.reminded().isEmpty() ? "flashError" : "flashSuccess",
					String.join(" ", lines));
		}
		catch (ReviewChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		return "redirect:/admin/review/rounds/" + roundId + "/progress";
	}

	@GetMapping("/admin/review/rounds/{roundId}/sheets.xlsx")
	void roundSheets(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId,
			HttpServletResponse response) throws IOException {
		download(response, sheets.round(actor, roundId));
	}

	@GetMapping("/admin/review/rounds/{roundId}/experts/{expertId}/sheets.xlsx")
	void expertSheets(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId,
			@PathVariable long expertId, HttpServletResponse response) throws IOException {
		download(response, sheets.expert(actor, roundId, expertId));
	}

	private void download(HttpServletResponse response, SheetExport export) throws IOException {
		// Scores change their times in the campaign's calendar: shown in its time zone.
		exports.download(response, export.export(), export.zone(), export.body());
	}

	private String names(List<String> names) {
		return String.join(texts.text("common.listSeparator"), names);
	}

}
