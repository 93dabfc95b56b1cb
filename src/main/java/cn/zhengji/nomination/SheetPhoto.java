package cn.zhengji.nomination;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * The 一寸彩照 (25 × 35 mm) as it is placed on the sheet: its size fitted into that box,
 * keeping its proportions. Only JPEG and PNG are placed; anything else is left out rather
 * than breaking the document.
 */
record SheetPhoto(byte[] bytes, String contentType, int pixelWidth, int pixelHeight, double widthMm, double heightMm) {

	static final double BOX_WIDTH_MM = 25;
	static final double BOX_HEIGHT_MM = 35;

	/**
	 * @return null when there is no photo or it is not a readable JPEG or PNG
	 */
	static SheetPhoto of(byte[] bytes) {
		if (bytes == null || bytes.length < 8) {
			return null;
		}
		String contentType = isPng(bytes) ? "image/png" : isJpeg(bytes) ? "image/jpeg" : null;
		if (contentType == null) {
			return null;
		}
		BufferedImage image;
		try {
			image = ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException | RuntimeException unreadable) {
			return null;
		}
		if (image == null || image.getWidth() == 0 || image.getHeight() == 0) {
			return null;
		}
		double scale = Math.min(BOX_WIDTH_MM / image.getWidth(), BOX_HEIGHT_MM / image.getHeight());
		return new SheetPhoto(bytes, contentType, image.getWidth(), image.getHeight(), image.getWidth() * scale,
				image.getHeight() * scale);
	}

	String dataUri() {
		return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
	}

	/** CSS pixels (1/96 inch), the unit of the img width attribute. */
	long widthPx() {
		return Math.round(widthMm / 25.4 * 96);
	}

	long heightPx() {
		return Math.round(heightMm / 25.4 * 96);
	}

	boolean png() {
		return contentType.equals("image/png");
	}

	private static boolean isPng(byte[] b) {
		return (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
	}

	private static boolean isJpeg(byte[] b) {
		return (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
	}
}
