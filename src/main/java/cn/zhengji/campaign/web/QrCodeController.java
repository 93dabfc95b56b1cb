package cn.zhengji.campaign.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhengji.infrastructure.web.PlatformAddress;
import cn.zhengji.infrastructure.web.QrCodes;
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
		return QrCodes.png(content, SIZE);
	}

}
