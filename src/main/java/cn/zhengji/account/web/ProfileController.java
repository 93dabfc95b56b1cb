package cn.zhengji.account.web;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.InvalidAccountInput;
import cn.zhengji.account.ParticipantKind;
import cn.zhengji.account.ProfileChange;
import cn.zhengji.account.Registration;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 个人资料, one's own: anyone signed in. After a save the session goes on with the saved name
 * and organisation.
 */
@Controller
class ProfileController {

	private final ProfileChange profiles;

	private final Registration registration;

	private final Texts texts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	ProfileController(ProfileChange profiles, Registration registration, Texts texts) {
		this.profiles = profiles;
		this.registration = registration;
		this.texts = texts;
	}

	@GetMapping("/account/profile")
	String showProfileForm(@AuthenticationPrincipal SignedInUser user, Model model) {
		return show(profiles.profile(user), ProfileForm.of(profiles.profile(user)), model);
	}

	@PostMapping("/account/profile")
	String submitProfile(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") ProfileForm form,
			BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		AccountProfile profile = profiles.profile(user);
		if (binding.hasErrors()) {
			// Only a tampered select (an unknown kind, a non-numeric id) gets here: said
			// next to the field (typeMismatch.form.*), everything typed kept.
			return show(profile, form, model);
		}
		SignedInUser saved;
		try {
			// issue 11 item 4: the session keeps the second factor it passed
			saved = profiles.save(user, form.toCommand()).withSecondFactorOf(user);
		}
		catch (InvalidAccountInput refusal) {
			FormProblems.bind(refusal, binding);
			return show(profile, form, model);
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(saved, null, saved.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("flashSuccess", texts.text("account.profile.saved"));
		return "redirect:/account/profile";
	}

	private String show(AccountProfile profile, ProfileForm form, Model model) {
		model.addAttribute("profile", profile);
		model.addAttribute("form", form);
		boolean participant = profile.role() == Role.PARTICIPANT;
		model.addAttribute("participant", participant);
		if (participant) {
			model.addAttribute("levels", registration.pickerLevels(form.chosenOrganisationId()));
			model.addAttribute("participantKinds", ParticipantKind.values());
		}
		return "account/profile";
	}

}
