package cn.zhengji.review.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.BlindFiles;
import cn.zhengji.review.ExpertRound;
import cn.zhengji.review.ReviewAssignments;
import cn.zhengji.review.ReviewChangeRejected;
import cn.zhengji.review.ScoreChangedElsewhere;
import cn.zhengji.review.ScoreSheet;
import cn.zhengji.review.ScoreSheets;
import cn.zhengji.submission.BlindEntry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 12 item 5: the expert's pages — its rounds, a round's works with 交卷, and the
 * blind view of a work with its score sheet saved as the expert types (htmx) or with one
 * form submit (no JavaScript). Everything not the expert's own is a 404 from
 * {@link ScoreSheets}. Nothing here names who sent a work.
 */
@Controller
@RequestMapping("/expert/reviews")
class ExpertReviewController {

	private final ScoreSheets sheets;

	private final ReviewAssignments assignments;

	private final BlindFiles blindFiles;

	private final Texts texts;

	ExpertReviewController(ScoreSheets sheets, ReviewAssignments assignments, BlindFiles blindFiles, Texts texts) {
		this.blindFiles = blindFiles;
		this.sheets = sheets;
		this.assignments = assignments;
		this.texts = texts;
	}

	@GetMapping
	String rounds(@AuthenticationPrincipal SignedInUser expert, Model model) {
		if (expert.role() != Role.EXPERT) {
			throw new NotFoundException("expert reviews for a non-expert");
		}
		model.addAttribute("rounds", sheets.rounds(expert));
		return "review/expert-rounds";
	}

	@GetMapping("/{roundId}")
	String round(@AuthenticationPrincipal SignedInUser expert, @PathVariable long roundId, Model model) {
		model.addAttribute("round", sheets.round(expert, roundId));
		return "review/expert-round";
	}

	@PostMapping("/{roundId}/submit")
	String submit(@AuthenticationPrincipal SignedInUser expert, @PathVariable long roundId,
			RedirectAttributes redirect) {
		try {
			sheets.submit(expert, roundId);
			redirect.addFlashAttribute("flashSuccess", texts.text("review.expert.submitted"));
		}
		catch (ReviewChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		return "redirect:/expert/reviews/" + roundId;
	}

	@GetMapping("/{roundId}/works/{entryId}")
	String work(@AuthenticationPrincipal SignedInUser expert, @PathVariable long roundId, @PathVariable long entryId,
			Model model) {
		return workPage(expert, roundId, entryId, Map.of(), Map.of(), model);
	}

	/**
	 * Without JavaScript: every field of the sheet at once. Each field is saved on its
	 * own by the same rules as when typed, so that one bad value loses none of the
	 * others.
	 */
	@PostMapping("/{roundId}/works/{entryId}")
	String saveAll(@AuthenticationPrincipal SignedInUser expert, @PathVariable long roundId, @PathVariable long entryId,
			@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
		ScoreSheet sheet = sheets.sheet(expert, roundId, entryId);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> typed = new LinkedHashMap<>();
		for (ScoreSheet.CriterionScore score : sheet.criteria()) {
			String field = ScoreSheets.pointsField(score.criterion().id());
			if (!form.containsKey(field)) {
				continue;
			}
			String value = form.getFirst(field);
			try {
				sheets.savePoints(expert, roundId, entryId, score.criterion().id(), value,
						form.getFirst(previousField(field)));
			}
			catch (ReviewChangeRejected rejected) {
				errors.put(field, texts.text(rejected));
				typed.put(field, value);
			}
		}
		if (form.containsKey("comment")) {
			try {
				sheets.saveComment(expert, roundId, entryId, form.getFirst("comment"),
						form.getFirst("commentPrevious"));
			}
			catch (ReviewChangeRejected rejected) {
				errors.put("comment", texts.text(rejected));
				typed.put("comment", form.getFirst("comment"));
			}
		}
		if (!errors.isEmpty()) {
			return workPage(expert, roundId, entryId, errors, typed, model);
		}
		redirect.addFlashAttribute("flashSuccess", texts.text("review.expert.saved"));
		return "redirect:/expert/reviews/" + roundId + "/works/" + entryId;
	}

	/**
	 * htmx, as the expert types: saves one criterion and answers its status line, the
	 * value the page now holds as seen (out of band) and the running total.
	 */
	@PostMapping("/{roundId}/works/{entryId}/points/{criterionId}")
	String savePoints(@AuthenticationPrincipal SignedInUser expert, @PathVariable long roundId,
			@PathVariable long entryId, @PathVariable long criterionId,
			@RequestParam MultiValueMap<String, String> form, Model model) {
		String field = ScoreSheets.pointsField(criterionId);
		String typed = form.getFirst(field);
		model.addAttribute("field", field);
		try {
			ScoreSheet sheet = sheets.savePoints(expert, roundId, entryId, criterionId, typed,
					form.getFirst(previousField(field)));
			model.addAttribute("sheet", sheet);
			model.addAttribute("seen",
					sheet.criteria()
						.stream()
						.filter((score) -> score.criterion().id() == criterionId)
						.findFirst()
						.map(ScoreSheet.CriterionScore::shown)
						.orElse(""));
		}
		catch (ScoreChangedElsewhere changed) {
			model.addAttribute("error", texts.text(changed));
			model.addAttribute("seen", changed.current());
			model.addAttribute("sheet", sheets.sheet(expert, roundId, entryId));
		}
		catch (ReviewChangeRejected rejected) {
			model.addAttribute("error", texts.text(rejected));
		}
		return "review/expert-saved :: saved";
	}

	/** htmx, as the expert types the comment. */
	@PostMapping("/{roundId}/works/{entryId}/comment")
	String saveComment(@AuthenticationPrincipal SignedInUser expert, @PathVariable long roundId,
			@PathVariable long entryId, @RequestParam(required = false) String comment,
			@RequestParam(required = false) String commentPrevious, Model model) {
		model.addAttribute("field", "comment");
		try {
			ScoreSheet sheet = sheets.saveComment(expert, roundId, entryId, comment, commentPrevious);
			model.addAttribute("seen", sheet.comment() == null ? "" : sheet.comment());
		}
		catch (ScoreChangedElsewhere changed) {
			model.addAttribute("error", texts.text(changed));
			model.addAttribute("seen", changed.current());
		}
		catch (ReviewChangeRejected rejected) {
			model.addAttribute("error", texts.text(rejected));
		}
		return "review/expert-saved :: saved";
	}

	@GetMapping("/{roundId}/works/{entryId}/conflict")
	String conflictPage(@AuthenticationPrincipal SignedInUser expert, @PathVariable long roundId,
			@PathVariable long entryId, Model model) {
		return conflictPage(expert, roundId, entryId, null, null, model);
	}

	@PostMapping("/{roundId}/works/{entryId}/conflict")
	String declareConflict(@AuthenticationPrincipal SignedInUser expert, @PathVariable long roundId,
			@PathVariable long entryId, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		sheets.sheet(expert, roundId, entryId);
		try {
			assignments.declareConflict(expert, roundId, entryId, reason);
		}
		catch (ReviewChangeRejected rejected) {
			return conflictPage(expert, roundId, entryId, reason, texts.text(rejected), model);
		}
		redirect.addFlashAttribute("flashSuccess", texts.text("review.expert.conflictDeclared"));
		return "redirect:/expert/reviews/" + roundId;
	}

	private String conflictPage(SignedInUser expert, long roundId, long entryId, String reason, String error,
			Model model) {
		ExpertRound round = sheets.round(expert, roundId);
		model.addAttribute("round", round);
		model.addAttribute("work", line(round, entryId));
		model.addAttribute("reason", reason);
		model.addAttribute("error", error);
		model.addAttribute("maxReason", ReviewAssignments.MAX_CONFLICT_REASON);
		sheets.sheet(expert, roundId, entryId);
		return "review/expert-conflict";
	}

	private String workPage(SignedInUser expert, long roundId, long entryId, Map<String, String> errors,
			Map<String, String> typed, Model model) {
		ScoreSheet sheet = sheets.sheet(expert, roundId, entryId);
		ExpertRound round = sheets.round(expert, roundId);
		BlindEntry work = sheets.work(expert, roundId, entryId);
		List<ExpertRound.Work> works = round.works();
		ExpertRound.Work line = line(round, entryId);
		model.addAttribute("round", round);
		model.addAttribute("line", line);
		model.addAttribute("previous", line.number() > 1 ? works.get(line.number() - 2) : null);
		model.addAttribute("next", line.number() < works.size() ? works.get(line.number()) : null);
		model.addAttribute("sheet", sheet);
		model.addAttribute("work", work);
		model.addAttribute("files", blindFiles.of(expert, roundId, entryId));
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("maxComment", ScoreSheets.MAX_COMMENT);
		return "review/expert-work";
	}

	private static ExpertRound.Work line(ExpertRound round, long entryId) {
		return round.works().stream().filter((work) -> work.entryId() == entryId).findFirst().orElseThrow();
	}

	/** The hidden field holding what the page last heard was stored for a field. */
	static String previousField(String field) {
		return field + "-previous";
	}

}
