package cn.zhengji.similarity.web;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Issue 15 item 2: the side-by-side frames of a flag, as JPEG. {@code this} is the frame
 * of the entry the admin reads, {@code other} the matching frame of the other entry —
 * only for an admin who may open that entry too, and only for a stored match (no frame of
 * any entry by guessing ids). Anything else is a 404.
 */
@Controller
class MatchFrameController {

	private final MatchFlags flags;

	MatchFrameController(MatchFlags flags) {
		this.flags = flags;
	}

	@GetMapping(value = "/admin/works/{id}/similar/{otherId}/frames/{index}/{side}.jpg",
			produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> frame(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@PathVariable long otherId, @PathVariable int index, @PathVariable String side) {
		boolean other = switch (side) {
			case "this" -> false;
			case "other" -> true;
			default -> throw new NotFoundException("frame side " + side);
		};
		byte[] jpeg = flags.frame(actor, id, otherId, index, other)
			.orElseThrow(() -> new NotFoundException("frame " + id + "/" + otherId + "/" + index));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(jpeg);
	}

}
