package cn.zhengji.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhengji.infrastructure.documents.CjkFont;
import org.openpdf.text.pdf.BaseFont;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Certificates as PDF, A4 landscape, one page each: the XHTML template
 * {@code certificate/pdf} rendered by Flying Saucer with the Chinese font embedded as a
 * subset (as the nomination form, {@code nomination.SheetPdf}).
 */
@Component
class CertificatePdf {

	static final String FONT_FAMILY = "CJK";

	private final ITemplateEngine templates;

	private final CjkFont font;

	private final URL styleBase;

	CertificatePdf(ITemplateEngine templates, CjkFont font) {
		this.templates = templates;
		this.font = font;
		this.styleBase = CertificatePdf.class.getResource("/certificate/certificate-pdf.css");
	}

	/** A printed page: the filled texts of one certificate. */
	record Printed(String title, List<String> paragraphs, String issuer, String signatureDate, String code,
			String qrDataUri, String verifyUrl) {
	}

	byte[] render(List<Printed> pages, String sealDataUri) {
		String xhtml = templates.process(new TemplateSpec("certificate/pdf", TemplateMode.XML),
				new Context(Locale.SIMPLIFIED_CHINESE, Map.of("pages", pages, "seal", sealDataUri)));
		ITextRenderer renderer = new ITextRenderer();
		try {
			renderer.getFontResolver()
				.addFont(font.fontPath(), FONT_FAMILY, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the Chinese font " + font.fontPath(), e);
		}
		renderer.setDocumentFromString(xhtml, styleBase.toExternalForm());
		renderer.layout();
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		renderer.createPDF(pdf);
		return pdf.toByteArray();
	}

}
