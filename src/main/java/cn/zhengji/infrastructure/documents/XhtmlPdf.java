package cn.zhengji.infrastructure.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.openpdf.text.pdf.BaseFont;
import org.springframework.stereotype.Component;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * A well-formed XHTML page (a Thymeleaf template in XML mode) as PDF, drawn by Flying
 * Saucer with the {@link CjkFont} embedded as a subset under the family name
 * {@link #FONT_FAMILY}, which the PDF style sheets ask for whatever the font file calls
 * itself. One way for every printed document: nomination forms, certificates, the
 * year-end summary.
 */
@Component
public class XhtmlPdf {

	public static final String FONT_FAMILY = "CJK";

	private final CjkFont font;

	XhtmlPdf(CjkFont font) {
		this.font = font;
	}

	/**
	 * The same page gives the same bytes ({@link ReproduciblePdf}).
	 * @param styleBase what the page's relative links (its style sheet) resolve against
	 */
	public byte[] render(String xhtml, URL styleBase) {
		String fontPath = font.fontPath();
		ITextRenderer renderer = new ITextRenderer();
		try {
			renderer.getFontResolver().addFont(fontPath, FONT_FAMILY, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Chinese font " + fontPath, ex);
		}
		renderer.setDocumentFromString(xhtml, styleBase.toExternalForm());
		renderer.layout();
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		renderer.createPDF(pdf);
		return ReproduciblePdf.of(pdf.toByteArray(), sha256(xhtml));
	}

	private static byte[] sha256(String xhtml) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(xhtml.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
