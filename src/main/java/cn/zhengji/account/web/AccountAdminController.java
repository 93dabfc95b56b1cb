package cn.zhengji.account.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.account.AccountAdministration;
import cn.zhengji.account.AccountAdministration.OneTimePassword;
import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.InvalidAccountInput;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.organisation.Organisation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account management for admins (URL rule: platform and organisation admins), limited to
 * their subtree by {@link AccountAdministration}. A one-time password is rendered
 * straight into the response of the POST that made it, never stored or redirected with,
 * and the page is not cached: it is shown exactly once.
 */
@Controller
class AccountAdminController {

	private static final List<Role> CREATABLE_ROLES = List.of(Role.ORG_ADMIN, Role.EXPERT);

	private final AccountAdministration administration;

	private final Texts texts;

	private final ExcelExports exports;

	AccountAdminController(AccountAdministration administration, Texts texts, ExcelExports exports) {
		this.exports = exports;
		this.administration = administration;
		this.texts = texts;
	}

	@GetMapping("/admin/accounts")
	String listAccounts(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(name = "role", required = false) String role,
			@RequestParam(name = "organisation", required = false) String organisation, Model model) {
		Role roleFilter = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
		var rows = administration.list(user, roleFilter, organisation);
		model.addAttribute("rows", rows);
		model.addAttribute("limited", rows.size() >= AccountAdministration.LIST_LIMIT);
		model.addAttribute("limit", AccountAdministration.LIST_LIMIT);
		model.addAttribute("roles", Role.values());
		model.addAttribute("role", roleFilter);
		model.addAttribute("organisation", organisation);
		return "account/admin-list";
	}

	/**
	 * R-X-2 The filtered list as an Excel file, without the page's row limit; audited.
	 */
	@GetMapping("/admin/accounts.xlsx")
	void exportAccounts(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(name = "role", required = false) String role,
			@RequestParam(name = "organisation", required = false) String organisation, HttpServletResponse response)
			throws IOException {
		Role roleFilter = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("role", roleFilter == null ? null : roleFilter.name());
		filter.put("organisation", organisation);
		String title = texts.text("account.export.title");
		exports.download(response, new ExcelExports.Export(ExportedList.ACCOUNTS, title, title,
				AccountAdministration.EXPORT_COLUMNS.stream().map(texts::text).toList(), user.adminScope(), filter),
				sheet -> administration.export(user, roleFilter, organisation, texts::text, sheet));
	}

	@GetMapping("/admin/accounts/new")
	String showNewAccountForm(@AuthenticationPrincipal SignedInUser user, Model model) {
		NewAccountForm form = new NewAccountForm();
		form.setOrganisationId(user.organisationId());
		return newAccountPage(user, form, model);
	}

	@PostMapping("/admin/accounts/new")
	String createAccount(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") NewAccountForm form,
			BindingResult binding, Model model, HttpServletResponse response) {
		if (binding.hasErrors()) {
			// A tampered value (an unknown role, a non-numeric organisation): said next
			// to
			// its field (typeMismatch.form.*), the rest kept.
			return newAccountPage(user, form, model);
		}
		try {
			OneTimePassword created = administration.create(user, form.toCommand());
			return oneTimePasswordPage(created, "account.admin.otp.createdTitle", model, response);
		}
		catch (InvalidAccountInput refusal) {
			FormProblems.bind(refusal, binding);
			return newAccountPage(user, form, model);
		}
	}

	/**
	 * Issue 11 item 6: the one-time password goes to the holder by SMS; the admin only
	 * learns where it went.
	 */
	/**
	 * Issue 11 item 6: the one-time password goes to the holder by SMS; the admin only
	 * learns where it went.
	 */
	@PostMapping("/admin/accounts/{id}/reset-password")
	String resetPassword(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		try {
			AccountAdministration.PasswordSent sent = administration.resetPassword(user, id);
			redirect.addFlashAttribute("flashSuccess",
					texts.text("account.admin.reset.sent", sent.account().loginName(), sent.mobileMasked()));
		}
		catch (InvalidAccountInput refusal) {
			redirect.addFlashAttribute("flashError", texts.text(refusal.problems().get(0).messageCode()));
		}
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/disable")
	String disable(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		AccountProfile account = administration.setEnabled(user, id, false);
		redirect.addFlashAttribute("flashSuccess", texts.text("account.admin.disabled", account.loginName()));
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/enable")
	String enable(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		AccountProfile account = administration.setEnabled(user, id, true);
		redirect.addFlashAttribute("flashSuccess", texts.text("account.admin.enabled", account.loginName()));
		return "redirect:/admin/accounts";
	}

	private String newAccountPage(SignedInUser user, NewAccountForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("roles", CREATABLE_ROLES);
		List<Organisation> organisations = administration.assignableOrganisations(user);
		model.addAttribute("organisations", organisations);
		model.addAttribute("baseDepth", organisations.stream().mapToInt(Organisation::depth).min().orElse(0));
		return "account/admin-new";
	}

	private String oneTimePasswordPage(OneTimePassword password, String titleCode, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("issued", password);
		model.addAttribute("titleCode", titleCode);
		return "account/admin-one-time-password";
	}

}
