package cn.zhengji.evidence.web;

import cn.zhengji.evidence.JudgementEvidence;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Issue 15 item 3: an evidence image (JPEG) of an entry's video, for those who may
 * download the video itself (the owner, the admins above); 404 otherwise.
 */
@Controller
class EvidenceImageController {

	private final JudgementEvidence evidence;

	private final StoredFiles storedFiles;

	EvidenceImageController(JudgementEvidence evidence, StoredFiles storedFiles) {
		this.evidence = evidence;
		this.storedFiles = storedFiles;
	}

	@GetMapping("/works/{id}/evidence/{imageId}.jpg")
	ResponseEntity<Resource> image(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@PathVariable long imageId) {
		return storedFiles.response(evidence.image(actor, id, imageId), MediaType.IMAGE_JPEG, true);
	}

}
