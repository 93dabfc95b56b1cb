package cn.zhengji.nomination;

import java.net.URL;
import java.util.Locale;
import java.util.Map;

import cn.zhengji.infrastructure.documents.XhtmlPdf;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * 附件4 as PDF: the XHTML template rendered by Flying Saucer, the Chinese font embedded as
 * a subset.
 */
@Component
class SheetPdf {

	private static final String TEMPLATE = "nomination/sheet-pdf";

	private final ITemplateEngine templates;

	private final XhtmlPdf pdf;

	private final URL styleBase;

	SheetPdf(ITemplateEngine templates, XhtmlPdf pdf) {
		this.templates = templates;
		this.pdf = pdf;
		this.styleBase = SheetPdf.class.getResource("/nomination/sheet-pdf.css");
	}

	byte[] render(Map<String, Object> model) {
		// XML mode: Flying Saucer parses the result as XHTML, so it must stay
		// well-formed.
		String xhtml = templates.process(new TemplateSpec(TEMPLATE, TemplateMode.XML),
				new Context(Locale.SIMPLIFIED_CHINESE, model));
		return pdf.render(xhtml, styleBase);
	}

}
