package cn.zhengji.showcase;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads the address out of a QR code PNG, as a phone's camera does. */
public final class QrCodeReading {

	private QrCodeReading() {
	}

	public static String decode(byte[] png) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
				.getText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException ex) {
			throw new IllegalStateException("no QR code in the image", ex);
		}
	}

}
