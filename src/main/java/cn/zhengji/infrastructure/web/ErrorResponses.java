package cn.zhengji.infrastructure.web;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SecondFactorRequired;
import cn.zhengji.infrastructure.security.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What a failed request answers, in one place: under {@code /api/} an RFC 9457 problem
 * with a Chinese detail, elsewhere the Chinese error page with the right status. Never a
 * stack trace. A malformed id in a path is treated like an unknown one (404): both mean
 * "nothing there".
 */
@ControllerAdvice
class ErrorResponses {

	private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Texts texts;

	private final ApplicationEventPublisher events;

	ErrorResponses(Texts texts, ApplicationEventPublisher events) {
		this.texts = texts;
		this.events = events;
	}

	/**
	 * The one place where a refused look at another unit's object becomes a 404: the same
	 * answer as for nothing at all, and an {@link AccessRefused} event for the audit log
	 * when someone is signed in.
	 */
	@ExceptionHandler(NotVisibleException.class)
	Object notVisible(NotVisibleException ex, HttpServletRequest request) {
		if (SignedInUser.current().isPresent()) {
			events.publishEvent(new AccessRefused(ex.targetType(), ex.targetId(), request.getMethod(),
					request.getRequestURI().substring(request.getContextPath().length())));
		}
		return respond(request, HttpStatus.NOT_FOUND, "error.detail.notFound");
	}

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class, NoHandlerFoundException.class })
	Object notFound(HttpServletRequest request, HttpServletResponse response) {
		return respond(request, HttpStatus.NOT_FOUND, "error.detail.notFound");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object badArgument(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		if (ex.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
			return respond(request, HttpStatus.NOT_FOUND, "error.detail.notFound");
		}
		return respond(request, HttpStatus.BAD_REQUEST, "error.detail.badParameter", ex.getName());
	}

	@ExceptionHandler({ TypeMismatchException.class, MissingServletRequestParameterException.class })
	Object badRequest(HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, "error.detail.badRequest");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpServletRequest request) {
		return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "error.detail.methodNotAllowed");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object unsupportedMediaType(HttpServletRequest request) {
		return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.detail.unsupportedMediaType");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object uploadTooLarge(HttpServletRequest request) {
		return respond(request, HttpStatus.CONTENT_TOO_LARGE, "error.detail.uploadTooLarge");
	}

	@ExceptionHandler(MultipartException.class)
	Object badUpload(HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, "error.detail.badUpload");
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	Object changedByOthers(HttpServletRequest request) {
		return respond(request, HttpStatus.CONFLICT, "error.detail.conflict");
	}

	@ExceptionHandler(ParameterText.InvalidText.class)
	Object invalidText(HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, "error.detail.invalidCharacters");
	}

	/**
	 * Issue 11 item 8: a rule's refusal that no form catches (a request no page of the
	 * refused kind leads to): its own Chinese message, never a 500.
	 */
	@ExceptionHandler(ChangeRejected.class)
	Object refused(ChangeRejected ex, HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, ex.messageCode(), ex.arguments());
	}

	/** Issue 11 item 9: a stored file whose bytes changed is not served. */
	@ExceptionHandler(ContentUnavailable.class)
	Object unavailable(ContentUnavailable ex, HttpServletRequest request) {
		Object answer = respond(request, HttpStatus.CONFLICT, ex.messageCode());
		if (answer instanceof ModelAndView page) {
			// not the page of an edit conflict: the general one, with this message
			page.setViewName("error/error");
		}
		return answer;
	}

	/**
	 * Issue 11 item 4, step-up: a page is sent to enter a fresh code and comes back (to
	 * the same address for a GET, to the page the form was on otherwise); htmx is told to
	 * go there; the API answers 401 with a Chinese problem.
	 */
	@ExceptionHandler(SecondFactorRequired.class)
	Object secondFactorRequired(HttpServletRequest request, HttpServletResponse response) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return respond(request, HttpStatus.UNAUTHORIZED, "error.detail.stepUpRequired");
		}
		String back = "GET".equals(request.getMethod())
				? request.getRequestURI().substring(request.getContextPath().length())
						+ (request.getQueryString() == null ? "" : "?" + request.getQueryString())
				: sameSitePath(request, request.getHeader("HX-Request") != null ? request.getHeader("HX-Current-URL")
						: request.getHeader("Referer"));
		String target = request.getContextPath() + "/account/second-factor?next="
				+ URLEncoder.encode(back, StandardCharsets.UTF_8);
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", target);
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		return new ModelAndView("redirect:" + target.substring(request.getContextPath().length()));
	}

	/** The path (and query) of an address on this site, or the workbench. */
	private static String sameSitePath(HttpServletRequest request, String address) {
		if (address == null) {
			return "/workbench";
		}
		try {
			URI uri = URI.create(address);
			if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
				return "/workbench";
			}
			String path = uri.getRawPath() == null ? "" : uri.getRawPath();
			if (!path.startsWith(request.getContextPath() + "/")) {
				return "/workbench";
			}
			return path.substring(request.getContextPath().length())
					+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (IllegalArgumentException ex) {
			return "/workbench";
		}
	}

	/**
	 * Logged with an error id that the page (or problem) shows, so that a user's report
	 * leads to the stack trace without the page revealing anything of it.
	 */
	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request) {
		String errorId = HexFormat.of().formatHex(randomBytes());
		log.error("Unhandled error [{}] on {} {}", errorId, request.getMethod(), request.getRequestURI(), ex);
		Object answer = respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.detail.unexpected");
		if (answer instanceof ModelAndView page) {
			page.addObject("errorId", errorId);
		}
		else if (answer instanceof ResponseEntity<?> problem && problem.getBody() instanceof ProblemDetail detail) {
			detail.setProperty("errorId", errorId);
		}
		return answer;
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private Object respond(HttpServletRequest request, HttpStatus status, String code, Object... arguments) {
		String detail = texts.text(code, arguments);
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemDetail.forStatusAndDetail(status, detail));
		}
		String view = switch (status) {
			case NOT_FOUND, CONFLICT, BAD_REQUEST, INTERNAL_SERVER_ERROR -> "error/" + status.value();
			default -> "error/error";
		};
		return new ModelAndView(view, new HashMap<>(Map.of("detail", detail)), status);
	}

}
