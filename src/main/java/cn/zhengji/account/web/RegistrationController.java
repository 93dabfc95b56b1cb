package cn.zhengji.account.web;

import java.util.List;
import java.util.Optional;

import cn.zhengji.account.InvalidAccountInput;
import cn.zhengji.account.MobileNumber;
import cn.zhengji.account.ParticipantKind;
import cn.zhengji.account.Registration;
import cn.zhengji.account.Registration.PickerLevel;
import cn.zhengji.infrastructure.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * R-ORG-3 Self-registration in two steps: the mobile number receives a code (step 1),
 * then the person fills in the rest (step 2). The number the code went to is kept in the
 * session between the steps, so that step 2 cannot switch to another number. After
 * registering, the person signs in on the sign-in page like everybody else (so that
 * sign-in, lockout and its audit stay in one place).
 */
@Controller
class RegistrationController {

	static final String SESSION_MOBILE = RegistrationController.class.getName() + ".mobile";

	private final Registration registration;

	private final Texts texts;

	RegistrationController(Registration registration, Texts texts) {
		this.registration = registration;
		this.texts = texts;
	}

	@GetMapping("/register")
	String showRegistration(HttpSession session, Model model) {
		String mobile = (String) session.getAttribute(SESSION_MOBILE);
		if (mobile == null) {
			model.addAttribute("mobileForm", new MobileForm());
			return "account/register";
		}
		return showStep2(mobile, new RegistrationForm(), model);
	}

	@PostMapping("/register/code")
	String sendCode(@ModelAttribute("mobileForm") MobileForm form, BindingResult binding, HttpSession session,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		MobileNumber mobile;
		try {
			mobile = registration.sendCode(form.getMobile(), request.getRemoteAddr());
		}
		catch (InvalidAccountInput refusal) {
			String pending = (String) session.getAttribute(SESSION_MOBILE);
			if (pending != null && pending.equals(form.getMobile())) {
				redirect.addFlashAttribute("flashError", texts.text(refusal.problems().getFirst().messageCode(),
						refusal.problems().getFirst().arguments()));
				return "redirect:/register";
			}
			FormProblems.bind(refusal, binding);
			return "account/register";
		}
		session.setAttribute(SESSION_MOBILE, mobile.value());
		redirect.addFlashAttribute("flashSuccess",
				texts.text("account.register.codeSent", mobile.masked(), Registration.CODE_VALIDITY_MINUTES));
		return "redirect:/register";
	}

	@PostMapping("/register/restart")
	String restart(HttpSession session) {
		session.removeAttribute(SESSION_MOBILE);
		return "redirect:/register";
	}

	@PostMapping("/register")
	String register(@ModelAttribute("form") RegistrationForm form, BindingResult binding, HttpSession session,
			Model model, RedirectAttributes redirect) {
		String mobile = (String) session.getAttribute(SESSION_MOBILE);
		if (mobile == null) {
			redirect.addFlashAttribute("flashError", texts.text("account.register.mobile.missing"));
			return "redirect:/register";
		}
		if (binding.hasErrors()) {
			// Only a tampered select (an unknown kind, a non-numeric id) gets here: said
			// next to the field (typeMismatch.form.*), everything typed kept but the
			// passwords.
			form.setPassword(null);
			form.setPasswordRepeat(null);
			return showStep2(mobile, form, model);
		}
		try {
			registration.register(form.toCommand(mobile));
		}
		catch (InvalidAccountInput refusal) {
			FormProblems.bind(refusal, binding);
			form.setPassword(null);
			form.setPasswordRepeat(null);
			return showStep2(mobile, form, model);
		}
		session.removeAttribute(SESSION_MOBILE);
		redirect.addFlashAttribute("flashSuccess", texts.text("account.register.done"));
		return "redirect:/sign-in";
	}

	/**
	 * The next level of the organisation picker, for htmx; empty when the chosen unit has
	 * no children.
	 */
	@GetMapping("/register/organisations")
	String organisationLevel(@RequestParam(name = "organisationIds", required = false) List<Long> chosen, Model model) {
		Long parentId = chosen == null ? null
				: chosen.stream().filter(id -> id != null).reduce((a, b) -> b).orElse(null);
		Optional<PickerLevel> level = parentId == null ? Optional.empty() : registration.levelBelow(parentId);
		if (level.isEmpty()) {
			return "account/register :: empty";
		}
		model.addAttribute("levels", List.of(level.get()));
		return "account/register :: picker";
	}

	private String showStep2(String mobile, RegistrationForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("maskedMobile", new MobileNumber(mobile).masked());
		model.addAttribute("pendingMobile", mobile);
		model.addAttribute("levels", registration.pickerLevels(form.chosenOrganisationId()));
		model.addAttribute("participantKinds", ParticipantKind.values());
		return "account/register";
	}

}
