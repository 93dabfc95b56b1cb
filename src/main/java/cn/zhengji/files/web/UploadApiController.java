package cn.zhengji.files.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import cn.zhengji.files.Upload;
import cn.zhengji.files.UploadException;
import cn.zhengji.files.Uploads;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * R-SUB-2 The tus 1.0.0 endpoint (core, creation, termination, checksum, expiration), for
 * the signed-in uploader only. CSRF protection applies as everywhere: browsers send the
 * token header. Errors are RFC 9457 problems with a Chinese detail; every answer carries
 * Tus-Resumable.
 */
@RestController
@RequestMapping(UploadApiController.ENDPOINT)
@Tag(name = "api.upload.tag.name", description = "api.upload.tag.description")
class UploadApiController {

	static final String ENDPOINT = "/api/v1/uploads";

	static final String TUS_VERSION = "1.0.0";

	static final String EXTENSIONS = "creation,termination,checksum,expiration";

	static final MediaType OFFSET_OCTET_STREAM = MediaType.parseMediaType("application/offset+octet-stream");

	private final Uploads uploads;

	private final Texts texts;

	UploadApiController(Uploads uploads, Texts texts) {
		this.uploads = uploads;
		this.texts = texts;
	}

	@RequestMapping(method = RequestMethod.OPTIONS)
	@Operation(summary = "api.upload.options.summary")
	ResponseEntity<Void> options() {
		return ResponseEntity.noContent()
			.header("Tus-Resumable", TUS_VERSION)
			.header("Tus-Version", TUS_VERSION)
			.header("Tus-Extension", EXTENSIONS)
			.header("Tus-Max-Size", String.valueOf(uploads.maxSize()))
			.header("Tus-Checksum-Algorithm", "sha1,sha256,md5")
			.build();
	}

	@PostMapping
	@Operation(summary = "api.upload.create.summary", description = "api.upload.create.description")
	ResponseEntity<Void> create(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
		requireTusResumable(request);
		if (request.getHeader("Upload-Defer-Length") != null) {
			throw new UploadException(400, "files.length.deferred");
		}
		long length = longHeader(request, "Upload-Length", "files.length.invalid");
		Upload upload = uploads.create(user, length, request.getHeader("Upload-Metadata"));
		return ResponseEntity.created(URI.create(ENDPOINT + "/" + upload.id())).headers(tusHeaders(upload)).build();
	}

	@RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
	@Operation(summary = "api.upload.head.summary", description = "api.upload.head.description")
	ResponseEntity<Void> head(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			HttpServletRequest request) {
		Upload upload = uploads.find(user, id);
		requireTusResumable(request);
		HttpHeaders headers = tusHeaders(upload);
		headers.set("Upload-Length", String.valueOf(upload.length()));
		if (upload.metadata() != null) {
			headers.set("Upload-Metadata", upload.metadata());
		}
		headers.setCacheControl("no-store");
		return ResponseEntity.ok().headers(headers).build();
	}

	@PatchMapping("/{id}")
	@Operation(summary = "api.upload.patch.summary", description = "api.upload.patch.description")
	ResponseEntity<Void> patch(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			HttpServletRequest request) throws IOException {
		// Someone else's upload is not there, whatever the request looks like.
		uploads.find(user, id);
		requireTusResumable(request);
		String contentType = request.getContentType();
		if (contentType == null || !OFFSET_OCTET_STREAM.equalsTypeAndSubtype(MediaType.parseMediaType(contentType))) {
			throw new UploadException(415, "files.patch.content-type");
		}
		long offset = longHeader(request, "Upload-Offset", "files.offset.invalid");
		try (InputStream body = request.getInputStream()) {
			Upload upload = uploads.append(user, id, offset, request.getContentLengthLong(),
					request.getHeader("Upload-Checksum"), body);
			return ResponseEntity.noContent().headers(tusHeaders(upload)).build();
		}
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "api.upload.terminate.summary")
	ResponseEntity<Void> terminate(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			HttpServletRequest request) {
		uploads.find(user, id);
		requireTusResumable(request);
		uploads.terminate(user, id);
		return ResponseEntity.noContent().header("Tus-Resumable", TUS_VERSION).build();
	}

	@ExceptionHandler(UploadException.class)
	ResponseEntity<ProblemDetail> refused(UploadException ex) {
		HttpStatusCode status = HttpStatusCode.valueOf(ex.status());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, texts.text(ex.messageKey(), ex.arguments()));
		if (ex.status() == 460) {
			problem.setTitle("Checksum Mismatch");
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header("Tus-Resumable", TUS_VERSION);
		if (ex.status() == 412) {
			response.header("Tus-Version", TUS_VERSION);
		}
		return response.body(problem);
	}

	private static void requireTusResumable(HttpServletRequest request) {
		if (!TUS_VERSION.equals(request.getHeader("Tus-Resumable"))) {
			throw new UploadException(412, "files.tus-version", TUS_VERSION);
		}
	}

	private static long longHeader(HttpServletRequest request, String name, String problem) {
		String value = request.getHeader(name);
		if (value == null || !value.matches("\\d{1,18}")) {
			throw new UploadException(400, problem);
		}
		return Long.parseLong(value);
	}

	private static HttpHeaders tusHeaders(Upload upload) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Tus-Resumable", TUS_VERSION);
		headers.set("Upload-Offset", String.valueOf(upload.offset()));
		if (!upload.completed()) {
			headers.setDate("Upload-Expires", upload.expiresAt().toEpochMilli());
		}
		return headers;
	}

}
