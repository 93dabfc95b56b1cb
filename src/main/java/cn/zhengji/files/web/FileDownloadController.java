package cn.zhengji.files.web;

import java.util.UUID;

import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One's own completed upload, downloaded as it was sent. As a download of bytes whose
 * kind the server has not checked, it is always {@code application/octet-stream} and an
 * attachment.
 */
@Controller
class FileDownloadController {

	private final StoredFiles files;

	FileDownloadController(StoredFiles files) {
		this.files = files;
	}

	@GetMapping("/files/{id}")
	ResponseEntity<Resource> download(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return files.findCompletedOwnedBy(id, user.accountId())
			.map(file -> files.response(file, MediaType.APPLICATION_OCTET_STREAM, false))
			.orElseThrow(() -> new NotFoundException("file " + id));
	}

}
