package cn.zhengji.account.web;

import cn.zhengji.account.InvalidAccountInput;
import cn.zhengji.account.MobileNumber;
import cn.zhengji.account.NoticeMobile;
import cn.zhengji.account.Registration;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 接收通知的手机号 of an admin or expert, in two steps: the number receives a code, then the code
 * is typed. The number is kept in the session between the steps. Participants are told
 * nothing is here (their number is their sign-in name).
 */
@Controller
class NoticeMobileController {

	static final String SESSION_MOBILE = NoticeMobileController.class.getName() + ".mobile";

	private final NoticeMobile noticeMobile;

	private final Texts texts;

	NoticeMobileController(NoticeMobile noticeMobile, Texts texts) {
		this.noticeMobile = noticeMobile;
		this.texts = texts;
	}

	@GetMapping("/account/mobile")
	String showMobileForm(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
		if (!NoticeMobile.mayRegister(user)) {
			throw new NotFoundException("notice mobile");
		}
		String mobile = (String) session.getAttribute(SESSION_MOBILE);
		if (mobile == null) {
			model.addAttribute("mobileForm", new MobileForm());
			return "account/mobile";
		}
		return showStep2(mobile, new CodeForm(), model);
	}

	@PostMapping("/account/mobile/code")
	String sendCode(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("mobileForm") MobileForm form,
			BindingResult binding, HttpSession session, HttpServletRequest request, RedirectAttributes redirect) {
		MobileNumber mobile;
		try {
			mobile = noticeMobile.sendCode(user, form.getMobile(), request.getRemoteAddr());
		}
		catch (InvalidAccountInput refusal) {
			FormProblems.bind(refusal, binding);
			return "account/mobile";
		}
		session.setAttribute(SESSION_MOBILE, mobile.value());
		redirect.addFlashAttribute("flashSuccess",
				texts.text("account.register.codeSent", mobile.masked(), Registration.CODE_VALIDITY_MINUTES));
		return "redirect:/account/mobile";
	}

	@PostMapping("/account/mobile/restart")
	String restart(@AuthenticationPrincipal SignedInUser user, HttpSession session) {
		if (!NoticeMobile.mayRegister(user)) {
			throw new NotFoundException("notice mobile");
		}
		session.removeAttribute(SESSION_MOBILE);
		return "redirect:/account/mobile";
	}

	@PostMapping("/account/mobile")
	String submitMobile(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") CodeForm form,
			BindingResult binding, HttpSession session, Model model, RedirectAttributes redirect) {
		if (!NoticeMobile.mayRegister(user)) {
			throw new NotFoundException("notice mobile");
		}
		String mobile = (String) session.getAttribute(SESSION_MOBILE);
		if (mobile == null) {
			redirect.addFlashAttribute("flashError", texts.text("account.register.mobile.missing"));
			return "redirect:/account/mobile";
		}
		MobileNumber saved;
		try {
			saved = noticeMobile.confirm(user, mobile, form.getCode());
		}
		catch (InvalidAccountInput refusal) {
			FormProblems.bind(refusal, binding);
			return showStep2(mobile, form, model);
		}
		session.removeAttribute(SESSION_MOBILE);
		redirect.addFlashAttribute("flashSuccess", texts.text("account.mobile.saved", saved.masked()));
		return "redirect:/notices/settings";
	}

	private String showStep2(String mobile, CodeForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("maskedMobile", new MobileNumber(mobile).masked());
		model.addAttribute("pendingMobile", mobile);
		return "account/mobile";
	}

	/** Step 2: the code. */
	static class CodeForm {

		private String code;

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

	}

}
