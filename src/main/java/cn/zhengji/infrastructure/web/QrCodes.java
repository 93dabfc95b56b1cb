package cn.zhengji.infrastructure.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of addresses as PNG images (the platform's mobile entry, a showcase work's
 * page): error correction M (a printed code survives some wear), a quiet zone of two
 * modules, UTF-8.
 */
public final class QrCodes {

	private QrCodes() {
	}

	/**
	 * A {@code size}×{@code size} PNG of {@code content}.
	 * @throws IllegalStateException when the content does not fit in a QR code
	 */
	public static byte[] png(String content, int size) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalStateException("The address cannot be put into a QR code: " + content, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
