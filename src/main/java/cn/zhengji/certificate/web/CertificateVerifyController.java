package cn.zhengji.certificate.web;

import cn.zhengji.certificate.Certificates;
import cn.zhengji.certificate.IssuedCertificate;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Issue 14 item 4: the public verification of a certificate (证书查验), no sign-in — the page
 * the QR code on a certificate opens, and a form to type a code. Shows what the
 * certificate says (work, award, category, campaign, unit, the name as printed, issue
 * date) and nothing else personal; an unknown code is a 404 page saying 未找到.
 */
@Controller
class CertificateVerifyController {

	private final Certificates certificates;

	CertificateVerifyController(Certificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/certificates/verify")
	String form(@RequestParam(name = "code", required = false) String code, Model model, HttpServletResponse response) {
		String cleaned = (code == null) ? "" : code.replaceAll("[^A-Za-z0-9-]", "");
		if (!cleaned.isEmpty()) {
			return "redirect:/certificates/verify/" + cleaned;
		}
		if (code != null && !code.isBlank()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("typed", code.strip());
			model.addAttribute("notFound", true);
		}
		return "certificate/verify";
	}

	@GetMapping("/certificates/verify/{code}")
	String verify(@PathVariable String code, Model model, HttpServletResponse response) {
		java.util.Optional<IssuedCertificate> found = certificates.verify(code);
		model.addAttribute("typed", code);
		if (found.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("notFound", true);
			return "certificate/verify";
		}
		model.addAttribute("certificate", found.get());
		return "certificate/verify";
	}

}
