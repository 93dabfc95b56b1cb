package cn.zhengji.media;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import cn.zhengji.media.BlindCopyException.Reason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.common.usermodel.fonts.FontInfo;
import org.apache.poi.sl.draw.DrawFontManagerDefault;
import org.apache.poi.sl.draw.Drawable;
import org.apache.poi.sl.usermodel.Slide;
import org.apache.poi.sl.usermodel.SlideShow;
import org.apache.poi.sl.usermodel.SlideShowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issue 12 item 4: the slides of a PPT/PPTX deck and the pages of a PDF as PNG images, so
 * that an expert sees them in the page on a phone or a PC without an office suite and
 * without downloading the file. Drawn from the blind copy (never the original): slides by
 * Apache POI onto Java2D, PDF pages by PDFBox's renderer. At most {@link #MAX_PAGES}
 * pages, each {@link #WIDTH} pixels wide (sharp on a phone's 3× screen, a few hundred KB
 * each). Text in fonts the server lacks (微软雅黑, 宋体 of the author's PC) is drawn in the
 * configured CJK font ({@code zhengji.documents.cjk-font}, Debian's fonts-wqy-zenhei).
 */
@Component
public class PageImages {

	/** Enough for any deck a category asks for; a longer one shows its first pages. */
	public static final int MAX_PAGES = 60;

	/** Pixels across every page image. */
	public static final int WIDTH = 1280;

	/** Pages taller than this (a long scroll of a PDF) are scaled down to it. */
	static final int MAX_HEIGHT = 4 * WIDTH;

	private static final Logger log = LoggerFactory.getLogger(PageImages.class);

	private final String fallbackFamily;

	PageImages(@Value("${zhengji.documents.cjk-font:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}") Path cjkFont) {
		this.fallbackFamily = register(cjkFont);
	}

	/** One rendered page. */
	public record PageImage(Path file, int width, int height) {
	}

	/** Whether {@link #render} draws this content type (PPT, PPTX and PDF). */
	public static boolean renders(String contentType) {
		return Set.of(Format.PPT.contentType(), Format.PPTX.contentType(), Format.PDF.contentType())
			.contains(contentType);
	}

	/**
	 * Draws the pages of {@code document} (a blind copy) into {@code directory} as
	 * {@code page-1.png}, {@code page-2.png}, …; at most {@link #MAX_PAGES}.
	 * @throws BlindCopyException for another format, or a document that cannot be drawn
	 */
	public List<PageImage> render(Path document, Path directory) throws BlindCopyException {
		try {
			Files.createDirectories(directory);
			Format format = BlindCopies.formatOf(document);
			return switch (format) {
				case PPT, PPTX -> slides(document, directory);
				case PDF -> pdfPages(document, directory);
				default -> throw new BlindCopyException(Reason.UNSUPPORTED_FORMAT,
						"No pages can be drawn of " + format + " content", null);
			};
		}
		catch (MediaProblem problem) {
			throw new BlindCopyException(Reason.DAMAGED, document + ": " + problem.code(), problem);
		}
		catch (IOException ex) {
			throw new BlindCopyException(Reason.INPUT_OUTPUT, "Could not draw the pages of " + document, ex);
		}
		catch (RuntimeException ex) {
			throw new BlindCopyException(Reason.DAMAGED, document + " could not be drawn", ex);
		}
	}

	private List<PageImage> slides(Path document, Path directory) throws IOException {
		List<PageImage> pages = new ArrayList<>();
		try (SlideShow<?, ?> show = SlideShowFactory.create(document.toFile(), null, true)) {
			Dimension size = show.getPageSize();
			double scale = scale(size.getWidth(), size.getHeight());
			int width = (int) Math.round(size.getWidth() * scale);
			int height = (int) Math.round(size.getHeight() * scale);
			List<? extends Slide<?, ?>> slides = show.getSlides();
			for (int i = 0; i < Math.min(slides.size(), MAX_PAGES); i++) {
				BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
				Graphics2D graphics = image.createGraphics();
				try {
					graphics.setPaint(Color.WHITE);
					graphics.fillRect(0, 0, width, height);
					graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
					graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
							RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
					graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
					graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
							RenderingHints.VALUE_INTERPOLATION_BICUBIC);
					graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
							RenderingHints.VALUE_FRACTIONALMETRICS_ON);
					graphics.setRenderingHint(Drawable.FONT_HANDLER, new FallbackFonts(fallbackFamily));
					graphics.scale(scale, scale);
					slides.get(i).draw(graphics);
				}
				finally {
					graphics.dispose();
				}
				pages.add(write(image, directory, i + 1));
			}
		}
		return pages;
	}

	private static List<PageImage> pdfPages(Path document, Path directory) throws IOException {
		List<PageImage> pages = new ArrayList<>();
		try (PDDocument pdf = Loader.loadPDF(document.toFile())) {
			PDFRenderer renderer = new PDFRenderer(pdf);
			for (int i = 0; i < Math.min(pdf.getNumberOfPages(), MAX_PAGES); i++) {
				PDPage page = pdf.getPage(i);
				boolean turned = page.getRotation() % 180 != 0;
				double width = turned ? page.getCropBox().getHeight() : page.getCropBox().getWidth();
				double height = turned ? page.getCropBox().getWidth() : page.getCropBox().getHeight();
				// PDFBox scales from points (1/72 inch) to pixels
				float scale = (float) scale(width, height);
				pages.add(write(renderer.renderImage(i, scale, ImageType.RGB), directory, i + 1));
			}
		}
		return pages;
	}

	/** {@link #WIDTH} across, unless that makes the page taller than allowed. */
	private static double scale(double width, double height) {
		return Math.min(WIDTH / width, MAX_HEIGHT / height);
	}

	private static PageImage write(BufferedImage image, Path directory, int number) throws IOException {
		Path file = directory.resolve("page-" + number + ".png");
		if (!ImageIO.write(image, "png", file.toFile())) {
			throw new IOException("no PNG writer");
		}
		return new PageImage(file, image.getWidth(), image.getHeight());
	}

	/**
	 * Makes the CJK font known to Java2D.
	 * @return its family name, or null when the font cannot be read (slides are then
	 * drawn with Java's own fallback)
	 */
	private static String register(Path font) {
		if (!Files.isReadable(font)) {
			log.warn("{} is not readable: slide texts in fonts the server lacks may be drawn as boxes", font);
			return null;
		}
		try {
			Font[] faces = Font.createFonts(font.toFile());
			GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
			Arrays.stream(faces).forEach(environment::registerFont);
			return faces.length == 0 ? null : faces[0].getFamily(Locale.ROOT);
		}
		catch (IOException | FontFormatException ex) {
			log.warn("{} could not be read as a font: {}", font, ex.getMessage());
			return null;
		}
	}

	/**
	 * POI's font manager, except that a typeface Java2D does not have is drawn in the CJK
	 * font rather than in a Latin-only default that shows Chinese text as boxes.
	 */
	private static final class FallbackFonts extends DrawFontManagerDefault {

		private static volatile Set<String> installed;

		private final String fallbackFamily;

		FallbackFonts(String fallbackFamily) {
			this.fallbackFamily = fallbackFamily;
		}

		@Override
		public FontInfo getMappedFont(Graphics2D graphics, FontInfo fontInfo) {
			FontInfo mapped = super.getMappedFont(graphics, fontInfo);
			if (fallbackFamily == null || mapped == null || mapped.getTypeface() == null
					|| installed().contains(mapped.getTypeface().toLowerCase(Locale.ROOT))) {
				return mapped;
			}
			return () -> fallbackFamily;
		}

		private static Set<String> installed() {
			Set<String> families = installed;
			if (families == null) {
				families = Arrays
					.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT))
					.map((name) -> name.toLowerCase(Locale.ROOT))
					.collect(Collectors.toUnmodifiableSet());
				installed = families;
			}
			return families;
		}

	}

}
