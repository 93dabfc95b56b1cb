package cn.zhengji.submission.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CategoryRuleDescriptions;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.TextField;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.submission.AttachOutcome;
import cn.zhengji.submission.Attachment;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.EntryChangeRejected;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.EntryConflict;
import cn.zhengji.submission.EntryView;
import cn.zhengji.submission.NominationForms;
import cn.zhengji.submission.OwnerEntryPanel;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's pages (R-SUB-1/2/3, R-CAM-3, R-NOM): "我的作品", the new-entry flow, the entry
 * page with its uploads and checks, the edit page, submitting and withdrawing, downloads
 * and the nomination form. Participants own individual entries; organisation admins their
 * organisation's.
 */
@Controller
@RequestMapping("/works")
class WorksController {

	private final Entries entries;

	private final EntryLifecycle changes;

	private final NominationForms nominations;

	private final StoredFiles storedFiles;

	private final CategoryRuleDescriptions descriptions;

	private final Texts texts;

	private final Long uploadChunkSize;

	private List<OwnerEntryPanel> ownerPanels = List.of();

	/**
	 * @param uploadChunkSize bytes per PATCH the upload widget sends
	 * ({@code zhengji.submission.upload-chunk-size}); unset lets the widget choose
	 */
	WorksController(Entries entries, EntryLifecycle changes, NominationForms nominations, StoredFiles storedFiles,
			CategoryRuleDescriptions descriptions, Texts texts,
			@org.springframework.beans.factory.annotation.Value("${zhengji.submission.upload-chunk-size:#{null}}") Long uploadChunkSize) {
		this.entries = entries;
		this.changes = changes;
		this.nominations = nominations;
		this.storedFiles = storedFiles;
		this.descriptions = descriptions;
		this.texts = texts;
		this.uploadChunkSize = uploadChunkSize;
	}

	/** Issue 15: the parts other modules add to the owner's entry page. */
	@org.springframework.beans.factory.annotation.Autowired(required = false)
	void setOwnerPanels(List<OwnerEntryPanel> ownerPanels) {
		this.ownerPanels = List.copyOf(ownerPanels);
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser actor, Model model) {
		model.addAttribute("works", entries.mine(actor));
		model.addAttribute("openCampaigns", entries.openCampaigns());
		return "submission/list";
	}

	@GetMapping("/new")
	String showNewForm(@AuthenticationPrincipal SignedInUser actor, @RequestParam(required = false) String campaign,
			Model model) {
		NewEntryForm form = new NewEntryForm();
		form.setCampaign(campaign);
		model.addAttribute("form", form);
		return newForm(actor, form, model);
	}

	@PostMapping("/new")
	String submitNew(@AuthenticationPrincipal SignedInUser actor, @ModelAttribute("form") NewEntryForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		try {
			long id = changes.create(actor, form.getCampaign(), form.getCategory(), form.getTitle());
			redirect.addFlashAttribute("flashSuccess", texts.text("submission.flash.created"));
			return "redirect:/works/" + id;
		}
		catch (EntryChangeRejected rejected) {
			errors.reject(rejected.messageCode(), rejected.arguments(), rejected.messageCode());
			return newForm(actor, form, model);
		}
	}

	private String newForm(SignedInUser actor, NewEntryForm form, Model model) {
		List<Campaign> open = entries.openCampaigns();
		model.addAttribute("campaigns", open);
		Campaign chosen = open.stream()
			.filter(campaign -> campaign.code().equals(form.getCampaign()))
			.findFirst()
			.orElse(open.size() == 1 ? open.getFirst() : null);
		if (chosen != null) {
			form.setCampaign(chosen.code());
			model.addAttribute("campaign", chosen);
			model.addAttribute("choices", entries.categoryChoices(actor, chosen));
			model.addAttribute("descriptions", descriptions);
		}
		return "submission/new";
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, Model model) {
		EntryView view = entries.forOwner(actor, id);
		model.addAttribute("view", view);
		model.addAttribute("slotHelp", SlotHelp.of(view, descriptions, texts));
		model.addAttribute("uploadChunkSize", uploadChunkSize);
		model.addAttribute("ownerPanels",
				ownerPanels.stream().flatMap(panel -> panel.panel(actor, view).stream()).toList());
		return "submission/detail";
	}

	@GetMapping("/{id}/edit")
	String showEditForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		EntryView view = entries.forOwner(actor, id);
		if (!view.changeable()) {
			// In review (recall it first), after the deadline or final: the entry page
			// says which and what to do.
			redirect.addFlashAttribute("flashError",
					texts.text(view.recallable() ? "submission.rejected.inReview" : "submission.detail.closed"));
			return "redirect:/works/" + id;
		}
		model.addAttribute("form", EntryForm.of(view.entry(), view.nomination().orElse(null)));
		model.addAttribute("texts", textValues(view, null));
		return editForm(view, model);
	}

	@PostMapping("/{id}/edit")
	String submitEdit(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@ModelAttribute("form") EntryForm form, BindingResult errors,
			@RequestParam MultiValueMap<String, String> parameters, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		EntryView view = entries.forOwner(actor, id);
		Map<String, String> typed = textValues(view, parameters);
		if (errors.hasErrors()) {
			// A value that cannot be converted (a tampered version): said on the page,
			// every typed value kept.
			model.addAttribute("texts", typed);
			return editForm(view, model);
		}
		try {
			changes.edit(actor, id, form.getVersion() == null ? -1 : form.getVersion(), form.getTitle(),
					byKey(view, typed), view.nomination().isPresent() ? form.toNomination() : null);
			redirect.addFlashAttribute("flashSuccess", texts.text("submission.flash.saved"));
			return "redirect:/works/" + id;
		}
		catch (EntryChangeRejected rejected) {
			if (rejected.field() != null && hasProperty(rejected.field())) {
				errors.rejectValue(rejected.field(), rejected.messageCode(), rejected.arguments(),
						rejected.messageCode());
			}
			else {
				errors.reject(rejected.messageCode(), rejected.arguments(), rejected.messageCode());
			}
		}
		catch (EntryConflict conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			errors.reject("submission.conflict", texts.text("submission.conflict"));
		}
		// Every typed value comes back, the mobile and ID number too: the nominator fixes
		// one field and saves, nothing else is lost (issue 10 item 4).
		model.addAttribute("texts", typed);
		return editForm(view, model);
	}

	private static boolean hasProperty(String field) {
		return List
			.of("title", "name", "sex", "birthMonth", "politicalStatus", "accountName", "platform", "followers",
					"unitAndPosition", "mobile", "idNumber", "profile", "reasons")
			.contains(field);
	}

	private String editForm(EntryView view, Model model) {
		model.addAttribute("view", view);
		return "submission/edit";
	}

	/**
	 * Form parameter name → text, for every field and section of the category (stored
	 * values when no input).
	 */
	private static Map<String, String> textValues(EntryView view, MultiValueMap<String, String> parameters) {
		Map<String, String> values = new HashMap<>();
		for (TextField field : view.category().rules().textFields()) {
			if (field.sections().isEmpty()) {
				String name = "text:" + field.key();
				values.put(name, parameters == null ? view.entry().texts().value(field) : parameters.getFirst(name));
			}
			else {
				for (int i = 0; i < field.sections().size(); i++) {
					String name = "text:" + field.key() + ":" + i;
					values.put(name, parameters == null ? view.entry().texts().section(field, field.sections().get(i))
							: parameters.getFirst(name));
				}
			}
		}
		return values;
	}

	/**
	 * Form parameter names → the keys {@code field} and {@code field#section} of the
	 * stored texts.
	 */
	private static Map<String, String> byKey(EntryView view, Map<String, String> values) {
		Map<String, String> texts = new HashMap<>();
		for (TextField field : view.category().rules().textFields()) {
			if (field.sections().isEmpty()) {
				putIfPresent(texts, field.key(), values.get("text:" + field.key()));
			}
			else {
				for (int i = 0; i < field.sections().size(); i++) {
					putIfPresent(texts, field.key() + "#" + field.sections().get(i),
							values.get("text:" + field.key() + ":" + i));
				}
			}
		}
		return texts;
	}

	private static void putIfPresent(Map<String, String> texts, String key, String value) {
		if (value != null) {
			texts.put(key, value);
		}
	}

	@PostMapping("/{id}/slots/{slot}/attach")
	String attach(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, @PathVariable String slot,
			@RequestParam(required = false) String section, @RequestParam(required = false) String uploadId,
			RedirectAttributes redirect) {
		UUID upload;
		try {
			upload = UUID.fromString(uploadId == null ? "" : uploadId.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("upload " + uploadId);
		}
		try {
			AttachOutcome outcome = changes.attach(actor, id, slot, section, upload);
			redirect.addFlashAttribute(outcome.clean() ? "flashSuccess" : "flashError", outcome.message());
			if (!outcome.attached()) {
				redirect.addFlashAttribute("refusedUpload", new RefusedUpload(slot, blankToNull(section), outcome));
			}
		}
		catch (EntryChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		return "redirect:/works/" + id + "#slot-" + slot;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/**
	 * Removing a file, first step: which file, from which slot, and what removing it
	 * means, to confirm (works on every phone, without script).
	 */
	@GetMapping("/{id}/attachments/{attachmentId}/remove")
	String showRemoveForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@PathVariable long attachmentId, Model model, RedirectAttributes redirect) {
		EntryView view = entries.forOwner(actor, id);
		Attachment attachment = view.attachments()
			.stream()
			.filter(file -> file.id() == attachmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
		if (!view.changeable()) {
			redirect.addFlashAttribute("flashError",
					texts.text(view.recallable() ? "submission.rejected.inReview" : "submission.detail.closed"));
			return "redirect:/works/" + id;
		}
		AttachmentSlot slot = view.slots()
			.stream()
			.filter(candidate -> candidate.key().equals(attachment.slotKey()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("slot " + attachment.slotKey()));
		model.addAttribute("view", view);
		model.addAttribute("attachment", attachment);
		model.addAttribute("slot", slot);
		model.addAttribute("leavesSlotEmpty", view.attachmentsIn(slot).size() == 1);
		return "submission/remove";
	}

	@PostMapping("/{id}/attachments/{attachmentId}/remove")
	String detach(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, @PathVariable long attachmentId,
			RedirectAttributes redirect) {
		try {
			changes.detach(actor, id, attachmentId);
			redirect.addFlashAttribute("flashSuccess", texts.text("submission.flash.removed"));
		}
		catch (EntryChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		return "redirect:/works/" + id;
	}

	@PostMapping("/{id}/submit")
	String submit(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(required = false) Integer version,
			@RequestParam(name = "declaration", required = false) List<Long> declarations,
			RedirectAttributes redirect) {
		try {
			changes.submit(actor, id, version == null ? -1 : version,
					declarations == null ? Set.of() : new HashSet<>(declarations));
			redirect.addFlashAttribute("flashSuccess", texts.text("submission.flash.submitted"));
		}
		catch (EntryChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		catch (EntryConflict conflict) {
			redirect.addFlashAttribute("flashError", texts.text("submission.conflict"));
		}
		return "redirect:/works/" + id;
	}

	/**
	 * The submit button with what is still missing, for the declarations ticked so far
	 * (htmx, on every change of the submit form).
	 */
	@GetMapping("/{id}/submit-state")
	String submitState(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(name = "declaration", required = false) List<Long> declarations, Model model) {
		EntryView view = entries.forOwner(actor, id);
		model.addAttribute("blockers", view.submitBlockers(declarations == null ? List.of() : declarations));
		return "submission/fragments :: submitState(blockers=${blockers})";
	}

	/**
	 * 撤回修改, first step: what taking the submitted entry back to a draft gives up, to
	 * confirm.
	 */
	@GetMapping("/{id}/recall")
	String showRecallForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		EntryView view = entries.forOwner(actor, id);
		if (!view.recallable()) {
			redirect.addFlashAttribute("flashError", texts.text("submission.rejected.notInReview"));
			return "redirect:/works/" + id;
		}
		model.addAttribute("view", view);
		model.addAttribute("cost", view.recallCost());
		return "submission/recall";
	}

	@PostMapping("/{id}/recall")
	String recall(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		try {
			changes.recall(actor, id, version == null ? -1 : version);
			redirect.addFlashAttribute("flashSuccess", texts.text("submission.flash.recalled"));
		}
		catch (EntryChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		catch (EntryConflict conflict) {
			redirect.addFlashAttribute("flashError", texts.text("submission.conflict"));
		}
		return "redirect:/works/" + id;
	}

	/**
	 * Withdrawing, first step: that it is final and what is given up, with the optional
	 * remark, to confirm.
	 */
	@GetMapping("/{id}/withdraw")
	String showWithdrawForm(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		EntryView view = entries.forOwner(actor, id);
		if (!view.withdrawable()) {
			redirect.addFlashAttribute("flashError", texts.text("submission.detail.closed"));
			return "redirect:/works/" + id;
		}
		model.addAttribute("view", view);
		model.addAttribute("cost", view.recallCost());
		return "submission/withdraw";
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String remark,
			RedirectAttributes redirect) {
		try {
			changes.withdraw(actor, id, version == null ? -1 : version,
					remark == null || remark.isBlank() ? null : remark.strip());
			redirect.addFlashAttribute("flashSuccess", texts.text("submission.flash.withdrawn"));
		}
		catch (EntryChangeRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.text(rejected));
		}
		catch (EntryConflict conflict) {
			redirect.addFlashAttribute("flashError", texts.text("submission.conflict"));
		}
		return "redirect:/works/" + id;
	}

	/**
	 * A file of the entry, for its owner and the admins above (else 404), served with the
	 * type found in its content.
	 */
	@GetMapping("/{id}/files/{attachmentId}")
	ResponseEntity<Resource> download(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@PathVariable long attachmentId) {
		Attachment attachment = entries.readableAttachment(actor, id, attachmentId);
		return storedFiles.response(
				storedFiles.findCompleted(attachment.fileId())
					.orElseThrow(() -> new NotFoundException("file " + attachment.fileId())),
				MediaType.parseMediaType(attachment.contentType()), attachment.inline());
	}

	/** "查看完整信息": the nominee's full ID number and mobile, audited per view. */
	@GetMapping("/{id}/personal-data")
	String personalData(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean admin, Model model) {
		model.addAttribute("data", nominations.revealPersonalData(actor, id));
		model.addAttribute("entryId", id);
		model.addAttribute("back", (admin ? "/admin/works/" : "/works/") + id);
		return "submission/personal-data";
	}

	/**
	 * The nomination form of 附件4; {@code full=true} with full personal data for those
	 * allowed (audited).
	 */
	@GetMapping("/{id}/nomination.{format:pdf|docx}")
	ResponseEntity<byte[]> nominationDocument(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@PathVariable String format, @RequestParam(defaultValue = "false") boolean full) {
		NominationForms.Document document = nominations.document(actor, id, format.equals("docx"), full);
		MediaType type = format.equals("docx")
				? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
				: MediaType.APPLICATION_PDF;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(document.content());
	}

}
