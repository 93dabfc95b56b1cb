package cn.zhengji.nomination;

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
 * 附件4 as PDF: the XHTML template rendered by Flying Saucer, the Chinese font embedded as
 * a subset.
 */
@Component
class SheetPdf {

	/** The family name the style sheet asks for, whatever the font file calls itself. */
	static final String FONT_FAMILY = "CJK";

	private static final String TEMPLATE = "nomination/sheet-pdf";

	private final ITemplateEngine templates;

	private final CjkFont font;

	private final URL styleBase;

	SheetPdf(ITemplateEngine templates, CjkFont font) {
		this.templates = templates;
		this.font = font;
		this.styleBase = SheetPdf.class.getResource("/nomination/sheet-pdf.css");
	}

	byte[] render(Map<String, Object> model) {
		String fontPath = font.fontPath();
		// XML mode: Flying Saucer parses the result as XHTML, so it must stay
		// well-formed.
		String xhtml = templates.process(new TemplateSpec(TEMPLATE, TemplateMode.XML),
				new Context(Locale.SIMPLIFIED_CHINESE, model));
		ITextRenderer renderer = new ITextRenderer();
		try {
			renderer.getFontResolver().addFont(fontPath, FONT_FAMILY, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the Chinese font " + fontPath, e);
		}
		renderer.setDocumentFromString(xhtml, styleBase.toExternalForm());
		renderer.layout();
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		renderer.createPDF(pdf);
		return pdf.toByteArray();
	}

}
