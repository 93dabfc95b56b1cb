package cn.zhengji.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
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
 * The printable year-end summary (R-PUB-4): the XHTML template
 * {@code reporting/summary-pdf} rendered by Flying Saucer like the nomination forms, the
 * Chinese font embedded; the charts of the page are its tables here.
 */
@Component
class SummaryPdf {

	/** The family name the style sheet asks for, whatever the font file calls itself. */
	static final String FONT_FAMILY = "CJK";

	private final ITemplateEngine templates;

	private final CjkFont font;

	private final URL styleBase;

	SummaryPdf(ITemplateEngine templates, CjkFont font) {
		this.templates = templates;
		this.font = font;
		this.styleBase = SummaryPdf.class.getResource("/reporting/summary-pdf.css");
	}

	byte[] render(Map<String, Object> model) {
		String xhtml = templates.process(new TemplateSpec("reporting/summary-pdf", TemplateMode.XML),
				new Context(Locale.SIMPLIFIED_CHINESE, model));
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
