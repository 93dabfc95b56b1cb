package cn.zhengji.certificate.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhengji.certificate.Certificates;
import cn.zhengji.certificate.Certificates.TemplateInput;
import cn.zhengji.certificate.Certificates.TemplateRejected;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.PlatformAddress;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 14 item 4: the campaign admins' certificate page (获奖证书) — the template, its
 * preview, issuing the certificates of the final winners, and the batch downloads.
 */
@Controller
class CertificateAdminController {

	private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	private final Certificates certificates;

	private final PlatformAddress address;

	private final Texts texts;

	CertificateAdminController(Certificates certificates, PlatformAddress address, Texts texts) {
		this.certificates = certificates;
		this.address = address;
		this.texts = texts;
	}

	@GetMapping("/admin/campaigns/{code}/certificates")
	String page(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, Model model) {
		model.addAttribute("page", certificates.page(actor, code));
		return "certificate/admin";
	}

	@PostMapping("/admin/campaigns/{code}/certificates/template")
	String saveTemplate(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "") String issuer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signatureDate,
			@RequestParam(name = "seal", required = false) MultipartFile seal,
			@RequestParam(defaultValue = "false") boolean removeSeal, @RequestParam(defaultValue = "0") int version,
			RedirectAttributes redirect) throws IOException {
		byte[] png = (seal == null || seal.isEmpty()) ? null : seal.getBytes();
		try {
			certificates.saveTemplate(actor, code,
					new TemplateInput(title, body, issuer, signatureDate, png, removeSeal, version));
			redirect.addFlashAttribute("flashSuccess", texts.text("certificate.template.saved"));
		}
		catch (TemplateRejected ex) {
			redirect.addFlashAttribute("flashError", texts.text(ex.messageKey()));
		}
		return "redirect:/admin/campaigns/" + code + "/certificates";
	}

	@PostMapping("/admin/campaigns/{code}/certificates/issue")
	String issue(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code, RedirectAttributes redirect) {
		Certificates.Issued issued = certificates.issue(actor, code);
		redirect.addFlashAttribute("flashSuccess", texts.text("certificate.issued", issued.total(), issued.created()));
		return "redirect:/admin/campaigns/" + code + "/certificates";
	}

	@GetMapping("/admin/campaigns/{code}/certificates/preview.pdf")
	ResponseEntity<byte[]> preview(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			HttpServletRequest request) {
		return pdf(certificates.preview(actor, code, address.of(request)), "certificate.file.preview", false);
	}

	@GetMapping("/admin/campaigns/{code}/certificates/seal.png")
	ResponseEntity<byte[]> seal(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(certificates.sealPng(actor, code));
	}

	@GetMapping("/admin/campaigns/{code}/certificates.pdf")
	ResponseEntity<byte[]> all(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			HttpServletRequest request) {
		return pdf(certificates.allAsPdf(actor, code, address.of(request)), "certificate.file.all", true);
	}

	@GetMapping("/admin/campaigns/{code}/certificates.zip")
	ResponseEntity<StreamingResponseBody> zip(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			HttpServletRequest request) {
		String base = address.of(request);
		// Checks before the response starts: a refused admin or nothing issued is a 404.
		certificates.checkDownload(actor, code);
		StreamingResponseBody body = (out) -> certificates.allAsZip(actor, code, base, out);
		return ResponseEntity.ok()
			.contentType(ZIP)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(texts.text("certificate.file.zip"), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

	private ResponseEntity<byte[]> pdf(byte[] document, String fileNameKey, boolean attachment) {
		ContentDisposition.Builder disposition = attachment ? ContentDisposition.attachment()
				: ContentDisposition.inline();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(texts.text(fileNameKey), StandardCharsets.UTF_8).build().toString())
			.body(document);
	}

}
