package cn.zhengji.account.web;

import cn.zhengji.account.InvalidAccountInput;
import cn.zhengji.account.MobileNumber;
import cn.zhengji.account.PasswordReset;
import cn.zhengji.account.Registration;
import cn.zhengji.infrastructure.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 忘记密码, public, in the two steps of registration: the mobile number receives a code (step
 * 1), then the code and the new password (step 2). The number is kept in the session
 * between the steps. Step 1 answers the same for a registered and an unknown number.
 */
@Controller
class PasswordResetController {

	static final String SESSION_MOBILE = PasswordResetController.class.getName() + ".mobile";

	private final PasswordReset passwordReset;

	private final Texts texts;

	PasswordResetController(PasswordReset passwordReset, Texts texts) {
		this.passwordReset = passwordReset;
		this.texts = texts;
	}

	@GetMapping("/password-reset")
	String showPasswordReset(HttpSession session, Model model) {
		String mobile = (String) session.getAttribute(SESSION_MOBILE);
		if (mobile == null) {
			model.addAttribute("mobileForm", new MobileForm());
			return "account/password-reset";
		}
		return showStep2(mobile, new PasswordResetForm(), model);
	}

	@PostMapping("/password-reset/code")
	String sendCode(@ModelAttribute("mobileForm") MobileForm form, BindingResult binding, HttpSession session,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		MobileNumber mobile;
		try {
			mobile = passwordReset.sendCode(form.getMobile(), request.getRemoteAddr());
		}
		catch (InvalidAccountInput refusal) {
			FormProblems.bind(refusal, binding);
			return "account/password-reset";
		}
		session.setAttribute(SESSION_MOBILE, mobile.value());
		redirect.addFlashAttribute("flashSuccess",
				texts.text("account.reset.codeSent", mobile.masked(), Registration.CODE_VALIDITY_MINUTES));
		return "redirect:/password-reset";
	}

	@PostMapping("/password-reset/restart")
	String restart(HttpSession session) {
		session.removeAttribute(SESSION_MOBILE);
		return "redirect:/password-reset";
	}

	@PostMapping("/password-reset")
	String submitPasswordReset(@ModelAttribute("form") PasswordResetForm form, BindingResult binding,
			HttpSession session, Model model, RedirectAttributes redirect) {
		String mobile = (String) session.getAttribute(SESSION_MOBILE);
		if (mobile == null) {
			redirect.addFlashAttribute("flashError", texts.text("account.register.mobile.missing"));
			return "redirect:/password-reset";
		}
		try {
			passwordReset.reset(mobile, form.getCode(), form.getNewPassword(), form.getNewPasswordRepeat());
		}
		catch (InvalidAccountInput refusal) {
			FormProblems.bind(refusal, binding);
			form.setNewPassword(null);
			form.setNewPasswordRepeat(null);
			return showStep2(mobile, form, model);
		}
		session.removeAttribute(SESSION_MOBILE);
		redirect.addFlashAttribute("flashSuccess", texts.text("account.reset.done"));
		return "redirect:/sign-in";
	}

	private String showStep2(String mobile, PasswordResetForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("maskedMobile", new MobileNumber(mobile).masked());
		model.addAttribute("pendingMobile", mobile);
		return "account/password-reset";
	}

}
