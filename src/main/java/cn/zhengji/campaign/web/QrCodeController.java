package cn.zhengji.campaign.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhengji.infrastructure.web.PlatformAddress;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 附件1 The mobile entry: a QR code of the platform's address ({@code zhengji.base-url});
 * without one, of the address the request came in on (the admins see a warning about it
 * next to the code, {@link CampaignPageController}).
 */
@Controller
class QrCodeController {

	private static final int SIZE = 480;

	private final PlatformAddress address;

	private volatile Rendered last;

	QrCodeController(PlatformAddress address) {
		this.address = address;
		address.configured().ifPresent(configured -> this.last = new Rendered(configured, render(configured)));
	}

	@GetMapping(value = "/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qrCode(HttpServletRequest request) {
		String content = address.of(request);
		Rendered rendered = last;
		if (rendered == null || !rendered.content().equals(content)) {
			rendered = new Rendered(content, render(content));
			last = rendered;
		}
		CacheControl cache = CacheControl.maxAge(Duration.ofHours(1));
		return ResponseEntity.ok()
			.cacheControl(address.configured().isPresent() ? cache : cache.cachePrivate())
			.body(rendered.png());
	}

	private record Rendered(String content, byte[] png) {
	}

	static byte[] render(String content) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalStateException("The platform address cannot be put into a QR code: " + content, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
