package cn.zhengji.account.web;

import cn.zhengji.account.InvalidAccountInput;
import cn.zhengji.account.PasswordChange;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing one's own password; the only page open while a one-time password is in use.
 */
@Controller
class PasswordController {

	private final PasswordChange passwordChange;

	private final Texts texts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PasswordController(PasswordChange passwordChange, Texts texts) {
		this.passwordChange = passwordChange;
		this.texts = texts;
	}

	@GetMapping("/account/password")
	String showPasswordForm(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("form", new ChangePasswordForm());
		model.addAttribute("mustChange", user.mustChangePassword());
		return "account/password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") ChangePasswordForm form,
			BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			passwordChange.change(user, form.getCurrentPassword(), form.getNewPassword(), form.getNewPasswordRepeat());
		}
		catch (InvalidAccountInput refusal) {
			FormProblems.bind(refusal, binding);
			model.addAttribute("mustChange", user.mustChangePassword());
			return "account/password";
		}
		// The session keeps the principal it signed in with; replace it so that the
		// forced change ends now.
		SignedInUser changed = user.withPasswordChanged();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("flashSuccess", texts.text("account.password.changed"));
		return "redirect:/workbench";
	}

}
