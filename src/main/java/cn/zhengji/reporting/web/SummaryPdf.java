package cn.zhengji.reporting.web;

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
 * The printable year-end summary (R-PUB-4): the XHTML template
 * {@code reporting/summary-pdf} rendered by Flying Saucer like the nomination forms, the
 * Chinese font embedded; the charts of the page are its tables here.
 */
@Component
class SummaryPdf {

	private final ITemplateEngine templates;

	private final XhtmlPdf pdf;

	private final URL styleBase;

	SummaryPdf(ITemplateEngine templates, XhtmlPdf pdf) {
		this.templates = templates;
		this.pdf = pdf;
		this.styleBase = SummaryPdf.class.getResource("/reporting/summary-pdf.css");
	}

	byte[] render(Map<String, Object> model) {
		String xhtml = templates.process(new TemplateSpec("reporting/summary-pdf", TemplateMode.XML),
				new Context(Locale.SIMPLIFIED_CHINESE, model));
		return pdf.render(xhtml, styleBase);
	}

}
