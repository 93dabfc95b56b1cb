package cn.zhengji.review.web;

import java.sql.SQLException;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.review.ReviewRoundLocked;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A change of a locked round answers 409 with the round's Chinese message, whether the
 * service refused it ({@link ReviewRoundLocked}) or the database's lock trigger did
 * (constraint {@value ReviewRoundLocked#CONSTRAINT}, e.g. a request that raced the lock):
 * never a 500. For every controller of the review module.
 */
@ControllerAdvice(basePackages = "cn.zhengji.review.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class LockedRoundAdvice {

	private final Texts texts;

	LockedRoundAdvice(Texts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(ReviewRoundLocked.class)
	Object locked(ReviewRoundLocked ex, HttpServletRequest request) {
		return respond(request, texts.text(ex.messageCode(), ex.arguments()));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	Object violated(DataIntegrityViolationException ex, HttpServletRequest request)
			throws DataIntegrityViolationException {
		if (!lockViolation(ex)) {
			throw ex;
		}
		return respond(request, texts.text("review.results.lockedNow"));
	}

	static boolean lockViolation(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
					&& ReviewRoundLocked.CONSTRAINT.equals(psql.getServerErrorMessage().getConstraint())) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getMessage() != null
					&& sql.getMessage().contains(ReviewRoundLocked.CONSTRAINT)) {
				return true;
			}
		}
		return false;
	}

	private static Object respond(HttpServletRequest request, String detail) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail));
		}
		// The general error page with this message, not the page of an edit conflict.
		return new ModelAndView("error/error", new java.util.HashMap<>(Map.of("detail", detail)), HttpStatus.CONFLICT);
	}

}
