package cn.zhengji.organisation.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import jakarta.servlet.http.HttpServletResponse;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationAdministration;
import cn.zhengji.organisation.OrganisationAdministration.OrganisationNode;
import cn.zhengji.organisation.OrganisationImport;
import cn.zhengji.organisation.OrganisationImport.ImportProblem;
import cn.zhengji.organisation.OrganisationImport.ImportReport;
import cn.zhengji.organisation.OrganisationPolicy;
import cn.zhengji.organisation.OrganisationRejected;
import cn.zhengji.organisation.Organisations;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * R-ORG-1/2 The organisation pages of admins: their subtree as a tree, one organisation,
 * adding children one by one or from Excel, renaming. Anything outside the admin's
 * subtree is a 404.
 */
@Controller
@RequestMapping("/admin/organisations")
class OrganisationController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Organisations organisations;

	private final OrganisationAdministration administration;

	private final OrganisationImport excelImport;

	private final Texts texts;

	private final ExcelExports exports;

	OrganisationController(Organisations organisations, OrganisationAdministration administration,
			OrganisationImport excelImport, Texts texts, ExcelExports exports) {
		this.exports = exports;
		this.organisations = organisations;
		this.administration = administration;
		this.excelImport = excelImport;
		this.texts = texts;
	}

	@GetMapping
	String tree(@AuthenticationPrincipal SignedInUser user, Model model) {
		OrganisationNode root = administration.scopeRoot(user);
		model.addAttribute("root", root);
		model.addAttribute("nodes", administration.childNodes(user, root.organisation().id()));
		return "organisation/tree";
	}

	/** The children of one node, for expanding the tree lazily (htmx). */
	@GetMapping("/{id}/children")
	String children(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
		model.addAttribute("nodes", administration.childNodes(user, id));
		return "organisation/tree :: nodes";
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
		Organisation organisation = administration.administered(user, id);
		model.addAttribute("organisation", organisation);
		model.addAttribute("chain", chainOf(user, organisation));
		model.addAttribute("children", administration.childNodes(user, id));
		model.addAttribute("counts", administration.descendantsByKind(user, id));
		model.addAttribute("canAddChild", OrganisationPolicy.canAddChildTo(user, organisation));
		model.addAttribute("canEdit", OrganisationPolicy.canEdit(user, organisation));
		model.addAttribute("canDelete", OrganisationPolicy.canDelete(user, organisation));
		return "organisation/detail";
	}

	/** R-X-2 The organisation and its whole subtree as an Excel file; audited. */
	@GetMapping("/{id}/export.xlsx")
	void export(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, HttpServletResponse response)
			throws IOException {
		Organisation organisation = administration.administered(user, id);
		exports.download(response, new ExcelExports.Export(ExportedList.ORGANISATIONS,
				texts.text("organisation.export.title", organisation.name()), texts.text("organisation.export.sheet"),
				OrganisationAdministration.EXPORT_COLUMNS.stream().map(texts::text).toList(), organisation.path(),
				Map.of("organisation", id)),
				sheet -> administration.exportSubtree(user, id, kind -> texts.text("organisation.kind." + kind.name()),
						sheet));
	}

	@GetMapping("/{id}/children/new")
	String showAddChildForm(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
		Organisation parent = parentForNewChildren(user, id);
		ChildForm form = new ChildForm();
		if (parent.kind().allowedChildren().size() == 1) {
			form.setKind(parent.kind().allowedChildren().iterator().next());
		}
		return addChildPage(user, parent, form, model);
	}

	@PostMapping("/{id}/children/new")
	String submitAddChild(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@ModelAttribute("form") ChildForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
		Organisation parent = parentForNewChildren(user, id);
		form.validate(errors);
		if (form.getKind() != null && !parent.admitsChild(form.getKind())) {
			errors.rejectValue("kind", "organisation.error.kindNotAllowed");
		}
		if (errors.hasErrors()) {
			return addChildPage(user, parent, form, model);
		}
		Organisation created;
		try {
			created = administration.addChild(user, id, form.toNewOrganisation());
		}
		catch (OrganisationRejected ex) {
			errors.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), null);
			return addChildPage(user, parent, form, model);
		}
		redirect.addFlashAttribute("flashSuccess", texts.text("organisation.flash.added", created.name()));
		return "redirect:/admin/organisations/" + id;
	}

	@GetMapping("/{id}/edit")
	String showEditForm(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
		Organisation organisation = editable(user, id);
		return editPage(user, organisation, EditForm.of(organisation), model);
	}

	@PostMapping("/{id}/edit")
	String submitEdit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@ModelAttribute("form") EditForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
		Organisation organisation = editable(user, id);
		form.validate(errors);
		if (errors.hasErrors()) {
			return editPage(user, organisation, form, model);
		}
		Organisation saved;
		try {
			saved = administration.rename(user, id, form.getVersion(), form.getName(), form.getShortName());
		}
		catch (OrganisationRejected ex) {
			errors.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), null);
			return editPage(user, organisation, form, model);
		}
		redirect.addFlashAttribute("flashSuccess", texts.text("organisation.flash.saved", saved.name()));
		return "redirect:/admin/organisations/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			Organisation deleted = administration.delete(user, id);
			redirect.addFlashAttribute("flashSuccess", texts.text("organisation.flash.deleted", deleted.name()));
			return "redirect:/admin/organisations/" + deleted.parentId();
		}
		catch (OrganisationRejected ex) {
			redirect.addFlashAttribute("flashError", texts.text(ex.messageCode(), ex.arguments()));
			return "redirect:/admin/organisations/" + id;
		}
	}

	@GetMapping("/{id}/import")
	String showImportForm(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
		Organisation target = parentForNewChildren(user, id);
		model.addAttribute("organisation", target);
		model.addAttribute("maxRows", OrganisationImport.MAX_ROWS);
		return "organisation/import";
	}

	@GetMapping("/{id}/import/template")
	ResponseEntity<byte[]> importTemplate(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
		Organisation target = parentForNewChildren(user, id);
		byte[] workbook = excelImport.template(user, id);
		String fileName = texts.text("organisation.import.template.file", target.displayName());
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(workbook);
	}

	@PostMapping("/{id}/import")
	String submitImport(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		Organisation target = parentForNewChildren(user, id);
		ImportReport report;
		if (file == null || file.isEmpty()) {
			report = new ImportReport(List.of(new ImportProblem(0, "organisation.import.error.noFile")), 0,
					java.util.Map.of());
		}
		else {
			try (InputStream in = file.getInputStream()) {
				report = excelImport.importChildren(user, id, in, file.getOriginalFilename());
			}
			catch (OrganisationImport.ConcurrentImportConflict ex) {
				report = new ImportReport(List.of(new ImportProblem(0, "organisation.import.conflict", ex.rowNumber())),
						0, java.util.Map.of());
			}
		}
		model.addAttribute("organisation", target);
		model.addAttribute("maxRows", OrganisationImport.MAX_ROWS);
		model.addAttribute("report", report);
		return "organisation/import";
	}

	private Organisation parentForNewChildren(SignedInUser user, long id) {
		Organisation parent = administration.administered(user, id);
		if (!OrganisationPolicy.canAddChildTo(user, parent)) {
			throw new NotFoundException("organisation children " + id);
		}
		return parent;
	}

	private Organisation editable(SignedInUser user, long id) {
		Organisation organisation = administration.administered(user, id);
		if (!OrganisationPolicy.canEdit(user, organisation)) {
			throw new NotFoundException("organisation edit " + id);
		}
		return organisation;
	}

	private String addChildPage(SignedInUser user, Organisation parent, ChildForm form, Model model) {
		model.addAttribute("parent", parent);
		model.addAttribute("chain", chainOf(user, parent));
		model.addAttribute("kinds", parent.kind().allowedChildren());
		model.addAttribute("form", form);
		return "organisation/new-child";
	}

	private String editPage(SignedInUser user, Organisation organisation, EditForm form, Model model) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("chain", chainOf(user, organisation));
		model.addAttribute("form", form);
		return "organisation/edit";
	}

	/** The breadcrumb: ancestors above the admin's scope are named but not linked. */
	private List<ChainLink> chainOf(SignedInUser user, Organisation organisation) {
		return organisations.ancestry(organisation)
			.stream()
			.map(o -> new ChainLink(o, OrganisationPolicy.canAdminister(user, o)))
			.toList();
	}

	record ChainLink(Organisation organisation, boolean linked) {
	}

}
