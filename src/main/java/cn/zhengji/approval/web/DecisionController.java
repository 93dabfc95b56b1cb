package cn.zhengji.approval.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.approval.ApprovalRejected;
import cn.zhengji.approval.Approvals;
import cn.zhengji.approval.Decision;
import cn.zhengji.approval.JudgementAnswer;
import cn.zhengji.campaign.CategoryRules.JudgementKind;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryChangeRejected;
import cn.zhengji.submission.EntryConflict;
import cn.zhengji.submission.EntryState;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * R-APR-1 The decisions of the decision panel on the admin's entry page: approve (or
 * recommend), return, reject, each with the entry's version. Every outcome goes back to
 * the entry page with a message; a refused decision keeps what the admin typed (opinion,
 * answers) for the next try.
 */
@Controller
@RequestMapping("/admin/works/{id}")
class DecisionController {

	private final Approvals approvals;

	private final Organisations organisations;

	private final Texts texts;

	DecisionController(Approvals approvals, Organisations organisations, Texts texts) {
		this.approvals = approvals;
		this.organisations = organisations;
		this.texts = texts;
	}

	@PostMapping("/approve")
	String approve(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String opinion,
			@RequestParam MultiValueMap<String, String> parameters, RedirectAttributes redirect) {
		List<JudgementAnswer> answers = answers(parameters);
		return decide(id, redirect, opinion, parameters,
				() -> approvals.approve(actor, id, version == null ? -1 : version, opinion, answers));
	}

	@PostMapping("/return")
	String returnToSubmitter(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String opinion,
			@RequestParam MultiValueMap<String, String> parameters, RedirectAttributes redirect) {
		return decide(id, redirect, opinion, parameters,
				() -> approvals.returnToSubmitter(actor, id, version == null ? -1 : version, opinion));
	}

	@PostMapping("/reject")
	String reject(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String opinion,
			@RequestParam MultiValueMap<String, String> parameters, RedirectAttributes redirect) {
		return decide(id, redirect, opinion, parameters,
				() -> approvals.reject(actor, id, version == null ? -1 : version, opinion));
	}

	private String decide(long id, RedirectAttributes redirect, String opinion,
			MultiValueMap<String, String> parameters, java.util.function.Supplier<Decision> decision) {
		try {
			Decision made = decision.get();
			redirect.addFlashAttribute("flashSuccess", success(made));
		}
		catch (ApprovalRejected | EntryChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
			keepInput(redirect, opinion, parameters);
		}
		catch (EntryConflict conflict) {
			redirect.addFlashAttribute("flashError", texts.text("approval.conflict"));
			keepInput(redirect, opinion, parameters);
		}
		return "redirect:/admin/works/" + id;
	}

	private String success(Decision made) {
		return switch (made.step()) {
			case APPROVED, RECOMMENDED -> made.state() == EntryState.APPROVED ? texts.text("approval.flash.top")
					: texts.text("approval.flash." + made.step().name(),
							organisations.findById(made.nextOrganisationId()).map(Organisation::name).orElse(""));
			default -> texts.text("approval.flash." + made.step().name());
		};
	}

	/** What the admin typed, given back to the panel after a refusal. */
	private static void keepInput(RedirectAttributes redirect, String opinion,
			MultiValueMap<String, String> parameters) {
		redirect.addFlashAttribute("decisionOpinion", opinion);
		Map<String, String> kept = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if ((name.startsWith("judgement-") || name.startsWith("note-")) && !values.isEmpty()) {
				kept.put(name, values.getFirst());
			}
		});
		redirect.addFlashAttribute("decisionInput", kept);
	}

	/**
	 * {@code judgement-WATERMARK=MET|NOT_MET} and {@code note-WATERMARK=...}; unknown
	 * kinds are ignored.
	 */
	static List<JudgementAnswer> answers(MultiValueMap<String, String> parameters) {
		List<JudgementAnswer> answers = new ArrayList<>();
		for (JudgementKind kind : JudgementKind.values()) {
			String outcome = parameters.getFirst("judgement-" + kind.name());
			if ("MET".equals(outcome) || "NOT_MET".equals(outcome)) {
				answers
					.add(new JudgementAnswer(kind, outcome.equals("MET"), parameters.getFirst("note-" + kind.name())));
			}
		}
		return answers;
	}

}
