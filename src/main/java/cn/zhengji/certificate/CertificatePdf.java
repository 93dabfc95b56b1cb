package cn.zhengji.certificate;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhengji.infrastructure.documents.XhtmlPdf;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Certificates as PDF, A4 landscape, one page each: the XHTML template
 * {@code certificate/pdf} rendered by Flying Saucer with the Chinese font embedded as a
 * subset (as the nomination form, {@code nomination.SheetPdf}).
 */
@Component
class CertificatePdf {

	private final ITemplateEngine templates;

	private final XhtmlPdf pdf;

	private final URL styleBase;

	CertificatePdf(ITemplateEngine templates, XhtmlPdf pdf) {
		this.templates = templates;
		this.pdf = pdf;
		this.styleBase = CertificatePdf.class.getResource("/certificate/certificate-pdf.css");
	}

	/** A printed page: the filled texts of one certificate. */
	record Printed(String title, List<String> paragraphs, String issuer, String signatureDate, String code,
			String qrDataUri, String verifyUrl) {
	}

	byte[] render(List<Printed> pages, String sealDataUri) {
		String xhtml = templates.process(new TemplateSpec("certificate/pdf", TemplateMode.XML),
				new Context(Locale.SIMPLIFIED_CHINESE, Map.of("pages", pages, "seal", sealDataUri)));
		return pdf.render(xhtml, styleBase);
	}

}
