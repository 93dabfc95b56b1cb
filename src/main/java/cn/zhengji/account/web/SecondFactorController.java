package cn.zhengji.account.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.zhengji.account.InvalidAccountInput;
import cn.zhengji.account.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;

/**
 * Issue 11 item 4: the second factor after the password (enrolment the first time, then a
 * code from the authenticator app or a recovery code), and again for a step-up, coming
 * back to {@code next}.
 */
@Controller
class SecondFactorController {

	private final SecondFactors secondFactors;

	private final Texts texts;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactorController(SecondFactors secondFactors, Texts texts, Clock clock) {
		this.clock = clock;
		this.secondFactors = secondFactors;
		this.texts = texts;
	}

	@GetMapping("/account/second-factor")
	String showCodeForm(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String next,
			Model model) {
		if (!user.role().requiresSecondFactor()) {
			return "redirect:/workbench";
		}
		if (!secondFactors.isEnrolled(user.accountId())) {
			return "redirect:/account/second-factor/enrol";
		}
		model.addAttribute("next", safeNext(next));
		model.addAttribute("stepUp", !user.secondFactorPending());
		return "account/second-factor";
	}

	@PostMapping("/account/second-factor")
	String submitCode(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String code,
			@RequestParam(required = false) String next, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!user.role().requiresSecondFactor()) {
			return "redirect:/workbench";
		}
		Instant passed;
		try {
			passed = secondFactors.verify(user, code);
		}
		catch (InvalidAccountInput refusal) {
			model.addAttribute("next", safeNext(next));
			model.addAttribute("stepUp", !user.secondFactorPending());
			model.addAttribute("codeError",
					texts.text(refusal.problems().getFirst().messageCode(), refusal.problems().getFirst().arguments()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "account/second-factor";
		}
		boolean atSignIn = user.secondFactorPending();
		passFactor(user, passed, atSignIn, request, response);
		return "redirect:" + safeNext(next);
	}

	@GetMapping("/account/second-factor/enrol")
	String showEnrolment(@AuthenticationPrincipal SignedInUser user, Model model) {
		if (!user.role().requiresSecondFactor()) {
			return "redirect:/workbench";
		}
		if (secondFactors.isEnrolled(user.accountId())) {
			return "redirect:/account/second-factor";
		}
		model.addAttribute("enrolment", secondFactors.startEnrolment(user));
		return "account/second-factor-enrol";
	}

	@PostMapping("/account/second-factor/enrol")
	String submitEnrolment(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!user.role().requiresSecondFactor()) {
			return "redirect:/workbench";
		}
		if (secondFactors.isEnrolled(user.accountId())) {
			return "redirect:/account/second-factor";
		}
		List<String> recoveryCodes;
		try {
			recoveryCodes = secondFactors.confirmEnrolment(user, code);
		}
		catch (InvalidAccountInput refusal) {
			model.addAttribute("enrolment", secondFactors.startEnrolment(user));
			model.addAttribute("codeError",
					texts.text(refusal.problems().getFirst().messageCode(), refusal.problems().getFirst().arguments()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "account/second-factor-enrol";
		}
		passFactor(user, clock.instant(), true, request, response);
		// Shown this once and never again: not to be kept by any cache.
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("recoveryCodes", recoveryCodes);
		return "account/second-factor-recovery";
	}

	/**
	 * The session's principal now carries the factor; at sign-in the session id changes
	 * once more, as the session has just become fully authenticated.
	 */
	private void passFactor(SignedInUser user, Instant passed, boolean atSignIn, HttpServletRequest request,
			HttpServletResponse response) {
		SignedInUser verified = user.withSecondFactor(passed);
		if (atSignIn) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(verified, null, verified.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	/**
	 * Only a path of this site: never another host ({@code //host}, {@code /\host}) or a
	 * header split.
	 */
	static String safeNext(String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
				|| next.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || next.startsWith("/account/second-factor")) {
			return "/workbench";
		}
		return next;
	}

}
