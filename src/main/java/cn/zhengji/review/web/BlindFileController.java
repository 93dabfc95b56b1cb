package cn.zhengji.review.web;

import java.nio.charset.StandardCharsets;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.BlindFile;
import cn.zhengji.review.BlindFileNotReady;
import cn.zhengji.review.BlindFiles;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Issue 12 item 4: the blind copies of a work's files for the experts assigned to it
 * ({@link BlindFiles}); a 404 for everyone else.
 */
@Controller
class BlindFileController {

	private final BlindFiles blindFiles;

	private final Texts texts;

	BlindFileController(BlindFiles blindFiles, Texts texts) {
		this.blindFiles = blindFiles;
		this.texts = texts;
	}

	@GetMapping("/expert/reviews/{roundId}/works/{entryId}/files/{attachmentId}")
	ResponseEntity<Resource> file(@AuthenticationPrincipal SignedInUser expert, @PathVariable long roundId,
			@PathVariable long entryId, @PathVariable long attachmentId) {
		return blindFiles.file(expert, roundId, entryId, attachmentId);
	}

	@GetMapping("/expert/reviews/{roundId}/works/{entryId}/files/{attachmentId}/pages/{number}.png")
	ResponseEntity<Resource> page(@AuthenticationPrincipal SignedInUser expert, @PathVariable long roundId,
			@PathVariable long entryId, @PathVariable long attachmentId, @PathVariable int number) {
		return blindFiles.page(expert, roundId, entryId, attachmentId, number);
	}

	/**
	 * Not ready: 503 with {@code Retry-After} while the copy is being made, 409 when it
	 * could not be made; a short Chinese text either way (a player or an image cannot
	 * show more), never the original.
	 */
	@ExceptionHandler(BlindFileNotReady.class)
	ResponseEntity<String> notReady(BlindFileNotReady notReady) {
		boolean pending = notReady.status() == BlindFile.Status.PENDING;
		ResponseEntity.BodyBuilder response = ResponseEntity
			.status(pending ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.CONFLICT)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore().cachePrivate());
		if (pending) {
			response.header(HttpHeaders.RETRY_AFTER, "30");
		}
		return response.body(texts.text(pending ? "review.blind.preparing" : "review.blind.failed"));
	}

}
