package cn.zhengji.certificate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import cn.zhengji.infrastructure.documents.CjkFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seal on a certificate: an uploaded PNG is checked (PNG signature, decodes, at most
 * 512 KB and 2000 px a side), and without one a red round seal is drawn with the issuer's
 * name along its rim and a star in the middle.
 */
@Component
class SealImages {

	static final int MAX_BYTES = 512 * 1024;

	static final int MAX_SIDE = 2000;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final Logger log = LoggerFactory.getLogger(SealImages.class);

	private final CjkFont cjkFont;

	SealImages(CjkFont cjkFont) {
		this.cjkFont = cjkFont;
	}

	/** Why an upload is not a usable seal. */
	enum Problem {

		EMPTY, TOO_LARGE, NOT_PNG, TOO_WIDE

	}

	/** The problem of an uploaded seal, or null when it can be used. */
	static Problem check(byte[] png) {
		if (png == null || png.length == 0) {
			return Problem.EMPTY;
		}
		if (png.length > MAX_BYTES) {
			return Problem.TOO_LARGE;
		}
		if (png.length < PNG_SIGNATURE.length
				|| !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
			return Problem.NOT_PNG;
		}
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			if (image == null) {
				return Problem.NOT_PNG;
			}
			if (image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
				return Problem.TOO_WIDE;
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return Problem.NOT_PNG;
		}
	}

	/** A drawn seal of {@code issuer}, 600 px square, transparent around the ring. */
	byte[] drawn(String issuer) {
		int size = 600;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			Color red = new Color(214, 30, 30, 225);
			g.setColor(red);
			g.setStroke(new BasicStroke(16f));
			g.drawOval(12, 12, size - 24, size - 24);
			g.fill(star(size / 2.0, size / 2.0, 95, 38));
			Font font = font();
			if (font != null && issuer != null && !issuer.isBlank()) {
				rimText(g, font.deriveFont(Font.PLAIN, 80f), issuer.strip(), size);
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	private static void rimText(Graphics2D g, Font font, String text, int size) {
		int count = text.codePointCount(0, text.length());
		double radius = size / 2.0 - 80;
		// The characters on the upper arc, at most 240 degrees, centred at the top.
		double sweep = Math.toRadians(Math.min(250, 30 * count + 20));
		double step = count > 1 ? sweep / (count - 1) : 0;
		double start = -Math.PI / 2 - sweep / 2;
		g.setFont(font);
		int i = 0;
		for (int offset = 0; offset < text.length();) {
			int codePoint = text.codePointAt(offset);
			String character = new String(Character.toChars(codePoint));
			offset += Character.charCount(codePoint);
			double angle = (count > 1) ? start + step * i : -Math.PI / 2;
			AffineTransform saved = g.getTransform();
			g.translate(size / 2.0 + radius * Math.cos(angle), size / 2.0 + radius * Math.sin(angle));
			g.rotate(angle + Math.PI / 2);
			int width = g.getFontMetrics().stringWidth(character);
			g.drawString(character, -width / 2f, g.getFontMetrics().getAscent() / 2f);
			g.setTransform(saved);
			i++;
		}
	}

	private static Path2D star(double cx, double cy, double outer, double inner) {
		Path2D.Double star = new Path2D.Double();
		for (int i = 0; i < 10; i++) {
			double r = (i % 2 == 0) ? outer : inner;
			double angle = -Math.PI / 2 + i * Math.PI / 5;
			double x = cx + r * Math.cos(angle);
			double y = cy + r * Math.sin(angle);
			if (i == 0) {
				star.moveTo(x, y);
			}
			else {
				star.lineTo(x, y);
			}
		}
		star.closePath();
		return star;
	}

	private Font font() {
		try {
			Font[] fonts = Font.createFonts(cjkFont.path().toFile());
			return fonts.length > 0 ? fonts[0] : null;
		}
		catch (Exception ex) {
			log.warn("The drawn seal has no text: cannot load the Chinese font ({})", ex.getMessage());
			return null;
		}
	}

}
