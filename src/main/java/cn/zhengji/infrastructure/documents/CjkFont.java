package cn.zhengji.infrastructure.documents;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font embedded in every PDF the platform makes (nomination forms, review
 * rankings). PDF readers on the machines of the unions cannot be assumed to have a CJK
 * font, so the font travels inside the file; a missing font is a deployment error, named
 * as such. One place for the font, whichever PDF library draws with it.
 */
@Component
public class CjkFont {

	public static final String PROPERTY = "zhengji.documents.cjk-font";

	private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

	private final Path path;

	public CjkFont(@Value("${" + PROPERTY + ":/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}") Path path) {
		this.path = path;
		if (!Files.isReadable(path)) {
			// Start anyway: everything but the PDF download works without the font.
			log.warn("{} = {} is not readable: PDF documents cannot be made (Debian: apt-get install fonts-wqy-zenhei)",
					PROPERTY, path);
		}
	}

	/**
	 * The path as OpenPDF wants it: a TrueType collection needs the index of the face (0
	 * = WenQuanYi Zen Hei).
	 */
	public String fontPath() {
		if (!Files.isReadable(path)) {
			throw new IllegalStateException("The Chinese font for PDF documents is missing: " + PROPERTY + " = " + path
					+ " is not a readable file. Install Debian's fonts-wqy-zenhei or point " + PROPERTY
					+ " to a TrueType (.ttf/.ttc) font with Chinese characters.");
		}
		String file = path.toAbsolutePath().toString();
		return file.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? file + ",0" : file;
	}

	/**
	 * The font file itself, for libraries that open a TrueType collection by its file
	 * (PDFBox); checked like {@link #fontPath()}.
	 */
	public Path path() {
		fontPath();
		return path;
	}

}
