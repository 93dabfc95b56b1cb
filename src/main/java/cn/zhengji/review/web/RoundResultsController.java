package cn.zhengji.review.web;

import java.io.IOException;
import java.util.List;

import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.ReviewResults;
import cn.zhengji.review.RoundResultExports;
import cn.zhengji.review.RoundResults;
import cn.zhengji.review.RoundResultsView;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 12 items 6 and 7: a round's results page for the campaign's admins (anyone else
 * gets a 404 from {@link RoundResults}), its award commands, the lock with its
 * confirmation page, and the exports. Linkable from a round as
 * {@code /admin/review/rounds/{roundId}/results}.
 */
@Controller
class RoundResultsController {

	private final RoundResults results;

	private final RoundResultExports exports;

	private final Campaigns campaigns;

	private final Texts texts;

	private List<cn.zhengji.review.ReviewWorkMarks> marks = List.of();

	/** Issue 15: the marks other modules put next to the works (similarity flags). */
	@org.springframework.beans.factory.annotation.Autowired(required = false)
	void setMarks(List<cn.zhengji.review.ReviewWorkMarks> marks) {
		this.marks = List.copyOf(marks);
	}

	RoundResultsController(RoundResults results, RoundResultExports exports, Campaigns campaigns, Texts texts) {
		this.campaigns = campaigns;
		this.results = results;
		this.exports = exports;
		this.texts = texts;
	}

	@GetMapping("/admin/review/rounds/{roundId}/results")
	String page(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId, Model model) {
		RoundResultsView view = results.results(actor, roundId);
		model.addAttribute("view", view);
		List<Long> workIds = view.result().ranking().stream().map(row -> row.workId()).toList();
		java.util.Map<Long, List<cn.zhengji.review.ReviewWorkMarks.Mark>> workMarks = new java.util.HashMap<>();
		marks.forEach(source -> source.marks(workIds)
			.forEach((id, mark) -> workMarks.computeIfAbsent(id, key -> new java.util.ArrayList<>()).add(mark)));
		model.addAttribute("workMarks", workMarks);
		boolean normalised = ReviewResults.Basis.NORMALISED.name()
			.equals(campaigns.reviewResultRules(view.campaign().id()).basis());
		model.addAttribute("basisKey", normalised ? "review.results.basis.normalised" : "review.results.basis.rawMean");
		model.addAttribute("formulaKey", ReviewResults.FORMULA_KEY);
		model.addAttribute("voteFormulaKey", ReviewResults.VOTE_FORMULA_KEY);
		model.addAttribute("rankingRuleKey", ReviewResults.RANKING_RULE_KEY);
		return "review/results";
	}

	/** One work's level, or a tied group's; {@code level} empty takes it away. */
	@PostMapping("/admin/review/rounds/{roundId}/awards")
	String setLevel(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId,
			@RequestParam("entryId") List<Long> entryIds, @RequestParam(required = false) String level,
			RedirectAttributes redirect) {
		results.setLevel(actor, roundId, entryIds, (level == null || level.isBlank()) ? null : level);
		redirect.addFlashAttribute("flashSuccess", texts.text("review.results.flash.awardSaved"));
		return "redirect:/admin/review/rounds/" + roundId + "/results#awards";
	}

	@PostMapping("/admin/review/rounds/{roundId}/awards/proposal")
	String applyProposal(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId,
			RedirectAttributes redirect) {
		int changed = results.applyProposal(actor, roundId);
		redirect.addFlashAttribute("flashSuccess", texts.text("review.results.flash.proposalApplied", changed));
		return "redirect:/admin/review/rounds/" + roundId + "/results#awards";
	}

	@GetMapping("/admin/review/rounds/{roundId}/lock")
	String confirmLock(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId, Model model) {
		RoundResultsView view = results.results(actor, roundId);
		model.addAttribute("view", view);
		boolean normalised = ReviewResults.Basis.NORMALISED.name()
			.equals(campaigns.reviewResultRules(view.campaign().id()).basis());
		model.addAttribute("basisKey", normalised ? "review.results.basis.normalised" : "review.results.basis.rawMean");
		return "review/lock";
	}

	@PostMapping("/admin/review/rounds/{roundId}/lock")
	String lock(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId, RedirectAttributes redirect) {
		RoundResultsView view = results.lock(actor, roundId);
		redirect.addFlashAttribute("flashSuccess", texts.text("review.results.flash.locked", view.round().name()));
		return "redirect:/admin/review/rounds/" + roundId + "/results";
	}

	@GetMapping("/admin/review/rounds/{roundId}/results.xlsx")
	void excel(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId, HttpServletResponse response)
			throws IOException {
		exports.excel(actor, roundId, response);
	}

	@GetMapping("/admin/review/rounds/{roundId}/results.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser actor, @PathVariable long roundId) {
		byte[] pdf = exports.pdf(actor, roundId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(texts.text("review.export.pdfFile", roundId), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(pdf);
	}

}
